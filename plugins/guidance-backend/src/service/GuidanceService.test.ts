import { mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { ArticleFile, ArticleSource } from '@paved-road/plugin-guidance-node';
import { ArticleLibrary } from './ArticleLibrary';
import { GuidanceService } from './GuidanceService';
import { GuidanceSearchEngine } from './search/GuidanceSearchEngine';
import { articleFixture } from '@paved-road/plugin-guidance-node/testUtils';

const files: ArticleFile[] = [
  {
    path: 'pooling.md',
    content: articleFixture({
      id: 'pooling',
      title: 'Connection pooling',
      category: 'databases',
      tags: ['postgres'],
      reviewed: '2026-11-01',
      appliesTo: { tags: ['postgres'] },
      body: 'Opening.\n\n## Pool size\n\nHow many connections a pool holds.\n\n### Per pod\n\nTwenty.\n',
    }),
  },
  {
    path: 'dns.md',
    content: articleFixture({
      id: 'dns',
      title: 'DNS',
      reviewed: '2026-11-01',
    }),
  },
];
const source: ArticleSource = { name: 'memory', read: async () => files };

async function service(
  options: { now?: () => Date; searchEngine?: GuidanceSearchEngine } = {},
) {
  const library = new ArticleLibrary([source], mockServices.logger.mock(), {
    reviewIntervalDays: 30,
    now: options.now ?? (() => new Date('2026-11-10T00:00:00Z')),
  });
  await library.reload();
  return new GuidanceService({ library, searchEngine: options.searchEngine });
}

describe('GuidanceService', () => {
  it('lists, filters and counts articles', async () => {
    const guidance = await service();
    expect(guidance.listArticles().map(a => a.id)).toEqual(['pooling', 'dns']);
    expect(
      guidance.listArticles({ category: 'databases' }).map(a => a.id),
    ).toEqual(['pooling']);
    expect(guidance.listArticles({ tag: 'nope' })).toEqual([]);
    expect(guidance.categories().find(c => c.id === 'databases')?.count).toBe(
      1,
    );
  });

  it('answers NotFoundError, naming the id, for every read of an unknown article', async () => {
    const guidance = await service();
    for (const read of [
      () => guidance.getArticle('missing'),
      () => guidance.getArticleBody('missing'),
      () => guidance.getMarkdown('missing'),
      () => guidance.getSections('missing'),
    ]) {
      expect(read).toThrow(NotFoundError);
      expect(read).toThrow('No guidance article with id "missing"');
    }
    expect(guidance.hasArticle('missing')).toBe(false);
    expect(guidance.hasArticle('pooling')).toBe(true);
  });

  it('serves Markdown whole or by section, and refuses an unknown section', async () => {
    const guidance = await service();
    expect(guidance.getMarkdown('pooling')).toContain('## Pool size');
    const section = guidance.getMarkdown('pooling', 'pool-size');
    expect(section).toContain('How many connections');
    expect(section).toContain('### Per pod');
    expect(section).not.toContain('Opening.');
    expect(() => guidance.getMarkdown('pooling', 'nope')).toThrow(
      'Guidance article "pooling" has no section "nope"',
    );
    expect(guidance.getSections('pooling').map(s => s.id)).toEqual([
      undefined,
      'pool-size',
      'per-pod',
    ]);
  });

  it('serves an article body without the Markdown, with an ETag', async () => {
    const guidance = await service();
    const body = guidance.getArticleBody('pooling');
    const article = JSON.parse(body.bytes.toString());
    expect(article).toMatchObject({
      id: 'pooling',
      title: 'Connection pooling',
    });
    expect(article.html).toContain('id="pool-size"');
    expect(article.toc.map((t: { id: string }) => t.id)).toEqual([
      'pool-size',
      'per-pod',
    ]);
    expect(article).not.toHaveProperty('markdown');
    expect(body.etag).toMatch(/^"[\w-]+"$/);
  });

  it('searches with the built-in engine and marks stale results as of the moment asked', async () => {
    let now = new Date('2026-11-10T00:00:00Z');
    const guidance = await service({ now: () => now });
    const [first] = await guidance.search('pool size', 5);
    expect(first).toMatchObject({
      id: 'pooling',
      section: { id: 'pool-size', text: 'Pool size' },
    });
    expect(first).not.toHaveProperty('stale');
    now = new Date('2026-12-20T00:00:00Z');
    const [later] = await guidance.search('pool size', 5);
    expect(later).toMatchObject({
      id: 'pooling',
      stale: true,
      staleReasons: ['reviewed 2026-11-01, more than 30 days ago'],
    });
    expect(guidance.recommend({ metadata: { tags: ['postgres'] } })).toEqual([
      expect.objectContaining({
        article: expect.objectContaining({ id: 'pooling', stale: true }),
      }),
    ]);
  });

  it('asks the configured engine, passing the credentials on', async () => {
    const search = jest.fn(async () => [
      {
        id: 'dns',
        title: 'DNS',
        summary: 's',
        category: 'sre',
        score: 1,
        snippet: 'x',
      },
    ]);
    const guidance = await service({ searchEngine: { search } });
    const credentials = {
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'none' },
    } as any;
    expect(await guidance.search('dns', 3, { credentials })).toEqual([
      expect.objectContaining({ id: 'dns' }),
    ]);
    expect(search).toHaveBeenCalledWith({
      query: 'dns',
      limit: 3,
      credentials,
    });
  });
});
