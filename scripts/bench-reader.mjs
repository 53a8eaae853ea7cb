#!/usr/bin/env node
// npm run bench:reader — the same article in Paved Road's reader and in TechDocs, side by side, in
// one production build of the demo app served by the demo backend (app-backend), in Debian's
// Chromium. TechDocs serves a site built here by Debian's MkDocs + Material (no Docker):
// `techdocs.builder: external`, the local publisher, a techdocs_metadata.json, `theme.font: false`.
// Alternating runs; cold = a fresh browser context (signed-in storage state, empty cache), warm =
// the same article opened again in that context. "Visible" = the article body's first section
// heading has a non-zero size and is not hidden (checkVisibility, through TechDocs' shadow DOM).
//
// Run it under the ports lock:  flock /tmp/paved-road-ports.lock npm run bench:reader
// BENCH_RUNS (default 10), BENCH_SKIP_BUILD=1 to reuse packages/app/dist.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from '@playwright/test';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { ROOT, startBackend, table } from './lib/backend.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 7107);
const ARTICLE = 'database-connection-pooling';
const ENTITY = 'bench-connection-pooling';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MKDOCS = process.env.MKDOCS_PATH ?? '/usr/bin/mkdocs';

const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = n => Math.round(n).toLocaleString('en-US');

// 1. A production build of the demo app (app-backend serves packages/app/dist).
const dist = join(ROOT, 'packages/app/dist');
if (!(process.env.BENCH_SKIP_BUILD && existsSync(join(dist, 'index.html')))) {
  console.log(
    'Building the demo app for production (backstage-cli package build)...',
  );
  const t = Date.now();
  execFileSync('npx', ['backstage-cli', 'package', 'build'], {
    cwd: join(ROOT, 'packages/app'),
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  console.log(`  built in ${Math.round((Date.now() - t) / 1000)} s`);
}

// 2. The TechDocs site for the same article, built by MkDocs + Material, published locally.
const work = mkdtempSync(join(tmpdir(), 'paved-road-bench-reader-'));
const source = readFileSync(
  join(
    ROOT,
    'plugins/guidance-backend-module-builtin-articles/articles',
    `${ARTICLE}.md`,
  ),
  'utf8',
);
const frontMatter = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(source)[1]);
const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
const docsDir = join(work, 'docs-src');
mkdirSync(join(docsDir, 'docs'), { recursive: true });
writeFileSync(
  join(docsDir, 'docs/index.md'),
  `# ${frontMatter.title}\n\n${body}`,
);
writeFileSync(
  join(docsDir, 'mkdocs.yml'),
  toYaml({
    site_name: frontMatter.title,
    // no network here for web fonts, and TechDocs keeps the page hidden until their CSS resolves
    theme: { name: 'material', font: false },
    markdown_extensions: [
      'admonition',
      'tables',
      { toc: { permalink: true } },
      'pymdownx.highlight',
      'pymdownx.superfences',
      'pymdownx.tasklist',
    ],
  }),
);
const publishDir = join(work, 'techdocs');
const siteDir = join(publishDir, 'default/component', ENTITY);
console.log(`Building the TechDocs site with ${MKDOCS}...`);
const mk = spawnSync(MKDOCS, ['build', '-q', '-d', siteDir], {
  cwd: docsDir,
  encoding: 'utf8',
});
if (mk.status !== 0) {
  throw new Error(
    `mkdocs failed (install Debian's mkdocs and mkdocs-material):\n${mk.stderr}`,
  );
}
const files = [];
const walk = dir => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(relative(siteDir, p));
  }
};
walk(siteDir);
writeFileSync(
  join(siteDir, 'techdocs_metadata.json'),
  JSON.stringify({
    site_name: frontMatter.title,
    site_description: frontMatter.summary,
    etag: 'bench-reader',
    build_timestamp: Date.now(),
    files,
  }),
);
writeFileSync(
  join(work, 'catalog-info.yaml'),
  toYaml({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: ENTITY,
      title: frontMatter.title,
      annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
    },
    spec: { type: 'documentation', lifecycle: 'production', owner: 'guests' },
  }),
);

// 3. The backend, serving the built app, the guidance API and TechDocs from the same origin.
const appConfig = parseYaml(
  readFileSync(join(ROOT, 'app-config.yaml'), 'utf8'),
);
const base = `http://localhost:${PORT}`;
const extra = {
  app: { baseUrl: base },
  catalog: {
    locations: [
      ...(appConfig.catalog?.locations ?? []),
      { type: 'file', target: join(work, 'catalog-info.yaml') },
    ],
  },
  techdocs: {
    builder: 'external',
    publisher: { type: 'local', local: { publishDirectory: publishDir } },
  },
};
console.log(`Starting the demo backend on :${PORT}...`);
const backend = await startBackend({ port: PORT, config: toYaml(extra) });
// never leave the backend (its own process group) behind when stopped from outside
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    backend.stop().finally(() => process.exit(130));
  });
}
let browser;
try {
  const auth = { Authorization: `Bearer ${backend.token}` };
  for (let i = 0; ; i++) {
    const res = await fetch(
      `${base}/api/catalog/entities/by-name/component/default/${ENTITY}`,
      { headers: auth },
    );
    if (res.ok) break;
    if (i > 240)
      throw new Error(
        `the bench entity never reached the catalog (${res.status})`,
      );
    await new Promise(r => setTimeout(r, 500));
  }
  const index = await fetch(`${base}/`);
  if (!(await index.text()).includes('<div id="root">')) {
    throw new Error(
      'the backend does not serve the built app (is packages/app/dist there?)',
    );
  }

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

  // Sign in once as guest; every cold run starts from this storage state.
  const signIn = await browser.newContext();
  const sp = await signIn.newPage();
  await sp.goto(`${base}/`);
  const enter = sp.getByRole('button', { name: /enter/i });
  const nav = sp.locator('nav[aria-label="sidebar nav"]');
  await enter.or(nav).first().waitFor({ state: 'attached', timeout: 120_000 });
  if (await enter.isVisible()) await enter.click();
  await nav.waitFor({ state: 'attached', timeout: 60_000 });
  const storageState = await signIn.storageState();
  await signIn.close();

  const targets = {
    'Paved Road': { url: `${base}/guidance/${ARTICLE}`, kind: 'ours' },
    TechDocs: {
      url: `${base}/docs/default/component/${ENTITY}`,
      kind: 'techdocs',
    },
  };

  // Records, every frame, the first moment the article body's first section heading is visible.
  const watcher = kind => {
    const find = () => {
      if (kind === 'ours')
        return document.querySelector('[data-testid="guidance-article"] h2');
      const host = document.querySelector(
        '[data-testid="techdocs-native-shadowroot"]',
      );
      return host?.shadowRoot?.querySelector('.md-content h2') ?? null;
    };
    const visible = el => {
      const r = el.getBoundingClientRect();
      return (
        r.width > 0 &&
        r.height > 0 &&
        el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
      );
    };
    // long tasks (main-thread work over 50 ms), for BENCH_TRACE
    window.__benchLongTasks = [];
    try {
      new PerformanceObserver(list => {
        for (const e of list.getEntries())
          window.__benchLongTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // no long-task timing in this browser
    }
    const tick = () => {
      const el = find();
      if (el && visible(el)) {
        window.__benchVisibleAt = performance.now();
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };

  async function visit(context, target) {
    const page = await context.newPage();
    await page.addInitScript(watcher, target.kind);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    let requests = 0;
    const timeline = new Map();
    cdp.on('Network.requestWillBeSent', e => {
      requests++;
      timeline.set(e.requestId, { url: e.request.url, start: e.timestamp });
    });
    cdp.on('Network.responseReceived', e => {
      const t = timeline.get(e.requestId);
      if (t) t.status = e.response.status;
    });
    cdp.on('Network.loadingFinished', e => {
      bytes += e.encodedDataLength;
      const t = timeline.get(e.requestId);
      if (t) Object.assign(t, { end: e.timestamp, bytes: e.encodedDataLength });
    });
    if (process.env.BENCH_PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(target.url);
    await page.waitForFunction(
      () => window.__benchVisibleAt !== undefined,
      null,
      { timeout: 60_000, polling: 50 },
    );
    // also: when the app had its identity (the guest refresh answered); what comes after is
    // the page's own work, what comes before is the app's start-up, the same for both
    const [ms, signedInAt] = await page.evaluate(() => {
      const refresh = performance
        .getEntriesByType('resource')
        .find(e => e.name.includes('/api/auth/guest/refresh'));
      return [window.__benchVisibleAt, refresh ? refresh.responseEnd : 0];
    });
    await page
      .waitForLoadState('networkidle', { timeout: 15_000 })
      .catch(() => undefined);
    const result = { ms, afterSignIn: ms - signedInAt, bytes, requests };
    if (process.env.BENCH_PROFILE) {
      // BENCH_PROFILE=prefix: a CPU profile of each visit, for DevTools (prefix-kind-n.cpuprofile)
      const { profile } = await cdp.send('Profiler.stop');
      visit.count = (visit.count ?? 0) + 1;
      writeFileSync(
        `${process.env.BENCH_PROFILE}-${target.kind}-${visit.count}.cpuprofile`,
        JSON.stringify(profile),
      );
    }
    if (process.env.BENCH_TRACE === 'detail') {
      // every resource (start → end, transferred KiB), long task and paint, in ms after navigation
      const entries = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        return [
          ...[nav, ...performance.getEntriesByType('resource')].map(e => [
            e.startTime,
            e.responseEnd,
            `${Math.round((e.transferSize ?? 0) / 1024)} KiB ${
              e.initiatorType
            } ${e.name.replace(location.origin, '').slice(0, 80)}`,
          ]),
          ...performance
            .getEntriesByType('paint')
            .map(e => [e.startTime, e.startTime, e.name]),
          ...window.__benchLongTasks.map(([s, d]) => [
            s,
            s + d,
            `long task ${Math.round(d)} ms`,
          ]),
          ...performance
            .getEntriesByType('mark')
            .map(e => [e.startTime, e.startTime, `mark ${e.name}`]),
          [window.__benchVisibleAt, window.__benchVisibleAt, 'ARTICLE VISIBLE'],
        ];
      });
      console.log(`\n${target.url}:`);
      for (const [s, e, what] of entries.sort((a, b) => a[0] - b[0])) {
        console.log(
          `  ${String(Math.round(s)).padStart(5)} → ${String(
            Math.round(e),
          ).padStart(5)}  ${what}`,
        );
      }
    } else if (process.env.BENCH_TRACE) {
      // BENCH_TRACE=1: each request's start and end (ms after the first), to see where time goes
      const rows = [...timeline.values()];
      const t0 = Math.min(...rows.map(r => r.start));
      console.log(
        `\n${target.url}: visible at ${Math.round(
          ms,
        )} ms (after navigation start)`,
      );
      for (const r of rows.sort((a, b) => a.start - b.start)) {
        const at = x => (x === undefined ? '-' : Math.round((x - t0) * 1000));
        console.log(
          `  ${String(at(r.start)).padStart(5)} → ${String(at(r.end)).padStart(
            5,
          )}  ${r.status ?? '   '} ${String(
            Math.round((r.bytes ?? 0) / 1024),
          ).padStart(5)} KiB  ${r.url.replace(base, '').slice(0, 90)}`,
        );
      }
    }
    await cdp.detach();
    await page.close();
    return result;
  }

  const results = {};
  for (const name of Object.keys(targets))
    results[name] = { cold: [], warm: [] };
  // one untimed pass each: the backend's first requests (JIT, caches) are not what we measure
  for (const [name, target] of Object.entries(targets)) {
    const ctx = await browser.newContext({ storageState });
    await visit(ctx, target).catch(e => {
      throw new Error(`${name} never showed its article: ${e.message}`);
    });
    await ctx.close();
  }
  for (let run = 0; run < RUNS; run++) {
    const order =
      run % 2 ? Object.keys(targets).reverse() : Object.keys(targets);
    for (const name of order) {
      const ctx = await browser.newContext({ storageState });
      const cold = await visit(ctx, targets[name]);
      const warm = await visit(ctx, targets[name]);
      await ctx.close();
      results[name].cold.push(cold);
      results[name].warm.push(warm);
    }
    process.stdout.write(`  run ${run + 1}/${RUNS}\r`);
  }
  console.log();

  const ours = results['Paved Road'];
  const td = results.TechDocs;
  const rows = [];
  const figure = (label, pick, unit) => {
    const a = td.cold.length ? pick(td) : [];
    const b = pick(ours);
    const ma = median(a);
    const mb = median(b);
    rows.push({
      figure: label,
      TechDocs: `${fmt(ma)} ${unit} (${fmt(Math.min(...a))}–${fmt(
        Math.max(...a),
      )})`,
      'Paved Road': `${fmt(mb)} ${unit} (${fmt(Math.min(...b))}–${fmt(
        Math.max(...b),
      )})`,
      ratio: `${(mb / ma).toFixed(2)}x`,
    });
  };
  figure('cold: article visible', r => r.cold.map(x => x.ms), 'ms');
  figure('warm: article visible', r => r.warm.map(x => x.ms), 'ms');
  // the same, counted from the moment the app had its identity: the page's own share
  figure(
    'cold: visible after sign-in',
    r => r.cold.map(x => x.afterSignIn),
    'ms',
  );
  figure(
    'warm: visible after sign-in',
    r => r.warm.map(x => x.afterSignIn),
    'ms',
  );
  figure(
    'cold: bytes transferred',
    r => r.cold.map(x => x.bytes / 1024),
    'KiB',
  );
  figure(
    'warm: bytes transferred',
    r => r.warm.map(x => x.bytes / 1024),
    'KiB',
  );
  figure('cold: requests', r => r.cold.map(x => x.requests), '');
  figure('warm: requests', r => r.warm.map(x => x.requests), '');
  console.log(
    `\n${RUNS} alternating runs, medians (min–max), Paved Road / TechDocs:\n`,
  );
  console.log(table(rows));
  // The app's own start-up (scripts, evaluation, sign-in) comes before either page can do anything;
  // say what a ratio target leaves for the page itself.
  for (const state of ['cold', 'warm']) {
    const signedIn = median(
      [...ours[state], ...td[state]].map(x => x.ms - x.afterSignIn),
    );
    const half = median(td[state].map(x => x.ms)) / 2;
    console.log(
      `${state}: the app has its identity at ${fmt(
        signedIn,
      )} ms for both pages (median); ` +
        `0.5x of TechDocs is ${fmt(half)} ms, which leaves ${fmt(
          half - signedIn,
        )} ms for a page after sign-in ` +
        `(Paved Road's takes ${fmt(
          median(ours[state].map(x => x.afterSignIn)),
        )} ms).`,
    );
  }
  if (process.env.BENCH_JSON)
    writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, 2));
} finally {
  await browser?.close();
  await backend.stop();
  rmSync(work, { recursive: true, force: true });
}
