import { resolve } from 'path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { guidancePlugin } from './plugin';

// loads the built-in library (about 20 articles): more than jest's 5 s default on a loaded machine
jest.setTimeout(60_000);

// The article route serves what the reader needs; the Markdown has its own route.
describe('GET /articles/:id', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        guidancePlugin,
        mockServices.rootConfig.factory({
          // the shipped library, read as a configured folder (its module lives in another package)
          data: {
            guidance: {
              sources: [
                {
                  type: 'directory',
                  path: resolve(
                    __dirname,
                    '../../guidance-backend-module-builtin-articles/articles',
                  ),
                },
              ],
            },
          },
        }),
        catalogServiceMock.factory(),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });
  afterAll(() => stop());

  it('serves html, toc, sections and metadata, no Markdown, in at most 60 KB', async () => {
    const res = await request(server).get(
      '/api/guidance/articles/database-connection-pooling',
    );
    expect(res.status).toBe(200);
    const bytes = Buffer.byteLength(res.text);
    expect(bytes).toBeLessThanOrEqual(60 * 1024);
    expect(res.body).not.toHaveProperty('markdown');
    expect(res.body).toMatchObject({
      id: 'database-connection-pooling',
      title: expect.any(String),
      category: expect.any(String),
      html: expect.stringContaining('<h2'),
      toc: expect.arrayContaining([
        expect.objectContaining({ id: expect.any(String), level: 2 }),
      ]),
      sections: expect.arrayContaining([
        expect.objectContaining({ id: expect.any(String) }),
      ]),
    });
    // the Markdown is still served, on its own route
    const markdown = await request(server).get(
      '/api/guidance/articles/database-connection-pooling/markdown',
    );
    expect(markdown.status).toBe(200);
    expect(markdown.text).toMatch(/^## /m);
  });

  it('answers 304 to a reader whose copy is current', async () => {
    const first = await request(server).get(
      '/api/guidance/articles/database-connection-pooling',
    );
    const again = await request(server)
      .get('/api/guidance/articles/database-connection-pooling')
      .set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('sends a browser the same JSON compressed, under its own ETag, and 304 for each coding', async () => {
    const path = '/api/guidance/articles/database-connection-pooling';
    const plain = await request(server)
      .get(path)
      .set('Accept-Encoding', 'identity');
    const browser = await request(server)
      .get(path)
      .set('Accept-Encoding', 'gzip, deflate, br');
    const gzip = await request(server).get(path).set('Accept-Encoding', 'gzip');

    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-length']).toBe(
      String(Buffer.byteLength(plain.text)),
    );
    for (const [res, coding] of [
      [browser, 'br'],
      [gzip, 'gzip'],
    ] as const) {
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(coding);
      // what was sent, before supertest decoded it
      expect(Number(res.headers['content-length'])).toBeLessThan(
        Buffer.byteLength(plain.text) / 2,
      );
      expect(res.text).toBe(plain.text);
      expect(res.headers.etag).toBe(
        `${plain.headers.etag.slice(0, -1)}-${coding}"`,
      );
    }
    for (const res of [plain, browser, gzip]) {
      expect(res.headers.vary).toMatch(/\bAccept-Encoding\b/);
    }

    const browserAgain = await request(server)
      .get(path)
      .set('Accept-Encoding', 'gzip, deflate, br')
      .set('If-None-Match', browser.headers.etag);
    expect(browserAgain.status).toBe(304);
    expect(browserAgain.headers.etag).toBe(browser.headers.etag);
    const plainAgain = await request(server)
      .get(path)
      .set('Accept-Encoding', 'identity')
      .set('If-None-Match', plain.headers.etag);
    expect(plainAgain.status).toBe(304);
  });

  it('answers 404 naming the id for an unknown article', async () => {
    const res = await request(server).get('/api/guidance/articles/no-such-one');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(
      'No guidance article with id "no-such-one"',
    );
  });
});
