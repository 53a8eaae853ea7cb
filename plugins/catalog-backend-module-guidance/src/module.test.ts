import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogModuleGuidanceLocalRepositories } from './module';

const COMPONENT = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders-service
spec:
  type: service
  lifecycle: production
  owner: group:default/team-a
`;

async function waitFor<T>(fn: () => Promise<T | undefined>, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise(r => setTimeout(r, 200));
  }
}

describe('catalogModuleGuidanceLocalRepositories in a real catalog', () => {
  let root: string;
  let outside: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(join(tmpdir(), 'local-repos-'));
    outside = await fs.mkdtemp(join(tmpdir(), 'host-'));
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
    await fs.rm(outside, { recursive: true, force: true });
  });

  const start = (enabled: boolean) =>
    startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleGuidanceLocalRepositories,
        mockServices.rootConfig.factory({
          data: {
            catalog: { processingInterval: { seconds: 1 } },
            guidance: {
              publishLocal: {
                enabled,
                root,
                discoveryFrequency: { milliseconds: 200 },
              },
            },
          },
        }),
      ],
    });

  it('brings a repository under the root into the catalog, and keeps file: locations closed', async () => {
    await fs.mkdir(join(root, 'orders-service', '.git'), { recursive: true });
    await fs.writeFile(
      join(root, 'orders-service', 'catalog-info.yaml'),
      COMPONENT,
    );
    const { server } = await start(true);

    const entity = await waitFor(async () => {
      const res = await request(server).get(
        '/api/catalog/entities/by-name/component/default/orders-service',
      );
      return res.status === 200 ? res.body : undefined;
    });
    expect(entity.spec.owner).toBe('group:default/team-a');
    expect(
      entity.metadata.annotations['backstage.io/managed-by-location'],
    ).toBe(
      `file:${join(
        await fs.realpath(root),
        'orders-service',
        'catalog-info.yaml',
      )}`,
    );

    // The locations API stays on its default (url only): a file: target is refused before it is
    // read, so neither its contents nor its existence leak.
    const secret = join(outside, 'settings.yaml');
    await fs.writeFile(secret, 'password = hunter2: [\n');
    for (const target of [secret, join(outside, 'missing.yaml')]) {
      for (const dryRun of ['true', 'false']) {
        const res = await request(server)
          .post(`/api/catalog/locations?dryRun=${dryRun}`)
          .send({ type: 'file', target });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe(
          'Registered locations must be of an allowed type ["url"]',
        );
        expect(JSON.stringify(res.body)).not.toContain('hunter2');
      }
    }
  });

  it('discovers nothing when guidance:publish:local is off', async () => {
    await fs.mkdir(join(root, 'orders-service', '.git'), { recursive: true });
    await fs.writeFile(
      join(root, 'orders-service', 'catalog-info.yaml'),
      COMPONENT,
    );
    const { server } = await start(false);
    await new Promise(r => setTimeout(r, 2000));
    const res = await request(server).get(
      '/api/catalog/entities/by-name/component/default/orders-service',
    );
    expect(res.status).toBe(404);
  });
});
