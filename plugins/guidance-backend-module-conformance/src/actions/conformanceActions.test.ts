import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { mkdirSync } from 'fs';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { GUIDANCE_ANNOTATION } from '@paved-road/plugin-guidance-common';
// the module is tested inside the plugin it extends
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import guidancePlugin from '@paved-road/plugin-guidance-backend';
import { guidanceModuleConformance } from '../module';
import { articleFixture } from '@paved-road/plugin-guidance-node/testUtils';

const pooling = articleFixture({
  id: 'connection-pooling',
  title: 'Connection pooling with PgBouncer',
  category: 'databases',
  tags: ['postgres'],
  appliesTo: { tags: ['postgres'] },
  body: [
    'Pools keep connections few.',
    '',
    '## Sizing the pool',
    '',
    'Multiply the pods by the pool size and keep the total under max_connections.',
    '',
    '### Worked example',
    '',
    'Fifty pods with ten connections each need five hundred server slots.',
    '',
    '## Transaction mode',
    '',
    'Prepared statements need care.',
    '',
  ].join('\n'),
});

async function startWithActions(options: { sourceRoot?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'guidance-actions-'));
  writeFileSync(join(dir, 'connection-pooling.md'), pooling);
  const registry = actionsRegistryServiceMock();
  const { server } = await startTestBackend({
    features: [
      guidancePlugin,
      guidanceModuleConformance,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'https://portal.example.com' },
          guidance: {
            builtin: false,
            sources: [{ type: 'directory', path: dir }],
            conformance: {
              enabled: false,
              localRoots: options.sourceRoot ? [options.sourceRoot] : [],
            },
          },
        },
      }),
      catalogServiceMock.factory({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: {
              name: 'orders',
              tags: ['postgres'],
              annotations: {
                [GUIDANCE_ANNOTATION]: 'connection-pooling',
                ...(options.sourceRoot
                  ? {
                      'backstage.io/source-location': `file:${options.sourceRoot}/`,
                    }
                  : {}),
              },
            },
            spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
          },
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'ledger' },
            spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
            relations: [
              { type: 'dependsOn', targetRef: 'resource:default/ledger-db' },
            ],
          },
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Resource',
            metadata: { name: 'ledger-db', tags: ['postgres'] },
            spec: { type: 'database', owner: 'team-a' },
          },
        ],
      }),
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
    ],
  });
  const invoke = (name: string, input: Record<string, any>) =>
    registry.invoke({
      id: `test:${name}`,
      input,
      credentials: mockCredentials.user(),
    });
  return { registry, invoke, server };
}

describe('validate-manifests action', () => {
  const deployment = (image: string) =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: web }',
      'spec:',
      '  replicas: 1',
      '  selector: { matchLabels: { app: web } }',
      '  template:',
      '    metadata: { labels: { app: web } }',
      '    spec:',
      '      containers:',
      `        - name: web`,
      `          image: ${image}`,
    ].join('\n');

  it('returns every rule with findings and the section that explains it', async () => {
    const { invoke } = await startWithActions();
    const { output } = (await invoke('validate-manifests', {
      files: [
        { path: 'deploy/deployment.yaml', content: deployment('nginx:latest') },
      ],
    })) as any;
    expect(output.summary.fail).toBeGreaterThan(0);
    const failing = output.results.filter((r: any) => r.status === 'fail');
    const probe = failing.find((r: any) => r.rule.id === 'readiness-probe');
    expect(probe.findings[0]).toMatchObject({
      file: 'deploy/deployment.yaml',
      object: 'Deployment/web',
    });
    expect(probe.rule.article.id).toBeTruthy();
    expect(probe.url).toContain(`/guidance/${probe.rule.article.id}`);
    expect(failing.map((r: any) => r.rule.id)).toContain('image-tag');
  });

  it('refuses no files, too many files and too many bytes with a clear error', async () => {
    const { invoke } = await startWithActions();
    await expect(invoke('validate-manifests', { files: [] })).rejects.toThrow(
      /at least one file/,
    );
    const many = Array.from({ length: 201 }, (_, i) => ({
      path: `f${i}.yaml`,
      content: 'a: 1',
    }));
    await expect(invoke('validate-manifests', { files: many })).rejects.toThrow(
      /at most 200 files/,
    );
    await expect(
      invoke('validate-manifests', {
        files: [
          { path: 'big.yaml', content: `a: "${'x'.repeat(1024 * 1024)}"` },
        ],
      }),
    ).rejects.toThrow(/at most 1048576/);
  });
});

describe('get-entity-conformance action', () => {
  it('returns the stored evaluation with links, and not-found before one exists', async () => {
    const root = mkdtempSync(join(tmpdir(), 'guidance-actions-src-'));
    mkdirSync(join(root, 'deploy'));
    writeFileSync(
      join(root, 'deploy', 'deployment.yaml'),
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: orders }',
        'spec:',
        '  selector: { matchLabels: { app: orders } }',
        '  template:',
        '    metadata: { labels: { app: orders } }',
        '    spec:',
        '      containers:',
        '        - name: orders',
        '          image: ghcr.io/acme/orders:latest',
      ].join('\n'),
    );
    const { invoke, server } = await startWithActions({ sourceRoot: root });
    await expect(
      invoke('get-entity-conformance', {
        entityRef: 'component:default/orders',
      }),
    ).rejects.toThrow(/No conformance for component:default\/orders/);

    const refresh = await request(server).post(
      '/api/guidance/entities/component/default/orders/conformance/refresh',
    );
    expect(refresh.status).toBe(202);
    // queued: answered before the evaluation is stored
    let output: any;
    for (let i = 0; i < 200 && !output; i++) {
      output = await invoke('get-entity-conformance', {
        entityRef: 'orders',
      }).then(
        r => r.output,
        () => new Promise(r => setTimeout(r, 25)),
      );
    }
    expect(output.entityRef).toBe('component:default/orders');
    const imageTag = output.results.find((r: any) => r.rule.id === 'image-tag');
    expect(imageTag.status).toBe('fail');
    expect(imageTag.findings[0].object).toBe('Deployment/orders');
    expect(imageTag.url).toContain(`/guidance/${imageTag.rule.article.id}`);

    await expect(
      invoke('get-entity-conformance', {
        entityRef: 'component:default/ghost',
      }),
    ).rejects.toThrow(/No conformance for component:default\/ghost/);
  });
});
