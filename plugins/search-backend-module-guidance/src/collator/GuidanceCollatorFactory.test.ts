import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { mockServices } from '@backstage/backend-test-utils';
import { TestPipeline } from '@backstage/plugin-search-backend-node';
import { GuidanceCollatorFactory } from './GuidanceCollatorFactory';

const article = {
  id: 'dns-deep-dive',
  title: 'DNS deep dive',
  summary: 'How names resolve.',
  category: 'networking',
  tags: ['dns'],
  updated: '2026-11-01',
  readingTimeMinutes: 12,
  markdown: [
    'Names resolve through a chain of servers.',
    '',
    '## How resolution works',
    '',
    'The recursive resolver asks the **root**, then the [TLD](https://example.com).',
    '',
    '```bash',
    '# not a heading: a comment inside code',
    'dig +trace example.com',
    '```',
    '',
    '## Troubleshooting with `dig`',
    '',
    '> [!TIP]',
    '> Use +short.',
  ].join('\n'),
  toc: [
    { id: 'how-resolution-works', text: 'How resolution works', level: 2 },
    {
      id: 'troubleshooting-with-dig',
      text: 'Troubleshooting with dig',
      level: 2,
    },
  ],
  related: [],
};

describe('GuidanceCollatorFactory', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const discovery = mockServices.discovery();
  const factory = new GuidanceCollatorFactory({
    discovery,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
  });

  it('yields one document per section, each linking to its heading', async () => {
    const base = await discovery.getBaseUrl('guidance');
    const seenAuth: (string | null)[] = [];
    server.use(
      http.get(`${base}/articles`, ({ request }) => {
        seenAuth.push(request.headers.get('authorization'));
        return HttpResponse.json({ items: [article] });
      }),
      http.get(`${base}/articles/dns-deep-dive`, () =>
        HttpResponse.json(article),
      ),
    );

    const { documents } = await TestPipeline.fromCollator(
      await factory.getCollator(),
    ).execute();

    expect(seenAuth[0]).toMatch(/^Bearer /);
    expect(documents.map(d => d.location)).toEqual([
      '/guidance/dns-deep-dive',
      '/guidance/dns-deep-dive#how-resolution-works',
      '/guidance/dns-deep-dive#troubleshooting-with-dig',
    ]);
    expect(documents[1]).toMatchObject({
      title: 'DNS deep dive › How resolution works',
      articleId: 'dns-deep-dive',
      section: 'How resolution works',
      category: 'networking',
      tags: ['dns'],
    });
    // Markup is gone, code stays searchable, and the comment in code did not start a section.
    expect(documents[1].text).toContain('asks the root , then the TLD');
    expect(documents[1].text).toContain('dig +trace example.com');
    expect(documents[2].text).toBe('Use +short.');
  });

  it('fails the collation with the backend error rather than indexing nothing silently', async () => {
    const base = await discovery.getBaseUrl('guidance');
    server.use(
      http.get(`${base}/articles`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'boom' } },
          { status: 500 },
        ),
      ),
    );
    const result = await TestPipeline.fromCollator(
      await factory.getCollator(),
    ).execute();
    expect(result.documents).toEqual([]);
    expect(String(result.error)).toMatch(/500/);
  });
});
