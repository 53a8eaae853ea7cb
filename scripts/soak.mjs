#!/usr/bin/env node
// Soak and faults: 60 s at 50 connections over mixed guidance routes through the real backend.
// Meanwhile a directory source is removed, one of its articles corrupted, then both restored:
// the library must never serve fewer articles than its last good state. Memory is sampled.
import autocannon from 'autocannon';
import { mkdtempSync, renameSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rssMiB, startBackend, table } from './lib/backend.mjs';

const DURATION = Number(process.env.SOAK_SECONDS ?? 60);
const sleep = ms => new Promise(r => setTimeout(r, ms));

const dir = mkdtempSync(join(tmpdir(), 'paved-road-soak-'));
const source = join(dir, 'guidance');
const moved = join(dir, 'guidance-away');
const { mkdirSync } = await import('node:fs');
mkdirSync(source);
for (let i = 0; i < 5; i++) {
  writeFileSync(
    join(source, `soak-${i}.md`),
    `---\ntitle: "Soak article ${i}"\nsummary: "An article served during the soak test."\ncategory: sre\ntags: [soak]\nupdated: 2026-11-01\n---\n\nBody ${i}.\n\n## Section\n\nText about load and retries.\n`,
  );
}

const backend = await startBackend({
  port: 7109,
  config: `guidance:\n  sources:\n    - type: directory\n      path: ${source}\n`,
});
const headers = { Authorization: `Bearer ${backend.token}` };
const count = async () => (await (await fetch(`${backend.base}/api/guidance/articles`, { headers })).json()).items.length;

try {
  const baseline = await count();
  let minimum = baseline;
  let polls = 0;
  let stop = false;
  const monitor = (async () => {
    while (!stop) {
      minimum = Math.min(minimum, await count());
      polls++;
      await sleep(200);
    }
  })();
  const memory = [];
  const sampler = setInterval(async () => memory.push(await rssMiB(backend.pid)), 5000);

  const faults = [];
  const at = (seconds, what, fn) =>
    setTimeout(() => {
      fn();
      faults.push(`${seconds}s ${what}`);
    }, seconds * 1000);
  const victim = join(source, 'soak-0.md');
  const good = readFileSync(victim, 'utf8');
  at(DURATION * 0.2, 'directory source removed', () => renameSync(source, moved));
  at(DURATION * 0.4, 'directory source restored', () => renameSync(moved, source));
  at(DURATION * 0.5, 'article corrupted (invalid front matter)', () => writeFileSync(join(source, 'soak-0.md'), '---\ntitle: [\n---\n'));
  at(DURATION * 0.7, 'article repaired', () => writeFileSync(victim, good));

  const result = await new Promise((resolve, reject) =>
    autocannon(
      {
        url: backend.base,
        headers,
        connections: 50,
        duration: DURATION,
        requests: [
          { method: 'GET', path: '/api/guidance/articles' },
          { method: 'GET', path: '/api/guidance/articles/saga-pattern' },
          { method: 'GET', path: '/api/guidance/search?q=kubernetes%20backup' },
          { method: 'GET', path: '/api/guidance/categories' },
          { method: 'GET', path: '/api/guidance/articles/soak-0' },
        ],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    ),
  );
  clearInterval(sampler);
  await sleep(1500);
  stop = true;
  await monitor;
  const final = await count();

  console.log(table([{
    seconds: DURATION,
    connections: 50,
    requests: result.requests.total,
    'req/s': Math.round(result.requests.average),
    'p99 ms': result.latency.p99,
    errors: result.errors,
    'non-2xx': result.non2xx,
    'articles: baseline/min/final': `${baseline}/${minimum}/${final}`,
    'library polls': polls,
  }]));
  console.log(`\nfaults: ${faults.join('; ')}`);
  console.log(`backend RSS every 5 s (MiB): ${memory.join(' ')}`);
  const firstHalf = memory.slice(0, Math.floor(memory.length / 2));
  const secondHalf = memory.slice(Math.floor(memory.length / 2));
  const avg = xs => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
  const growth = avg(secondHalf) - avg(firstHalf);
  console.log(`memory, second half vs first half: ${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MiB`);

  const failed = [];
  if (result.errors || result.non2xx) failed.push('requests failed');
  if (minimum < baseline) failed.push(`the library served ${minimum} articles, fewer than its last good ${baseline}`);
  if (final !== baseline) failed.push(`after repair the library has ${final} articles, expected ${baseline}`);
  if (growth > 0.25 * avg(firstHalf)) failed.push('memory kept growing');
  console.log(failed.length ? `\nFAILED: ${failed.join('; ')}` : '\nsoak passed: zero errors, never below the last good library, memory flat');
  process.exitCode = failed.length ? 1 : 0;
} finally {
  await backend.stop();
}
