#!/usr/bin/env node
// Conformance at scale: N synthetic services (default 1,000), each with its own source folder of
// real manifests, registered in the catalog of the real demo backend. Triggers the scheduled
// conformance task twice and reads each run's own log line: a cold run (every source read and every
// rule evaluated) and a second run with nothing changed (every source skipped by its ETag).
// Run under the ports lock: flock /tmp/paved-road-ports.lock npm run bench:conformance
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBackend, table } from './lib/backend.mjs';

const COUNT = Number(process.env.BENCH_ENTITIES ?? 1000);
const PORT = Number(process.env.BENCH_PORT ?? 7109);
const TASK = 'guidance-conformance';
const sleep = ms => new Promise(r => setTimeout(r, ms));

// A service in one of four shapes, so rules pass, fail and do not apply across the set.
function manifests(i) {
  const name = `svc-${i}`;
  const broken = i % 4 === 1;
  const probes = broken
    ? ''
    : `          livenessProbe:\n            httpGet: { path: /healthz, port: http }\n          readinessProbe:\n            httpGet: { path: /ready, port: http }\n          startupProbe:\n            httpGet: { path: /healthz, port: http }\n            failureThreshold: 30\n`;
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: { app: ${name} }
spec:
  replicas: ${i % 3 === 0 ? 1 : 3}
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        seccompProfile: { type: RuntimeDefault }
      containers:
        - name: app
          image: ${broken ? `ghcr.io/acme/${name}:latest` : `ghcr.io/acme/${name}:1.${i}.0`}
          ports:
            - { name: http, containerPort: 8080 }
          env:
            - name: ${broken ? 'API_TOKEN' : 'LOG_LEVEL'}
              value: "${broken ? 'plain-secret' : 'info'}"
          resources:
            requests: { cpu: 100m, memory: 128Mi }
${broken ? '' : '            limits: { memory: 128Mi }\n'}${probes}          securityContext:
            allowPrivilegeEscalation: false
            capabilities: { drop: [ALL] }
`;
  const service = `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: { app: ${i % 4 === 2 ? 'nobody' : name} }
  ports:
    - { name: http, port: 80, targetPort: http }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
spec:
  maxUnavailable: 1
  selector:
    matchLabels: { app: ${name} }
`;
  const cron =
    i % 4 === 3
      ? `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}-report
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: ghcr.io/acme/${name}-report:2.0.${i}
`
      : undefined;
  return { deployment, service, cron };
}

const dir = mkdtempSync(join(tmpdir(), 'paved-road-conformance-'));
const entities = [];
for (let i = 0; i < COUNT; i++) {
  const src = join(dir, `svc-${i}`);
  mkdirSync(join(src, 'deploy'), { recursive: true });
  const m = manifests(i);
  writeFileSync(join(src, 'deploy/deployment.yaml'), m.deployment);
  writeFileSync(join(src, 'deploy/service.yaml'), m.service);
  if (m.cron) writeFileSync(join(src, 'deploy/cronjob.yaml'), m.cron);
  entities.push(`apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: svc-${i}
  annotations:
    backstage.io/source-location: file:${src}/
spec:
  type: service
  lifecycle: production
  owner: team-${i % 20}
`);
}
writeFileSync(join(dir, 'entities.yaml'), entities.join('---\n'));
console.log(`generated ${COUNT} services with manifests in ${dir}`);

const runs = [];
const backend = await startBackend({
  port: PORT,
  logLevel: 'info',
  onOutput: chunk => {
    for (const line of chunk.split('\n')) {
      const m = /Conformance run: (\d+) entities, (\d+) evaluated, (\d+) unchanged, (\d+) unreadable, \d+ removed in (\d+) ms/.exec(line);
      if (m) runs.push({ entities: +m[1], evaluated: +m[2], unchanged: +m[3], unreadable: +m[4], ms: +m[5] });
    }
  },
  config: `catalog:
  locations:
    - type: file
      target: ${join(dir, 'entities.yaml')}
guidance:
  conformance:
    localRoots: [${dir}]
    concurrency: ${Number(process.env.BENCH_CONCURRENCY ?? 4)}
    # config merges over app-config.yaml's schedule: the first run comes at start-up, before the
    # catalog has ingested anything, and later ones only when the benchmark triggers them
    schedule:
      frequency: { minutes: 1440 }
      initialDelay: { seconds: 0 }
      timeout: { minutes: 10 }
`,
});

const auth = { Authorization: `Bearer ${backend.token}` };
try {
  // wait for the catalog to hold every service
  const deadline = Date.now() + 300_000;
  const ingestStarted = Date.now();
  for (;;) {
    const res = await fetch(
      `${backend.base}/api/catalog/entities/by-query?filter=kind=component,spec.type=service&limit=1`,
      { headers: auth },
    );
    const total = res.ok ? (await res.json()).totalItems : 0;
    if (total >= COUNT) break;
    if (Date.now() > deadline) throw new Error(`catalog holds ${total} of ${COUNT} services after 300 s`);
    await sleep(1000);
  }
  console.log(`catalog ingested ${COUNT} services in ${((Date.now() - ingestStarted) / 1000).toFixed(1)} s`);

  const trigger = async label => {
    const before = runs.length;
    const res = await fetch(
      `${backend.base}/api/guidance/.backstage/scheduler/v1/tasks/${TASK}/trigger`,
      { method: 'POST', headers: auth },
    );
    if (!res.ok) throw new Error(`trigger failed: ${res.status} ${await res.text()}`);
    const until = Date.now() + 600_000;
    while (runs.length === before) {
      if (Date.now() > until) throw new Error(`${label} run did not finish in 600 s`);
      await sleep(200);
    }
    return runs[runs.length - 1];
  };

  const cold = await trigger('cold');
  const warm = await trigger('unchanged');
  const rulesRes = await fetch(`${backend.base}/api/guidance/conformance`, { headers: auth });
  const overview = await rulesRes.json();
  const results = overview.rules.reduce((n, r) => n + r.pass + r.fail + r.waived, 0);
  console.log(
    table([
      { run: 'cold (every source read, every rule evaluated)', ...cold, 's': (cold.ms / 1000).toFixed(1) },
      { run: 'second, nothing changed (ETag skip)', ...warm, 's': (warm.ms / 1000).toFixed(1) },
    ]),
  );
  console.log(
    `${overview.rules.length} rules, ${results} applicable entity x rule results; second run = ${((warm.ms / cold.ms) * 100).toFixed(1)} % of the cold run`,
  );
  const ok = cold.evaluated === COUNT && warm.unchanged === COUNT && cold.ms < 60_000 && warm.ms < cold.ms * 0.1;
  console.log(ok ? 'PASS: cold < 60 s and unchanged < 10 % of cold' : 'FAIL: targets not met');
  process.exitCode = ok ? 0 : 1;
} finally {
  await backend.stop();
  rmSync(dir, { recursive: true, force: true });
}
