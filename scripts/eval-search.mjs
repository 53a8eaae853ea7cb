#!/usr/bin/env node
// Search relevance: our /api/guidance/search against Backstage's default Lunr engine (the demo
// backend's search plugin, indexing our collator's section documents), in the same run.
//
// Query sets:
//  - eval-search.sections.json (`tune`) and eval-search.held-out.json (`held-out`): questions as
//    people ask them (symptoms, error messages, "how many", "should I"), each with the article(s)
//    and section id(s) that answer it. The tuning split is what ranking changes are tried on; the
//    held-out split was written by someone who never saw the ranker and is scored only to report.
//    `held-out-3` (eval-search.held-out-3.json) is a third set, written the same way from the
//    articles with their search keywords removed, after the ranker was final, and scored once.
//    `held-out-4` (80) and `held-out-5` (57) were written the same way by two more engineers in the
//    next round and scored blind once before any change; the README gives those blind figures.
//    `held-out-6` (60) was written the same way after the last ranking change and scored once.
//    `held-out-7` (80) was written the same way in the round after, with the ranker unchanged, and
//    scored once.
//    Metrics: section@1 (the top result is a right article and opens a section that answers),
//    article MRR@5, recall@3.
//  - eval-search.queries.json: the older article-level set (MRR@5, recall@3).
//  - eval-search.judgments.json: pooled judgments. A label lists the sections its writer found;
//    another section may answer as well. The top results of both engines that no label names
//    were judged by an engineer who saw the question and the section's text, not which engine
//    returned it (decoy sections mixed in measure how lenient the judging is). `section@1
//    (pooled)` counts a top result that a label names or a judgment accepts; the plain column
//    uses the labels alone.
// EVAL_SPLIT=tune limits the section set to the tuning split; EVAL_VERBOSE=1 prints misses;
// EVAL_TOPS=file writes every engine's top result per question (what the judging pool is made of).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startBackend, table } from './lib/backend.mjs';

const readJson = name => JSON.parse(readFileSync(join(ROOT, 'scripts', name), 'utf8'));
const sectionQueries = [
  ...readJson('eval-search.sections.json'),
  ...readJson('eval-search.held-out.json'),
  ...readJson('eval-search.held-out-3.json'),
  ...readJson('eval-search.held-out-4.json'),
  ...readJson('eval-search.held-out-5.json'),
  ...readJson('eval-search.held-out-6.json'),
  ...readJson('eval-search.held-out-7.json'),
];
const judgmentKey = (q, article, section) => `${q}\n${article}#${section}`;
const judgments = new Map(
  readJson('eval-search.judgments.json').map(j => [judgmentKey(j.q, j.article, j.section), j.answers]),
);
const articleQueries = JSON.parse(readFileSync(join(ROOT, 'scripts/eval-search.queries.json'), 'utf8'));
const splits = process.env.EVAL_SPLIT ? [process.env.EVAL_SPLIT] : ['tune', 'held-out', 'held-out-3', 'held-out-4', 'held-out-5', 'held-out-6', 'held-out-7'];
const sleep = ms => new Promise(r => setTimeout(r, ms));

/** ranked: [{ article, section? }] best first, one per article. */
function score(ranked, answers, q) {
  const relevant = Object.keys(answers);
  const ids = ranked.map(r => r.article);
  const rank = ids.slice(0, 5).findIndex(id => relevant.includes(id));
  const top3 = new Set(ids.slice(0, 3));
  const top = ranked[0];
  const section1 = Boolean(top && answers[top.article]?.includes(top.section));
  return {
    section1,
    pooled: section1 || Boolean(top && judgments.get(judgmentKey(q, top.article, top.section))),
    top,
    rr: rank < 0 ? 0 : 1 / (rank + 1),
    recall: relevant.filter(id => top3.has(id)).length / relevant.length,
  };
}

// Every labelled article and section must exist, or the evaluation measures a typo.
execFileSync('node', [join(ROOT, 'scripts/check-eval-labels.mjs')], { stdio: 'inherit' });

const backend = await startBackend({
  // Backstage's search API refuses terms over 100 characters by default; a pasted error message is longer.
  config: 'search:\n  maxTermLength: 500\n  collators:\n    guidance:\n      schedule:\n        frequency: { minutes: 30 }\n        timeout: { minutes: 5 }\n        initialDelay: { seconds: 1 }\n',
});
const headers = { Authorization: `Bearer ${backend.token}` };
try {
  const ours = async q => {
    const res = await fetch(`${backend.base}/api/guidance/search?${new URLSearchParams({ q, limit: '10' })}`, { headers });
    if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
    return (await res.json()).results.map(r => ({ article: r.id, section: r.section?.id }));
  };
  const lunr = async q => {
    const params = new URLSearchParams({ term: q, 'types[0]': 'guidance', pageLimit: '100' });
    const res = await fetch(`${backend.base}/api/search/query?${params}`, { headers });
    if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
    const ranked = [];
    for (const { document } of (await res.json()).results ?? []) {
      // A section document's best hit is the article's deep link, as our results are.
      if (!ranked.some(r => r.article === document.articleId)) {
        ranked.push({ article: document.articleId, section: document.sectionId });
      }
    }
    return ranked;
  };

  // The collator runs on the scheduler; wait until Lunr has the guidance documents.
  for (let i = 0; ; i++) {
    const ready = await lunr('kubernetes').then(r => r.length > 0, () => false);
    if (ready) break;
    if (i > 120) throw new Error('the search index never received guidance documents');
    await sleep(1000);
  }

  const engines = { 'Paved Road search': ours, 'Backstage Lunr': lunr };
  const rows = [];
  const tops = [];
  for (const split of splits) {
    const queries = sectionQueries.filter(q => q.split === split);
    for (const [name, search] of Object.entries(engines)) {
      let section1 = 0;
      let pooled = 0;
      let rr = 0;
      let recall = 0;
      for (const { q, answers } of queries) {
        const ranked = await search(q);
        const s = score(ranked, answers, q);
        tops.push({ split, q, engine: name, article: s.top?.article, section: s.top?.section });
        if (process.env.EVAL_VERBOSE && !s.section1) {
          console.log(`${name} [${split}] "${q}" -> ${ranked.slice(0, 3).map(r => `${r.article}#${r.section ?? ''}`).join(', ')}`);
        }
        section1 += s.section1 ? 1 : 0;
        pooled += s.pooled ? 1 : 0;
        rr += s.rr;
        recall += s.recall;
      }
      const n = queries.length;
      rows.push({
        split,
        engine: name,
        questions: n,
        'section@1': (section1 / n).toFixed(3),
        'section@1 (pooled)': (pooled / n).toFixed(3),
        'MRR@5': (rr / n).toFixed(3),
        'recall@3': (recall / n).toFixed(3),
      });
    }
  }
  if (process.env.EVAL_TOPS) writeFileSync(process.env.EVAL_TOPS, JSON.stringify(tops, null, 1));
  console.log('Section-level questions (tune: eval-search.sections.json, held-out: eval-search.held-out.json, held-out-N: eval-search.held-out-N.json)\n');
  console.log(table(rows));
  for (const split of splits) {
    const [a, b] = rows.filter(r => r.split === split);
    console.log(`${split}: MRR@5 ours − Lunr = ${(a['MRR@5'] - b['MRR@5']).toFixed(3)}; section@1 ours − Lunr = ${(a['section@1'] - b['section@1']).toFixed(3)}`);
  }

  const articleRows = [];
  for (const [name, search] of Object.entries(engines)) {
    let rr = 0;
    let recall = 0;
    for (const { q, relevant } of articleQueries) {
      const s = score(await search(q), Object.fromEntries(relevant.map(id => [id, []])));
      rr += s.rr;
      recall += s.recall;
    }
    articleRows.push({
      engine: name,
      queries: articleQueries.length,
      'MRR@5': (rr / articleQueries.length).toFixed(3),
      'recall@3': (recall / articleQueries.length).toFixed(3),
    });
  }
  console.log('\nArticle-level queries (eval-search.queries.json)\n');
  console.log(table(articleRows));
} finally {
  await backend.stop();
}
