import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { Entity } from '@backstage/catalog-model';
import { GuidanceRule } from '@paved-road/plugin-guidance-node';

type Container = { name?: string; image?: string; readinessProbe?: unknown };

const containersOf = (body: any): Container[] =>
  body?.spec?.template?.spec?.containers ?? [];

/** Small rules for tests: one about probes, one about image tags. */
export const testRules: GuidanceRule[] = [
  {
    id: 'readiness-probe',
    title: 'Containers have a readiness probe',
    severity: 'error',
    article: { id: 'probes', section: 'readiness' },
    check: ({ objects }) =>
      objects
        .filter(o => o.kind === 'Deployment')
        .flatMap(o =>
          containersOf(o.body).map((c, i) => ({
            status: c.readinessProbe ? ('pass' as const) : ('fail' as const),
            file: o.file,
            object: `Deployment/${o.name}`,
            path: ['spec', 'template', 'spec', 'containers', i],
            message: c.readinessProbe
              ? `container ${c.name} has a readiness probe`
              : `container ${c.name} has no readiness probe`,
          })),
        ),
  },
  {
    id: 'image-pinned',
    title: 'Images are pinned by tag or digest',
    severity: 'error',
    article: { id: 'probes' },
    check: ({ objects }) =>
      objects
        .filter(o => o.kind === 'Deployment')
        .flatMap(o =>
          containersOf(o.body).map(c => {
            const pinned =
              !!c.image && /[:@]/.test(c.image) && !c.image.endsWith(':latest');
            return {
              status: pinned ? ('pass' as const) : ('fail' as const),
              file: o.file,
              object: `Deployment/${o.name}`,
              message: pinned
                ? `image ${c.image} is pinned`
                : `image ${c.image} is not pinned`,
            };
          }),
        ),
  },
  {
    id: 'cronjob-deadline',
    title: 'CronJobs set a starting deadline',
    severity: 'warning',
    article: { id: 'probes' },
    check: ({ objects }) =>
      objects
        .filter(o => o.kind === 'CronJob')
        .map(() => ({ status: 'pass' as const, message: 'ok' })),
  },
];

export const deployment = (opts: { image: string; probe: boolean }) =>
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: ${opts.image}
${
  opts.probe
    ? '          readinessProbe:\n            httpGet: { path: /ready, port: 8080 }\n'
    : ''
}`;

/** Writes files into a new temp folder (or under `root`) and returns its path. */
export function writeTree(files: Record<string, string>, root?: string) {
  const dir = root ?? mkdtempSync(join(tmpdir(), 'conformance-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export function serviceEntity(
  name: string,
  annotations: Record<string, string>,
  owner = 'team-a',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner, lifecycle: 'production' },
  };
}
