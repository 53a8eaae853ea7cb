#!/usr/bin/env node
// Search relevance: our /api/guidance/search against Backstage's default Lunr engine
// (the demo backend's search plugin, indexing our collator's section documents), same run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startBackend, table } from './lib/backend.mjs';

const queries = JSON.parse(readFileSync(join(ROOT, 'scripts/eval-search.queries.json'), 'utf8'));
const sleep = ms => new Promise(r => setTimeout(r, ms));

function score(ranked, relevant) {
  const top5 = ranked.slice(0, 5);
  const rank = top5.findIndex(id => relevant.includes(id));
  const top3 = new Set(ranked.slice(0, 3));
  return {
    rr: rank < 0 ? 0 : 1 / (rank + 1),
    recall: relevant.filter(id => top3.has(id)).length / relevant.length,
    hit: rank >= 0,
  };
}

const backend = await startBackend({
  config: 'search:\n  collators:\n    guidance:\n      schedule:\n        frequency: { minutes: 30 }\n        timeout: { minutes: 5 }\n        initialDelay: { seconds: 1 }\n',
});
const headers = { Authorization: `Bearer ${backend.token}` };
try {
  const ours = async q => {
    const res = await fetch(`${backend.base}/api/guidance/search?${new URLSearchParams({ q, limit: '10' })}`, { headers });
    return (await res.json()).results.map(r => r.id);
  };
  const lunr = async q => {
    const params = new URLSearchParams({ term: q, 'types[0]': 'guidance', pageLimit: '50' });
    const res = await fetch(`${backend.base}/api/search/query?${params}`, { headers });
    const body = await res.json();
    const ids = [];
    for (const r of body.results ?? []) {
      const id = r.document.articleId;
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  };

  // The collator runs on the scheduler; wait until Lunr has the guidance documents.
  for (let i = 0; ; i++) {
    if ((await lunr('kubernetes')).length > 0) break;
    if (i > 120) throw new Error('the search index never received guidance documents');
    await sleep(1000);
  }

  const engines = { 'Paved Road search': ours, 'Backstage Lunr (default engine)': lunr };
  const rows = [];
  const misses = {};
  for (const [name, search] of Object.entries(engines)) {
    let rr = 0;
    let recall = 0;
    let hits = 0;
    misses[name] = [];
    for (const { q, relevant } of queries) {
      let ranked = [];
      try {
        ranked = await search(q);
      } catch {
        ranked = [];
      }
      const s = score(ranked, relevant);
      if (process.env.EVAL_VERBOSE && s.rr < 1) console.log(`${name}: "${q}" -> ${ranked.slice(0, 5).join(', ')}`);
      rr += s.rr;
      recall += s.recall;
      if (s.hit) hits++;
      else misses[name].push(q);
    }
    rows.push({
      engine: name,
      queries: queries.length,
      'MRR@5': (rr / queries.length).toFixed(3),
      'recall@3': (recall / queries.length).toFixed(3),
      'hit@5': `${hits}/${queries.length}`,
    });
  }
  console.log(table(rows));
  const [a, b] = rows;
  console.log(`\nratio MRR@5 ours/Lunr: ${(Number(a['MRR@5']) / Math.max(Number(b['MRR@5']), 1e-9)).toFixed(2)}x; recall@3: ${(Number(a['recall@3']) / Math.max(Number(b['recall@3']), 1e-9)).toFixed(2)}x`);
  for (const [name, list] of Object.entries(misses)) {
    if (list.length) console.log(`\nmissed in top 5 by ${name}:\n  ${list.join('\n  ')}`);
  }
} finally {
  await backend.stop();
}
