#!/usr/bin/env node
// Scale: a synthetic library of 10,000 articles of realistic length and structure, served by the
// real backend. Measures load + index build time, memory over an empty library, and search p50/p95.
import {
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  rmSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, cpuMs, rssMiB, startBackend, table } from './lib/backend.mjs';

const COUNT = Number(process.env.SCALE_ARTICLES ?? 10000);
const CATEGORIES = [
  'observability',
  'security',
  'ci-cd',
  'gitops',
  'kubernetes',
  'databases',
  'networking',
  'linux',
  'sre',
  'architecture',
  'platform-engineering',
];

// Vocabulary from the real library, so term frequencies look like real guidance.
const library = join(
  ROOT,
  'plugins/guidance-backend-module-builtin-articles/articles',
);
const vocabulary = readdirSync(library)
  .map(f => readFileSync(join(library, f), 'utf8'))
  .join(' ')
  .toLowerCase()
  .match(/[a-z][a-z0-9-]{2,}/g);

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = list => list[Math.floor(random() * list.length)];
const sentence = n => {
  const words = Array.from({ length: n }, () => pick(vocabulary));
  return `${words[0][0].toUpperCase()}${words.join(' ').slice(1)}.`;
};
const paragraph = () =>
  Array.from({ length: 4 + Math.floor(random() * 4) }, () =>
    sentence(10 + Math.floor(random() * 12)),
  ).join(' ');

function article(i) {
  const title = `${sentence(5).slice(0, -1)} ${i}`;
  const sections = Array.from(
    { length: 6 + Math.floor(random() * 5) },
    (_, s) => {
      const heading = sentence(3 + Math.floor(random() * 3)).slice(0, -1);
      const code =
        s % 3 === 0
          ? `\n\`\`\`yaml\nkey${s}: ${pick(vocabulary)}\nlist: [${pick(
              vocabulary,
            )}, ${pick(vocabulary)}]\n\`\`\`\n`
          : '';
      return `## ${heading}\n\n${paragraph()}\n\n${paragraph()}\n${code}`;
    },
  );
  return `---\nid: synthetic-${i}\ntitle: "${title}"\nsummary: "${sentence(
    18,
  )}"\ncategory: ${pick(CATEGORIES)}\ntags: ["${pick(vocabulary)}", "${pick(
    vocabulary,
  )}"]\nappliesTo:\n  tags: ["${pick(
    vocabulary,
  )}"]\nupdated: 2026-11-01\n---\n\n${paragraph()}\n\n${sections.join('\n')}`;
}

const dir = mkdtempSync(join(tmpdir(), 'paved-road-scale-'));
const articles = join(dir, 'articles');
mkdirSync(articles);
const empty = join(dir, 'empty');
mkdirSync(empty);
let bytes = 0;
let words = 0;
for (let i = 0; i < COUNT; i++) {
  const text = article(i);
  bytes += text.length;
  words += text.split(/\s+/).length;
  writeFileSync(join(articles, `synthetic-${i}.md`), text);
}
console.log(
  `generated ${COUNT} articles, ${(bytes / 1024 / 1024).toFixed(
    1,
  )} MiB, ${Math.round(words / COUNT)} words each on average`,
);

async function measure(path) {
  let loadedLine = '';
  let indexLine = '';
  let tail = '';
  const backend = await startBackend({
    port: 7108,
    logLevel: 'info',
    // The search collator re-reads every article's sections over HTTP a few seconds after start;
    // at 10,000 articles that overlaps the latency window, so it is deferred to measure search alone.
    config: `search:\n  collators:\n    guidance:\n      schedule:\n        frequency: { hours: 24 }\n        timeout: { hours: 1 }\n        initialDelay: { hours: 1 }\nguidance:\n  builtin: false\n  sources:\n    - type: directory\n      path: ${path}\n`,
    onOutput: chunk => {
      // eslint-disable-next-line no-control-regex
      tail = (tail + chunk).replace(/\x1b\[[0-9;]*m/g, '').slice(-4000);
      const m = /Guidance library loaded: (\d+) articles .*? in (\d+) ms/.exec(
        tail,
      );
      if (m) loadedLine = m;
      const built =
        /Guidance search index: (\d+) sections of (\d+) articles built in (\d+) ms \((\d+) ms CPU\)/.exec(
          tail,
        );
      if (built) indexLine = built;
      if (
        process.env.SCALE_DEBUG &&
        (/Skipped/.test(chunk) || process.env.SCALE_DEBUG === 'all')
      )
        process.stderr.write(chunk);
    },
  });
  try {
    await new Promise(r =>
      setTimeout(r, Number(process.env.SCALE_SETTLE_MS ?? 5000)),
    ); // let start-up settle
    const rss = await rssMiB(backend.pid);
    const terms = [
      'kubernetes',
      'connection pooling',
      'prometheus alert',
      'secret rotation',
      'pgbouncer',
      'dns ttl',
      'compensating transaction',
      'argocd sync',
      'swappiness',
      'toil',
    ];
    const search = q =>
      fetch(`${backend.base}/api/guidance/search?q=${encodeURIComponent(q)}`, {
        headers: { Authorization: `Bearer ${backend.token}` },
      }).then(res => res.json());
    // Error lines as people paste them (up to the API's 500 characters): many words, hashes, ids.
    const pasted = [
      'Error from server (Forbidden): error when creating "deploy.yaml": pods "orders-api-7d9f8c6b5-x2kqp" is forbidden: exceeded quota: compute-resources, requested: limits.memory=2Gi, used: limits.memory=7Gi, limited: limits.memory=8Gi',
      'FATAL: sorry, too many clients already; pgbouncer logs closing because: no more connections allowed (max_client_conn) for user app on database orders after the horizontal pod autoscaler scaled the deployment from four to twelve replicas during the evening peak while argo cd was syncing with prune enabled',
      'ComparisonError: failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code = Unknown desc = `helm template . --name-template orders --namespace prod --kube-version 1.34 --values values-prod.yaml` failed exit status 1: Error: execution error at (orders/templates/deployment.yaml:42:18): image.tag is required',
    ];
    /** 300 timed searches (of `queries`, in turn): p50, p95 and the backend's CPU per search. */
    const timed = async (queries = terms) => {
      const latencies = [];
      const cpuBefore = cpuMs(backend.pid);
      for (let i = 0; i < 300; i++) {
        const t0 = performance.now();
        await search(queries[i % queries.length]);
        latencies.push(performance.now() - t0);
      }
      // CPU time the backend spent per search (HTTP, auth and search): unlike wall-clock latency
      // it does not stretch when other work shares the machine.
      const cpu = (cpuMs(backend.pid) - cpuBefore) / latencies.length;
      latencies.sort((a, b) => a - b);
      return {
        p50: latencies[Math.floor(latencies.length * 0.5)].toFixed(1),
        p95: latencies[Math.floor(latencies.length * 0.95)].toFixed(1),
        cpu: cpu.toFixed(1),
      };
    };
    // JIT warm-up, not measured: the first calls of each code path run before it is compiled.
    for (let i = 0; i < 50; i++) await search(terms[i % terms.length]);
    // Right after a large load, V8 has not yet collected the garbage the load left behind, and
    // the searches that come first pay for its incremental marking: measured on their own.
    const afterLoad = await timed();
    // Steady state: after enough searches for that collection to finish.
    for (let i = 0; i < Number(process.env.SCALE_WARMUP ?? 3000); i++) {
      await search(terms[i % terms.length]);
    }
    const steady = await timed();
    const long = await timed(pasted);
    return {
      articles: loadedLine ? Number(loadedLine[1]) : NaN,
      loadMs: loadedLine ? Number(loadedLine[2]) : NaN,
      indexMs: indexLine ? Number(indexLine[3]) : NaN,
      indexCpuMs: indexLine ? Number(indexLine[4]) : NaN,
      sections: indexLine ? Number(indexLine[1]) : NaN,
      rss,
      afterLoad,
      long,
      ...steady,
    };
  } finally {
    await backend.stop();
  }
}

try {
  const base = await measure(empty);
  const big = await measure(articles);
  console.log();
  console.log(
    table([
      {
        library: 'empty (baseline)',
        articles: base.articles,
        sections: base.sections,
        'load + index ms': base.loadMs,
        'index build ms': base.indexMs,
        'index build CPU ms': base.indexCpuMs,
        'backend RSS MiB': base.rss,
        'p50 / p95 ms just after load': `${base.afterLoad.p50} / ${base.afterLoad.p95}`,
        'search p50 ms': base.p50,
        'search p95 ms': base.p95,
        'backend CPU ms per search': base.cpu,
        'pasted error lines p50 / p95 ms': `${base.long.p50} / ${base.long.p95}`,
      },
      {
        library: `synthetic ${COUNT}`,
        articles: big.articles,
        sections: big.sections,
        'load + index ms': big.loadMs,
        'index build ms': big.indexMs,
        'index build CPU ms': big.indexCpuMs,
        'backend RSS MiB': big.rss,
        'p50 / p95 ms just after load': `${big.afterLoad.p50} / ${big.afterLoad.p95}`,
        'search p50 ms': big.p50,
        'search p95 ms': big.p95,
        'backend CPU ms per search': big.cpu,
        'pasted error lines p50 / p95 ms': `${big.long.p50} / ${big.long.p95}`,
      },
    ]),
  );
  console.log(
    `\nmemory for ${COUNT} articles: ${
      big.rss - base.rss
    } MiB over the baseline backend`,
  );
  // Wall-clock figures stretch with other work on the machine; the CPU column does not.
  console.log(
    `load average at the end (1/5/15 min): ${loadavg()
      .map(l => l.toFixed(1))
      .join(' / ')} on ${(await import('node:os')).cpus().length} cores`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
