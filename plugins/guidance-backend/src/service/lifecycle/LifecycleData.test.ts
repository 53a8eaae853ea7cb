import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { mockServices } from '@backstage/backend-test-utils';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import {
  LifecycleTable,
  versionStatus,
} from '@paved-road/plugin-guidance-common';
import {
  LifecycleData,
  parseEndOfLifeProduct,
  readLifecycleConfig,
} from './LifecycleData';

const SHIPPED: LifecycleTable = {
  asOf: '2026-12-01',
  sources: { kubernetes: 'shipped', nodejs: 'shipped' },
  cycles: [
    { product: 'kubernetes', cycle: '1.35', eol: '2027-02-28' },
    { product: 'nodejs', cycle: '22', eol: '2027-04-30' },
  ],
};

/** A local stand-in for endoflife.date: answers what `routes` holds, 404 otherwise. */
async function serve(routes: Record<string, unknown>) {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url!);
    const body = routes[req.url!];
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const etag = `"${text.length}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', etag }).end(text);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    requests,
    host: `localhost:${port}`,
    url: `http://localhost:${port}/api`,
  };
}

function dataFor(host: string, url: string, products: JsonObject[] = []) {
  const config = new ConfigReader({
    backend: { reading: { allow: [{ host }] } },
    guidance: { lifecycle: { url, products } },
  });
  const logger = mockServices.logger.mock();
  const urlReader = UrlReaders.default({ config, logger });
  return {
    logger,
    data: new LifecycleData({
      settings: readLifecycleConfig(config),
      urlReader,
      logger,
      shipped: SHIPPED,
      now: () => new Date('2026-12-06T12:00:00Z'),
    }),
  };
}

describe('LifecycleData', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('serves the shipped table until a refresh, then the URL answer per product', async () => {
    const local = await serve({
      '/api/kubernetes.json': [
        {
          cycle: '1.36',
          releaseDate: '2026-04-22',
          eol: '2027-06-28',
          latest: '1.36.5',
          lts: false,
        },
        {
          cycle: '1.35',
          releaseDate: '2025-12-17',
          eol: '2027-02-28',
          latest: '1.35.9',
        },
        {
          cycle: '1.34',
          releaseDate: '2025-08-27',
          eol: '2026-10-27',
          latest: '1.34.11',
        },
      ],
      // nodejs is not answered (404): its shipped rows stay
    });
    server = local.server;
    const { data } = dataFor(local.host, local.url);
    const before = data.table;
    expect(before.cycles).toEqual(
      [...SHIPPED.cycles].sort((a, b) => a.product.localeCompare(b.product)),
    );
    expect(
      versionStatus(before, 'kubernetes', '1.34', '2026-12-06'),
    ).toBeUndefined();

    await data.refresh();
    expect(local.requests.sort()).toEqual([
      '/api/kubernetes.json',
      '/api/nodejs.json',
    ]);
    const after = data.table;
    expect(after).not.toBe(before);
    expect(after.asOf).toBe('2026-12-06');
    expect(after.sources.kubernetes).toBe(
      `${local.url}/kubernetes.json (2026-12-06)`,
    );
    expect(after.sources.nodejs).toBe('shipped');
    expect(
      versionStatus(after, 'kubernetes', '1.34', '2026-12-06'),
    ).toMatchObject({
      endOfLife: true,
      cycle: { eol: '2026-10-27' },
    });
    expect(after.cycles.filter(c => c.product === 'nodejs')).toEqual([
      { product: 'nodejs', cycle: '22', eol: '2027-04-30' },
    ]);

    // unchanged on the server (ETag): the same table object, so nothing is re-marked
    await data.refresh();
    expect(data.table).toBe(after);
  });

  it('keeps what a product had when the URL answers nonsense, and says which product', async () => {
    const local = await serve({
      '/api/kubernetes.json': { message: 'rate limited' },
      '/api/nodejs.json': '[{"cycle": "24", "eol": "soon"}]',
    });
    server = local.server;
    const { data, logger } = dataFor(local.host, local.url);
    await data.refresh();
    expect(data.table.cycles).toEqual(
      [...SHIPPED.cycles].sort((a, b) => a.product.localeCompare(b.product)),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /2 product\(s\) could not be read.*kubernetes: not an endoflife.date product answer: body: Expected array.*nodejs: not an endoflife.date product answer: 0.eol/,
      ),
    );
  });

  it('puts configured products over the URL and the shipped rows', async () => {
    const local = await serve({
      '/api/kubernetes.json': [{ cycle: '1.35', eol: '2027-02-28' }],
    });
    server = local.server;
    const { data } = dataFor(local.host, local.url, [
      { product: 'kubernetes', cycle: '1.35', eol: '2026-12-01' },
      { product: 'golang', cycle: '1.26', eol: false, latest: '1.26.7' },
    ]);
    await data.refresh();
    expect(
      versionStatus(data.table, 'kubernetes', '1.35', '2026-12-06')?.endOfLife,
    ).toBe(true);
    expect(data.table.cycles).toContainEqual({
      product: 'go',
      cycle: '1.26',
      eol: false,
      latest: '1.26.7',
    });
    expect(data.table.sources.go).toBe('guidance.lifecycle.products');
  });
});

describe('readLifecycleConfig', () => {
  const read = (lifecycle: JsonObject) =>
    readLifecycleConfig(new ConfigReader({ guidance: { lifecycle } }));

  it('defaults to no URL, a daily refresh and no products', () => {
    expect(readLifecycleConfig(new ConfigReader({}))).toEqual({
      frequency: { hours: 24 },
      products: [],
    });
  });

  it('refuses what is not a lifecycle entry, naming it', () => {
    expect(() => read({ url: 'endoflife.date/api' })).toThrow(
      'guidance.lifecycle.url must be an http(s) URL, e.g. https://endoflife.date/api; got "endoflife.date/api"',
    );
    expect(() =>
      read({ products: [{ product: 'go', cycle: '1.26', eol: 'soon' }] }),
    ).toThrow(
      'guidance.lifecycle.products[0].eol must be a date (YYYY-MM-DD), true or false; got "soon"',
    );
    expect(() =>
      read({
        products: [
          { product: 'go', cycle: '1.26', eol: false, releaseDate: 'May' },
        ],
      }),
    ).toThrow(
      'guidance.lifecycle.products[0].releaseDate must be a date (YYYY-MM-DD); got "May"',
    );
    expect(() => read({ products: [{ cycle: '1.26', eol: false }] })).toThrow(
      /Missing required config value at 'guidance.lifecycle.products\[0\].product'/,
    );
  });
});

describe('parseEndOfLifeProduct', () => {
  it('reads numbers as strings and drops fields it does not use', () => {
    expect(
      parseEndOfLifeProduct('nodejs', [
        {
          cycle: 22,
          releaseDate: '2024-04-24',
          eol: '2027-04-30',
          latest: '22.23.2',
          lts: '2024-10-29',
        },
      ]),
    ).toEqual([
      {
        product: 'nodejs',
        cycle: '22',
        releaseDate: '2024-04-24',
        eol: '2027-04-30',
        latest: '22.23.2',
      },
    ]);
    expect(() => parseEndOfLifeProduct('nodejs', [])).toThrow(
      /not an endoflife.date product answer/,
    );
  });
});
