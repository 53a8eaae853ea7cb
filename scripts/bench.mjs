#!/usr/bin/env node
// Throughput and p99 of the guidance routes through the real backend with a real token, side by
// side with a bare Node.js server returning the same bytes (the limit) and the catalog's
// entity-by-name route (a peer). Ratios, measured in the same run on the same machine; and the
// backend's CPU time per request, which other work on a shared machine disturbs far less.
import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { cpuMs, settle, startBackend, table } from './lib/backend.mjs';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
// The machine is shared: each route is measured in several short slices, taken in turn, so a
// burst of someone else's work falls on every route alike instead of on one.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const sleep = ms => new Promise(r => setTimeout(r, ms));

// without a callback, autocannon's run is a promise of its result
const run = (url, headers, duration) =>
  autocannon({ url, headers, connections: CONNECTIONS, duration });

/**
 * A bare server in its own process, answering every request with the given bytes. The bytes
 * go through a file: an article body is larger than what an environment variable may hold
 * (spawn fails with E2BIG).
 */
async function startBareServer(port, body) {
  const dir = mkdtempSync(join(tmpdir(), 'paved-road-bench-'));
  const file = join(dir, 'body.json');
  writeFileSync(file, body);
  const code = `
    const body = require('fs').readFileSync(process.argv[1]);
    require('http').createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      res.end(body);
    }).listen(${port});`;
  const child = spawn('node', ['-e', code, file], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/`)).ok) break;
    } catch {
      await sleep(100);
    }
  }
  return () => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
}

const backend = await startBackend();
const headers = { Authorization: `Bearer ${backend.token}` };
// What a browser sends with every fetch: a route that compresses per request pays for it here.
const browserHeaders = { ...headers, 'Accept-Encoding': 'gzip, deflate, br' };
const routes = {
  'guidance article': '/api/guidance/articles/database-connection-pooling',
  'guidance article (browser Accept-Encoding)': [
    '/api/guidance/articles/database-connection-pooling',
    browserHeaders,
  ],
  'guidance list': '/api/guidance/articles',
  'guidance search': '/api/guidance/search?q=connection%20pooling',
  // Authenticated, a few hundred bytes: what token checking and routing cost a plugin route.
  'guidance categories (small, authenticated)': '/api/guidance/categories',
  'catalog entity by name (peer)':
    '/api/catalog/entities/by-name/component/default/orders-service',
  // No auth, no body: what any route of this backend costs at least.
  'backend health route (floor)': '/.backstage/health/v1/liveness',
};
let stopBare;
try {
  // The catalog ingests the example entities shortly after start-up: wait for them.
  for (const route of Object.values(routes)) {
    const [path, routeHeaders] = [route].flat();
    for (let i = 0; ; i++) {
      const res = await fetch(`${backend.base}${path}`, {
        headers: routeHeaders ?? headers,
      });
      if (res.ok) break;
      if (i > 120) throw new Error(`${path} answered ${res.status}`);
      await sleep(500);
    }
  }
  const articleBytes = await (
    await fetch(`${backend.base}${routes['guidance article']}`, { headers })
  ).text();
  // the bytes a browser is sent (fetch would decode them: ask with node:http)
  const browserBytes = await new Promise((resolve, reject) => {
    get(
      `${backend.base}${routes['guidance article']}`,
      { headers: browserHeaders },
      res => {
        let n = 0;
        res.on('data', chunk => (n += chunk.length));
        res.on('end', () =>
          resolve(
            `${n} bytes, ${res.headers['content-encoding'] ?? 'identity'}`,
          ),
        );
      },
    ).on('error', reject);
  });
  stopBare = await startBareServer(7199, articleBytes);

  const targets = {
    'bare node:http, same bytes (limit)': ['http://localhost:7199/', {}],
  };
  for (const [name, route] of Object.entries(routes)) {
    const [path, routeHeaders] = [route].flat();
    targets[name] = [`${backend.base}${path}`, routeHeaders ?? headers];
  }
  // Start-up work (the catalog's processing, the search collators' first indexing) would land in
  // the first slices measured, always on the same route: wait until the backend is idle, then
  // warm every route up, unmeasured.
  const settledAfter = await settle(backend.pid);
  for (const target of Object.values(targets)) await run(...target, 1);
  const slice = Math.max(1, Math.round(DURATION / ROUNDS));
  const slices = Object.fromEntries(Object.keys(targets).map(n => [n, []]));
  const names = Object.keys(targets);
  for (let round = 0; round < ROUNDS; round++) {
    // a different route goes first each round
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      // the backend's own CPU per request (its thread pool included): unlike req/s, it hardly
      // moves when other work on the machine takes the cores
      const cpuBefore = cpuMs(backend.pid);
      const result = await run(...targets[name], slice);
      slices[name].push({ ...result, cpuMs: cpuMs(backend.pid) - cpuBefore });
    }
  }
  // Requests over time across the slices; the worst slice's p99.
  const results = Object.fromEntries(
    Object.entries(slices).map(([name, runs]) => [
      name,
      {
        requests: {
          average:
            runs.reduce((n, r) => n + r.requests.total, 0) /
            runs.reduce((n, r) => n + r.duration, 0),
        },
        latency: { p99: Math.max(...runs.map(r => r.latency.p99)) },
        cpuPerRequest:
          (1000 * runs.reduce((n, r) => n + r.cpuMs, 0)) /
          runs.reduce((n, r) => n + r.requests.total, 0),
        errors: runs.reduce((n, r) => n + r.errors, 0),
        non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
      },
    ]),
  );
  const limit = results['bare node:http, same bytes (limit)'].requests.average;
  const peer = results['catalog entity by name (peer)'].requests.average;
  const health = results['backend health route (floor)'].requests.average;
  const healthCpu = results['backend health route (floor)'].cpuPerRequest;
  const rows = Object.entries(results).map(([name, r]) => ({
    route: name,
    'req/s': Math.round(r.requests.average),
    'p99 ms': r.latency.p99,
    errors: r.errors + r.non2xx,
    'vs limit': `${(r.requests.average / limit).toFixed(2)}x`,
    'vs catalog peer': `${(r.requests.average / peer).toFixed(2)}x`,
    'vs health': `${(r.requests.average / health).toFixed(2)}x`,
    // the bare server is another process
    'backend CPU µs/req': name.startsWith('bare')
      ? '-'
      : Math.round(r.cpuPerRequest),
    'vs health (CPU)': name.startsWith('bare')
      ? '-'
      : `${(healthCpu / r.cpuPerRequest).toFixed(2)}x`,
  }));
  console.log(
    `autocannon: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${slice} s per route (taken in turn) after the backend settled (${settledAfter} s) and a 1 s warm-up per route, article body ${Buffer.byteLength(
      articleBytes,
    )} bytes (to a browser: ${browserBytes})\n`,
  );
  console.log(table(rows));
} finally {
  stopBare?.();
  await backend.stop();
}
