#!/usr/bin/env node
// Recommendations: which articles the Guidance tab suggests for catalog entities as they look in
// real catalogs (annotations from many plugins, tags as teams write them, evidence sometimes only
// in the description), against expected articles written by an engineer who did not read the
// recommendation code or the articles' `appliesTo` rules.
//
//   eval-recommend.json           tuning split
//   eval-recommend.held-out.json  held out: scored to report, never tuned on
//
// Each entry: { name, entity, expect: { must: [ids], good: [ids] } }. `must` is what should be on the
// tab; `good` is acceptable; anything else is noise. Metrics per split:
//   must recall   share of `must` articles recommended
//   precision     share of recommended articles that are `must` or `good`
//   exact-empty   entities with no `must`: share that get no noise
//   MRR           reciprocal rank of the first `must` article (entities with a `must`)
// Baseline in the same run: the entity's description and tags sent to /search, top 3 articles —
// what a portal would show without rules.
// EVAL_VERBOSE=1 prints every entity with its misses and noise.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startBackend, table } from './lib/backend.mjs';

const load = name => JSON.parse(readFileSync(join(ROOT, 'scripts', name), 'utf8'));
const splits = { tune: load('eval-recommend.json'), 'held-out': load('eval-recommend.held-out.json') };

const backend = await startBackend();
const headers = { Authorization: `Bearer ${backend.token}`, 'Content-Type': 'application/json' };
try {
  const ids = new Set(
    (await (await fetch(`${backend.base}/api/guidance/articles`, { headers })).json()).items.map(a => a.id),
  );
  for (const [split, entries] of Object.entries(splits)) {
    for (const { name, expect } of entries) {
      for (const id of [...expect.must, ...expect.good]) {
        if (!ids.has(id)) throw new Error(`${split} "${name}": no article ${id}`);
      }
    }
  }

  const ours = async entity => {
    const res = await fetch(`${backend.base}/api/guidance/recommendations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ entity }),
    });
    if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
    return (await res.json()).items.map(r => ({ id: r.article.id, reasons: r.reasons }));
  };
  const searchBaseline = async entity => {
    const q = [entity.metadata?.description ?? '', ...(entity.metadata?.tags ?? [])].join(' ').slice(0, 500).trim();
    if (!q) return [];
    const res = await fetch(`${backend.base}/api/guidance/search?${new URLSearchParams({ q, limit: '3' })}`, { headers });
    if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
    return (await res.json()).results.map(r => ({ id: r.id, reasons: ['search'] }));
  };

  const rows = [];
  for (const [engine, recommend] of Object.entries({ 'Paved Road recommendations': ours, 'search on description (baseline)': searchBaseline })) {
    for (const [split, entries] of Object.entries(splits)) {
      let mustFound = 0;
      let mustTotal = 0;
      let returned = 0;
      let relevant = 0;
      let empty = 0;
      let emptyClean = 0;
      let rr = 0;
      let withMust = 0;
      for (const { name, entity, expect } of entries) {
        const items = await recommend(entity);
        const got = items.map(i => i.id);
        const ok = new Set([...expect.must, ...expect.good]);
        const found = expect.must.filter(id => got.includes(id));
        const noise = items.filter(i => !ok.has(i.id));
        mustFound += found.length;
        mustTotal += expect.must.length;
        returned += got.length;
        relevant += got.filter(id => ok.has(id)).length;
        if (expect.must.length === 0) {
          empty++;
          if (noise.length === 0) emptyClean++;
        } else {
          withMust++;
          const first = got.findIndex(id => expect.must.includes(id));
          rr += first < 0 ? 0 : 1 / (first + 1);
        }
        const missed = expect.must.filter(id => !got.includes(id));
        if (process.env.EVAL_VERBOSE && (missed.length || noise.length)) {
          console.log(`${engine} [${split}] ${name}: missed ${missed.join(', ') || '-'}; noise ${noise.map(n => `${n.id} (${n.reasons.join('; ')})`).join(', ') || '-'}`);
        }
      }
      rows.push({
        split,
        engine,
        entities: entries.length,
        'must recall': (mustFound / Math.max(1, mustTotal)).toFixed(3),
        precision: returned ? (relevant / returned).toFixed(3) : '-',
        'exact-empty': empty ? `${emptyClean}/${empty}` : '-',
        MRR: (rr / Math.max(1, withMust)).toFixed(3),
        'per entity': (returned / entries.length).toFixed(1),
      });
    }
  }
  console.log(table(rows));
} finally {
  await backend.stop();
}
