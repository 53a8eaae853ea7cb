import express from 'express';
import http from 'http';
import type { AddressInfo } from 'net';
import Router from 'express-promise-router';
import request from 'supertest';
import zlib from 'zlib';
import { etagOf } from './etag';
import type { PreparedBody } from './LibraryView';
import { preferredCoding, sendArticleBody } from './articleResponse';

describe('preferredCoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    // what browsers send: the order in the header implies no preference, the server picks
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['BR', 'br'],
    ['deflate', 'identity'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=0.4', 'gzip'],
    ['*', 'br'],
    ['*;q=0', 'identity'],
    ['gzip;q=0, *', 'br'],
    ['identity, br;q=0.5', 'identity'],
    ['identity;q=0, gzip', 'gzip'],
    // a malformed weight drops its element, not the header
    ['br;q=high, gzip', 'gzip'],
    ['br;q=2, gzip;q=0.1', 'gzip'],
  ])('Accept-Encoding %p → %p', (header, coding) => {
    expect(preferredCoding(header)).toBe(coding);
  });
});

/** A GET that keeps the bytes as sent (supertest would decode them). */
async function rawGet(
  app: express.Express,
  headers: Record<string, string>,
): Promise<{
  status?: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}> {
  const server = app.listen(0);
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) => {
      http
        .get(`http://127.0.0.1:${port}/article`, { headers }, res => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
        })
        .on('error', reject);
    });
  } finally {
    server.close();
  }
}

describe('sendArticleBody', () => {
  const json = JSON.stringify({
    id: 'an-article',
    html: '<p>Pooling keeps connections open.</p>'.repeat(400),
  });
  let body: PreparedBody;
  let app: express.Express;

  beforeEach(() => {
    // a new body per test: each test sees its own compressed copies made
    body = { bytes: Buffer.from(json), etag: etagOf(json) };
    const router = Router();
    router.get('/article', (req, res) => sendArticleBody(req, res, body));
    app = express().use(router);
  });
  afterEach(() => jest.restoreAllMocks());

  it('sends the plain JSON to a client that accepts no coding', async () => {
    const res = await request(app)
      .get('/article')
      .set('Accept-Encoding', 'identity');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-length']).toBe(String(body.bytes.length));
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers.etag).toBe(body.etag);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toBe(json);
  });

  it.each([
    ['gzip, deflate, br', 'br', zlib.brotliDecompressSync],
    ['gzip', 'gzip', zlib.gunzipSync],
  ])(
    'sends %p the same JSON, compressed as %p, under its own ETag',
    async (acceptEncoding, coding, decompress) => {
      const res = await rawGet(app, { 'Accept-Encoding': acceptEncoding });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(coding);
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.headers['content-type']).toBe(
        'application/json; charset=utf-8',
      );
      expect(res.headers.etag).toBe(`${body.etag.slice(0, -1)}-${coding}"`);
      const sent = res.body;
      expect(res.headers['content-length']).toBe(String(sent.length));
      expect(sent.length).toBeLessThan(body.bytes.length / 4);
      expect(decompress(sent).toString('utf8')).toBe(json);
    },
  );

  it('answers 304 to the ETag of the coding it would send, and only to that one', async () => {
    const plain = await request(app)
      .get('/article')
      .set('Accept-Encoding', 'identity');
    const br = await request(app)
      .get('/article')
      .set('Accept-Encoding', 'gzip, deflate, br');

    const plainAgain = await request(app)
      .get('/article')
      .set('Accept-Encoding', 'identity')
      .set('If-None-Match', plain.headers.etag);
    expect(plainAgain.status).toBe(304);
    expect(plainAgain.headers.etag).toBe(plain.headers.etag);
    expect(plainAgain.headers.vary).toBe('Accept-Encoding');
    expect(plainAgain.text).toBe('');

    const brAgain = await request(app)
      .get('/article')
      .set('Accept-Encoding', 'gzip, deflate, br')
      .set('If-None-Match', `"other", ${br.headers.etag}`);
    expect(brAgain.status).toBe(304);
    expect(brAgain.headers.etag).toBe(br.headers.etag);
    expect(brAgain.headers['content-encoding']).toBeUndefined();

    // a copy in another coding is another representation: sent in full
    const crossed = await request(app)
      .get('/article')
      .set('Accept-Encoding', 'gzip, deflate, br')
      .set('If-None-Match', plain.headers.etag);
    expect(crossed.status).toBe(200);
    expect(crossed.headers['content-encoding']).toBe('br');
  });

  it('compresses a body once per coding, however many requests ask', async () => {
    const brotli = jest.spyOn(zlib, 'brotliCompress');
    const gzip = jest.spyOn(zlib, 'gzip');
    const ask = (acceptEncoding: string) =>
      request(app).get('/article').set('Accept-Encoding', acceptEncoding);
    // the first requests arrive together, before the copy is made
    const first = await Promise.all([ask('br'), ask('br'), ask('br')]);
    const later = await Promise.all([ask('br'), ask('gzip'), ask('gzip')]);
    for (const res of [...first, ...later]) {
      expect(JSON.parse(res.text)).toEqual(JSON.parse(json));
    }
    expect(brotli).toHaveBeenCalledTimes(1);
    expect(gzip).toHaveBeenCalledTimes(1);
  });

  it('sends the plain JSON when compressing fails, and tries again next time', async () => {
    const brotli = jest
      .spyOn(zlib, 'brotliCompress')
      .mockImplementationOnce(((
        _buffer: Buffer,
        _options: zlib.BrotliOptions,
        callback: zlib.CompressCallback,
      ) => callback(new Error('out of memory'), Buffer.alloc(0))) as any);
    const failed = await request(app)
      .get('/article')
      .set('Accept-Encoding', 'br');
    expect(failed.status).toBe(200);
    expect(failed.headers['content-encoding']).toBeUndefined();
    expect(failed.headers.etag).toBe(body.etag);
    expect(failed.text).toBe(json);

    const again = await request(app)
      .get('/article')
      .set('Accept-Encoding', 'br');
    expect(again.headers['content-encoding']).toBe('br');
    expect(JSON.parse(again.text)).toEqual(JSON.parse(json));
    expect(brotli).toHaveBeenCalledTimes(2);
  });
});
