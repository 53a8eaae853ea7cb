#!/usr/bin/env node
// Starts the demo backend as the README's Production section says (app-config.yaml +
// app-config.production.yaml, NODE_ENV=production, PostgreSQL) and checks what a production
// deployment must hold: no guest sign-in, no default MCP token, no file: catalog locations,
// and a large source evaluated or refused without stalling other requests or the memory.
// The same file: check runs against the development profile (npm start) first.
//
// Run it with a PostgreSQL server: scripts/with-postgres.sh node scripts/production-check.mjs
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startBackend } from './lib/backend.mjs';

const sleep = ms => new Promise(r => setTimeout(r, ms));
const failures = [];
const passed = [];
function check(name, ok, detail = '') {
  (ok ? passed : failures).push(`${name}${detail ? `: ${detail}` : ''}`);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
}

const database =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
if (!database) {
  console.error(
    'production-check: run it under scripts/with-postgres.sh (needs PostgreSQL)',
  );
  process.exit(2);
}
const pg = new URL(database);

const work = mkdtempSync(join(tmpdir(), 'paved-road-production-'));
// A file the catalog must never show to an API caller
const secretFile = join(work, 'settings.yaml');
writeFileSync(secretFile, 'password = hunter2-production-check: [\n');

async function fileLocationRefused(base, headers, profile) {
  for (const target of [
    secretFile,
    join(work, 'missing.yaml'),
    '/etc/passwd',
  ]) {
    const res = await fetch(`${base}/api/catalog/locations?dryRun=true`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'file', target }),
    });
    const text = await res.text();
    check(
      `${profile}: POST /api/catalog/locations {type: file, target: ${target}} refused without echoing the file`,
      res.status === 400 &&
        !text.includes('hunter2') &&
        !text.includes('root:'),
      `${res.status} ${text.slice(0, 120)}`,
    );
  }
}

// --- development profile (npm start): the catalog's locations API is closed to file: too
{
  const dev = await startBackend({ port: 7217 });
  try {
    await fileLocationRefused(
      dev.base,
      { Authorization: `Bearer ${dev.token}` },
      'development',
    );
  } finally {
    await dev.stop();
  }
}

/** An environment where a variable given as undefined is unset, not the string "undefined". */
const withoutUndefined = env =>
  Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));

/** Spawns the backend with the production profile; resolves when ready, or with its exit. */
function startProduction({ port, extraConfig, env }) {
  // what `backstage-cli package start` runs, without its watcher (which outlives a crashed backend)
  const args = [
    '--require',
    join(ROOT, 'node_modules/@backstage/cli-node/config/nodeTransform.cjs'),
    'src/index.ts',
    '--config',
    join(ROOT, 'app-config.yaml'),
    '--config',
    join(ROOT, 'app-config.production.yaml'),
  ];
  if (extraConfig) {
    const file = join(work, `app-config.check-${port}.yaml`);
    writeFileSync(file, extraConfig);
    args.push('--config', file);
  }
  const child = spawn('node', args, {
    cwd: join(ROOT, 'packages/backend'),
    env: withoutUndefined({
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      APP_BASE_URL: 'http://localhost:3000',
      BACKEND_BASE_URL: `http://localhost:${port}`,
      BACKEND_PORT: String(port),
      POSTGRES_HOST: pg.hostname,
      POSTGRES_PORT: pg.port,
      POSTGRES_USER: pg.username,
      POSTGRES_PASSWORD: pg.password,
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', c => (output = (output + c).slice(-40000)));
  child.stderr.on('data', c => (output = (output + c).slice(-40000)));
  const exited = new Promise(r => child.on('exit', code => r(code)));
  const base = `http://localhost:${port}`;
  const ready = (async () => {
    const deadline = Date.now() + 300_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${base}/.backstage/health/v1/readiness`)).ok)
          return true;
      } catch {
        // not listening yet
      }
      await sleep(500);
    }
    return false;
  })();
  return {
    base,
    pid: child.pid,
    output: () => output,
    started: Promise.race([
      ready.then(ok => (ok ? 'ready' : 'timeout')),
      exited.then(() => 'exited'),
    ]),
    exited,
    async stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      await Promise.race([exited, sleep(10_000)]);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    },
  };
}

// --- production with PAVED_ROAD_MCP_TOKEN or PAVED_ROAD_REPORT_TOKEN unset, or empty: no default
// token, start-up names the variable (the other one set, so that it is the one missing)
for (const [variable, how, value] of [
  ['PAVED_ROAD_MCP_TOKEN', 'unset', undefined],
  ['PAVED_ROAD_MCP_TOKEN', 'empty', ''],
  ['PAVED_ROAD_REPORT_TOKEN', 'unset', undefined],
]) {
  const backend = startProduction({
    port: 7227,
    env: {
      PAVED_ROAD_MCP_TOKEN: randomBytes(24).toString('hex'),
      PAVED_ROAD_REPORT_TOKEN: randomBytes(24).toString('hex'),
      [variable]: value,
    },
  });
  const outcome = await backend.started;
  const line = backend
    .output()
    .split('\n')
    .find(l => l.includes(`set ${variable} `));
  check(
    `production with ${variable} ${how} does not start, naming the variable`,
    outcome === 'exited' && Boolean(line),
    outcome === 'exited'
      ? (line ?? backend.output().slice(-300)).trim().slice(0, 240)
      : outcome,
  );
  await backend.stop();
}

// --- production, as deployed, plus an operator token and two sources of large manifests
const mcpToken = randomBytes(24).toString('hex');
const reportToken = randomBytes(24).toString('hex');
const operatorToken = randomBytes(24).toString('hex');
const sources = join(work, 'sources');
const MiB = 1024 * 1024;
/** `count` files of about 1 MiB of real Deployments each. */
function writeSource(name, count, kind = 'deployments') {
  const dir = join(sources, name, 'deploy');
  mkdirSync(dir, { recursive: true });
  let doc = '';
  // dashboards and configuration: few objects, large values
  const data = 'x'.repeat(64 * 1024);
  for (let i = 0; kind === 'configmaps' && doc.length < MiB - 70_000; i++) {
    doc += `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-${i}\ndata:\n  dashboard.json: "${data}"\n`;
  }
  for (let i = 0; kind === 'deployments' && doc.length < MiB - 600; i++) {
    doc += `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}-${i}\n  labels: {app: ${name}}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/acme/${name}:1.2.${i}\n          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}\n`;
  }
  for (let f = 0; f < count; f++)
    writeFileSync(join(dir, `part-${f}.yaml`), doc);
  return join(sources, name);
}
writeSource('big-service', 100); // 100 × 1 MiB: over the 16 MiB budget
writeSource('many-service', 12); // 12 MiB of about 31,000 Deployments: over 5,000 objects
writeSource('large-service', 12, 'configmaps'); // 12 MiB of about 190 ConfigMaps: evaluated
const catalogFile = join(work, 'catalog.yaml');
writeFileSync(
  catalogFile,
  ['big-service', 'many-service', 'large-service']
    .map(
      name => `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    backstage.io/source-location: file:${join(sources, name)}/
spec: { type: service, lifecycle: production, owner: group:default/team-a }
`,
    )
    .join(''),
);

const backend = startProduction({
  port: 7237,
  env: { PAVED_ROAD_MCP_TOKEN: mcpToken, PAVED_ROAD_REPORT_TOKEN: reportToken },
  // arrays replace: the MCP and report entries are the production file's own, beside an operator token for the checks
  extraConfig: `backend:
  auth:
    externalAccess:
      - type: static
        options:
          token: \${PAVED_ROAD_MCP_TOKEN}
          subject: mcp-client
        accessRestrictions:
          - plugin: mcp-actions
          - plugin: guidance
      - type: static
        options:
          token: \${PAVED_ROAD_REPORT_TOKEN}
          subject: ci-reporter
        accessRestrictions:
          - plugin: guidance
      - type: static
        options:
          token: ${operatorToken}
          subject: production-check
catalog:
  locations:
    - type: file
      target: ${catalogFile}
guidance:
  conformance:
    localRoots: [${sources}]
    schedule:
      frequency: { minutes: 30 }
      timeout: { minutes: 3 }
      initialDelay: { minutes: 30 }
`,
});
try {
  const outcome = await backend.started;
  if (outcome !== 'ready') {
    console.error(backend.output());
    throw new Error(`production backend ${outcome}`);
  }
  const base = backend.base;
  const operator = { Authorization: `Bearer ${operatorToken}` };

  for (const method of ['GET', 'POST']) {
    const res = await fetch(`${base}/api/auth/guest/refresh`, {
      method,
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    const text = await res.text();
    check(
      `production: ${method} /api/auth/guest/refresh gives no identity`,
      res.status !== 200 && !text.includes('backstageIdentity'),
      `${res.status}`,
    );
  }
  const old = await fetch(`${base}/api/guidance/articles`, {
    headers: { Authorization: 'Bearer local-mcp-token-change-me' },
  });
  check(
    'production: the documented default MCP token is refused',
    old.status === 401,
    `${old.status}`,
  );
  const mcp = await fetch(`${base}/api/guidance/articles`, {
    headers: { Authorization: `Bearer ${mcpToken}` },
  });
  check(
    'production: the configured MCP token reads the guidance',
    mcp.status === 200,
    `${mcp.status}`,
  );
  const mcpCatalog = await fetch(`${base}/api/catalog/entities`, {
    headers: { Authorization: `Bearer ${mcpToken}` },
  });
  check(
    'production: the MCP token cannot read the catalog',
    mcpCatalog.status === 403,
    `${mcpCatalog.status}`,
  );
  const report = { Authorization: `Bearer ${reportToken}` };
  const oldReport = await fetch(`${base}/api/guidance/articles`, {
    headers: { Authorization: 'Bearer local-report-token-change-me' },
  });
  check(
    'production: the documented default report token is refused',
    oldReport.status === 401,
    `${oldReport.status}`,
  );
  for (const [what, path] of [
    ['the guidance articles', '/api/guidance/articles'],
    ['the catalog', '/api/catalog/entities'],
  ]) {
    const res = await fetch(`${base}${path}`, { headers: report });
    check(
      `production: the report token cannot read ${what}`,
      res.status === 403,
      `${res.status}`,
    );
  }
  await fileLocationRefused(base, operator, 'production');

  // wait for the catalog to read the operator's location
  for (let i = 0; i < 120; i++) {
    const res = await fetch(
      `${base}/api/catalog/entities/by-name/component/default/large-service`,
      { headers: operator },
    );
    if (res.ok) break;
    await sleep(1000);
  }
  const pushed = await fetch(
    `${base}/api/guidance/entities/component/default/large-service/conformance/reports`,
    {
      method: 'POST',
      headers: { ...report, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ref: 'pull/1', results: [] }),
    },
  );
  check(
    'production: the report token pushes a CI report (201)',
    pushed.status === 201,
    `${pushed.status}`,
  );

  const rssKiB = () =>
    execFileSync('ps', ['-o', 'rss=', '-g', String(backend.pid)])
      .toString()
      .trim()
      .split(/\s+/)
      .reduce((sum, n) => sum + Number(n || 0), 0);
  const rssBefore = rssKiB();
  let rssPeak = rssBefore;
  let slowest = 0;
  let requests = 0;
  let sampling = true;
  // a failed request (the backend gone) is a result, not a crash of this script
  const sampler = (async () => {
    while (sampling) {
      const started = Date.now();
      const res = await fetch(`${base}/api/guidance/articles`, {
        signal: AbortSignal.timeout(30_000),
        headers: operator,
      });
      await res.arrayBuffer();
      slowest = Math.max(slowest, Date.now() - started);
      requests += 1;
      rssPeak = Math.max(rssPeak, rssKiB());
      await sleep(100);
    }
  })().catch(error => {
    slowest = Infinity;
    console.log(`GET /articles failed: ${error.cause ?? error}`);
  });

  const refresh = name =>
    fetch(
      `${base}/api/guidance/entities/component/default/${name}/conformance/refresh`,
      {
        method: 'POST',
        headers: { ...operator, 'Content-Type': 'application/json' },
        body: JSON.stringify({ force: true }),
      },
    );
  const answers = await Promise.all([
    refresh('big-service'),
    refresh('big-service'),
    refresh('big-service'),
    refresh('many-service'),
    refresh('large-service'),
    refresh('large-service'),
    refresh('large-service'),
  ]);
  const statuses = await Promise.all(
    answers.map(async a => `${a.status} ${(await a.json()).status}`),
  );
  check(
    'production: three concurrent refreshes of each source answered 202 at once',
    answers.every(a => a.status === 202),
    statuses.join(', '),
  );

  const conformanceOf = async name => {
    for (let i = 0; i < 240; i++) {
      const res = await fetch(
        `${base}/api/guidance/entities/component/default/${name}/conformance`,
        { headers: operator },
      );
      if (res.ok) return res.json();
      await sleep(500);
    }
    return undefined;
  };
  const bigResult = await conformanceOf('big-service');
  check(
    'production: a source of 100 files × 1 MiB is reported too large, not evaluated',
    Boolean(bigResult?.source?.error?.startsWith('too large: 100 files')),
    bigResult?.source?.error,
  );
  const manyResult = await conformanceOf('many-service');
  check(
    'production: a source of about 31,000 Deployments is reported too large, not evaluated',
    Boolean(
      manyResult?.source?.error?.match(/^too large: more than 5000 objects/),
    ),
    manyResult?.source?.error,
  );
  const largeResult = await conformanceOf('large-service');
  check(
    'production: a source of 12 files × 1 MiB (about 190 ConfigMaps) is evaluated',
    Boolean(
      largeResult &&
        !largeResult.source.error &&
        largeResult.results.length > 0,
    ),
    largeResult
      ? `${JSON.stringify(largeResult.summary)}${
          largeResult.source.error ? ` ${largeResult.source.error}` : ''
        }`
      : 'no result',
  );
  sampling = false;
  await sampler;
  check(
    'production: GET /articles answered in under a second throughout',
    slowest < 1000,
    `slowest ${slowest} ms over ${requests} requests`,
  );
  const growthMiB = Math.round((rssPeak - rssBefore) / 1024);
  check(
    'production: backend RSS grew by less than 512 MiB',
    growthMiB < 512,
    `${Math.round(rssBefore / 1024)} MiB before, peak +${growthMiB} MiB`,
  );
} catch (error) {
  check('production: the backend kept running', false, String(error));
  console.log(
    `--- backend output (last lines)\n${backend
      .output()
      .split('\n')
      .slice(-60)
      .join('\n')}`,
  );
} finally {
  await backend.stop();
}

console.log(
  `\nproduction-check: ${passed.length} passed, ${failures.length} failed`,
);
if (failures.length > 0) {
  for (const f of failures) console.log(`  failed: ${f}`);
  process.exit(1);
}
