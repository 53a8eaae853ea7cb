import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { Article } from '@paved-road/plugin-guidance-common';
import { ArticleCache } from './articleCache';
import { GuidanceClient } from './GuidanceClient';

const base = 'http://localhost:7007/api/guidance';

const article = (title: string): Article => ({
  id: 'saga-pattern',
  title,
  summary: 'Distributed transactions without two-phase commit.',
  category: 'architecture',
  tags: [],
  updated: '2026-11-01',
  readingTimeMinutes: 9,
  html: '<h2 id="steps">Steps</h2>',
  toc: [{ id: 'steps', text: 'Steps', level: 2 }],
  sections: [{ id: 'steps', text: 'Steps', level: 2 }],
  related: [],
});

/** A Storage in memory, as jsdom's localStorage would be. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: key => data.get(key) ?? null,
    key: i => [...data.keys()][i] ?? null,
    removeItem: key => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

describe('GuidanceClient article cache', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('revalidates with If-None-Match and keeps the cached article on 304', async () => {
    const seen: (string | null)[] = [];
    let current = { etag: '"v1"', body: article('Saga pattern') };
    server.use(
      http.get(`${base}/articles/saga-pattern`, ({ request }) => {
        const match = request.headers.get('If-None-Match');
        seen.push(match);
        if (match === current.etag) {
          return new HttpResponse(null, { status: 304 });
        }
        return HttpResponse.json(current.body, {
          headers: { ETag: current.etag },
        });
      }),
    );
    const storage = memoryStorage();
    const client = () =>
      new GuidanceClient({
        discoveryApi: { getBaseUrl: async () => base },
        fetchApi: { fetch: (input, init) => fetch(input, init) },
        articleCache: new ArticleCache(storage),
      });

    const first = client();
    expect(first.peekArticle('saga-pattern')).toBeUndefined();
    expect((await first.getArticle('saga-pattern')).title).toBe('Saga pattern');

    // a new page load: the stored copy paints at once, the backend answers 304
    const warm = client();
    expect(warm.peekArticle('saga-pattern')?.title).toBe('Saga pattern');
    expect((await warm.getArticle('saga-pattern')).title).toBe('Saga pattern');
    expect(seen).toEqual([null, '"v1"']);

    // the article changed: a 200 replaces the cached copy
    current = { etag: '"v2"', body: article('Saga pattern, revised') };
    expect((await warm.getArticle('saga-pattern')).title).toBe(
      'Saga pattern, revised',
    );
    expect(client().peekArticle('saga-pattern')?.title).toBe(
      'Saga pattern, revised',
    );
    expect(seen).toEqual([null, '"v1"', '"v1"']);
  });

  it('shares one request between callers asking for the same article at once', async () => {
    let calls = 0;
    server.use(
      http.get(`${base}/articles/saga-pattern`, async () => {
        calls++;
        return HttpResponse.json(article('Once'), {
          headers: { ETag: '"once"' },
        });
      }),
    );
    const client = new GuidanceClient({
      discoveryApi: { getBaseUrl: async () => base },
      fetchApi: { fetch: (input, init) => fetch(input, init) },
      articleCache: new ArticleCache(memoryStorage()),
    });
    const [a, b] = await Promise.all([
      client.getArticle('saga-pattern'),
      client.getArticle('saga-pattern'),
    ]);
    expect(a).toBe(b);
    expect(calls).toBe(1);
    // once answered, the next read asks again (revalidation)
    await client.getArticle('saga-pattern');
    expect(calls).toBe(2);
  });

  it('hands a prefetched article to the first ask only, which then paints without a second request', async () => {
    let calls = 0;
    server.use(
      http.get(`${base}/articles/saga-pattern`, async () => {
        calls++;
        return HttpResponse.json(article('Prefetched'), {
          headers: { ETag: '"p"' },
        });
      }),
    );
    const client = new GuidanceClient({
      discoveryApi: { getBaseUrl: async () => base },
      fetchApi: { fetch: (input, init) => fetch(input, init) },
      articleCache: new ArticleCache(memoryStorage()),
    });
    client.prefetchArticle('saga-pattern');
    client.prefetchArticle('saga-pattern'); // twice: still one request
    await new Promise(r => setTimeout(r, 50));
    // answered before the reader mounts: it paints from memory and its ask reuses the answer
    expect(client.peekArticle('saga-pattern')?.title).toBe('Prefetched');
    expect((await client.getArticle('saga-pattern')).title).toBe('Prefetched');
    expect(calls).toBe(1);
    // later reads revalidate as before
    await client.getArticle('saga-pattern');
    expect(calls).toBe(2);
  });

  it('asks again when a prefetch failed', async () => {
    let calls = 0;
    server.use(
      http.get(`${base}/articles/saga-pattern`, async () => {
        calls++;
        if (calls === 1) return new HttpResponse(null, { status: 503 });
        return HttpResponse.json(article('Second try'), {
          headers: { ETag: '"s"' },
        });
      }),
    );
    const client = new GuidanceClient({
      discoveryApi: { getBaseUrl: async () => base },
      fetchApi: { fetch: (input, init) => fetch(input, init) },
      articleCache: new ArticleCache(memoryStorage()),
    });
    client.prefetchArticle('saga-pattern');
    await new Promise(r => setTimeout(r, 50));
    expect((await client.getArticle('saga-pattern')).title).toBe('Second try');
    expect(calls).toBe(2);
  });

  it('keeps at most the configured number of articles and ignores damaged entries', () => {
    const storage = memoryStorage();
    const cache = new ArticleCache(storage, 2);
    for (const id of ['a', 'b', 'c']) {
      cache.set(id, { etag: `"${id}"`, article: { ...article(id), id } });
    }
    const fresh = new ArticleCache(storage, 2);
    expect(fresh.get('a')).toBeUndefined();
    expect(fresh.get('c')?.etag).toBe('"c"');
    storage.setItem('paved-road:guidance:article:x', '{not json');
    expect(fresh.get('x')).toBeUndefined();
    storage.setItem(
      'paved-road:guidance:article:y',
      JSON.stringify({ etag: '"y"', article: { id: 'other' } }),
    );
    expect(fresh.get('y')).toBeUndefined();
  });

  it('still reads when storage refuses writes', async () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const cache = new ArticleCache(storage);
    cache.set('saga-pattern', { etag: '"v1"', article: article('Kept') });
    expect(cache.get('saga-pattern')?.article.title).toBe('Kept');
  });
});
