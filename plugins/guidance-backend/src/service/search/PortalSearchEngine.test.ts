import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import { PortalSearchEngine } from './PortalSearchEngine';

const doc = (articleId: string, sectionId?: string, section?: string) => ({
  type: 'guidance',
  document: {
    title: section ? `Title ${articleId} › ${section}` : `Title ${articleId}`,
    text: `Text of ${articleId} ${sectionId ?? ''}`,
    location: `/guidance/${articleId}${sectionId ? `#${sectionId}` : ''}`,
    articleId,
    articleTitle: `Title ${articleId}`,
    category: 'databases',
    ...(sectionId ? { sectionId, section } : {}),
  },
});

function engine(maxTermLength?: number) {
  return new PortalSearchEngine({
    discovery: mockServices.discovery(),
    auth: mockServices.auth(),
    summaryOf: id => (id === 'a' ? 'Summary of a.' : undefined),
    maxTermLength,
  });
}

describe('PortalSearchEngine', () => {
  let fetchSpy: jest.SpyInstance;
  afterEach(() => fetchSpy.mockRestore());

  function answer(status: number, body: unknown) {
    fetchSpy = jest.spyOn(global, 'fetch').mockResolvedValue(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  }

  it("asks the search backend's /query for guidance documents on the caller's behalf", async () => {
    answer(200, { results: [] });
    await engine(20).search({
      query: 'how many pgbouncer connections for fifty pods',
      limit: 4,
      credentials: mockCredentials.user('user:default/ada'),
    });
    const [url, init] = fetchSpy.mock.calls[0];
    const asked = new URL(url);
    expect(asked.pathname).toBe('/api/search/query');
    // cut at a word boundary to what the search backend accepts
    expect(asked.searchParams.get('term')).toBe('how many pgbouncer');
    expect(asked.searchParams.get('types[0]')).toBe('guidance');
    expect(asked.searchParams.get('pageLimit')).toBe('20');
    expect(init.headers.Authorization).toMatch(/^Bearer mock-/);
    expect(init.headers.Authorization).toContain('user:default/ada');
  });

  it('gives one result per article, deep-linked to its best section, up to the limit', async () => {
    answer(200, {
      results: [
        {
          ...doc('a', 'pool-size', 'Pool size'),
          highlight: {
            preTag: '<b>',
            postTag: '</b>',
            fields: { text: 'the <b>pool</b> size' },
          },
        },
        doc('a', 'modes', 'Modes'),
        doc('b'),
        doc('c', 'x', 'X'),
      ],
    });
    const results = await engine().search({ query: 'pool', limit: 2 });
    expect(results).toEqual([
      {
        id: 'a',
        title: 'Title a',
        summary: 'Summary of a.',
        category: 'databases',
        score: 1,
        section: { id: 'pool-size', text: 'Pool size' },
        snippet: 'the pool size',
      },
      {
        id: 'b',
        title: 'Title b',
        summary: '',
        category: 'databases',
        score: 0.333,
        snippet: 'Text of b',
      },
    ]);
  });

  it('passes other refusals on as the search backend said them', async () => {
    answer(401, { error: { name: 'AuthenticationError', message: 'no' } });
    const error = await engine()
      .search({ query: 'pool', limit: 2 })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(401);
  });
});
