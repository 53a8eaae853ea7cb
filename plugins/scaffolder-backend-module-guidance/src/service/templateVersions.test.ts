import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleGuidance } from '../module';
import { specResponseRecorder } from '@paved-road/plugin-guidance-node/testUtils';
import { spec } from '../schema/openapi.generated';

// every answer on the route must be one the spec documents
const specResponses = specResponseRecorder(spec, '/api/scaffolder');
afterEach(() => specResponses.throwIfViolated());
afterAll(() => specResponses.throwIfNothingChecked());

const dir = mkdtempSync(join(tmpdir(), 'template-versions-'));
writeFileSync(join(dir, 'template.yaml'), 'kind: Template\n');
writeFileSync(
  join(dir, 'CHANGELOG.md'),
  [
    '# Changelog: go-service',
    '',
    '## v3 — 2026-11-20',
    'Alerts on saturation ([prometheus-grafana-monitoring](/guidance/prometheus-grafana-monitoring)).',
    '',
    '## v2 — 2026-10-01',
    'Liveness probe on /livez.',
    '',
    '## v1 — 2026-09-01',
    'First version.',
  ].join('\n'),
);

const template = (name: string, annotations: Record<string, string>) => ({
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name, namespace: 'default', title: 'Go service', annotations },
  spec: { type: 'service', steps: [] },
});

describe('GET /api/scaffolder/guidance/templates/:name/versions', () => {
  async function start() {
    const { server } = await startTestBackend({
      // the module's actions are not under test here
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions() {} }]],
      features: [
        scaffolderModuleGuidance,
        mockServices.rootConfig.factory({ data: {} }),
        catalogServiceMock.factory({
          entities: [
            template('go-service', {
              'paved-road.dev/template-version': '3',
              'backstage.io/managed-by-location': `file:${join(
                dir,
                'template.yaml',
              )}`,
            }),
            template('unversioned', {}),
            // Lowered to v2 although its changelog already has v3.
            template('lowered', {
              'paved-road.dev/template-version': '2',
              'backstage.io/managed-by-location': `file:${join(
                dir,
                'template.yaml',
              )}`,
            }),
          ],
        }),
      ],
    });
    return specResponses.watch(server);
  }

  it('returns the current version and the changelog entries after ?since', async () => {
    const server = await start();
    const res = await request(server).get(
      '/api/scaffolder/guidance/templates/go-service/versions?since=1',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      templateRef: 'template:default/go-service',
      title: 'Go service',
      version: 3,
      changelog: [
        {
          version: 3,
          date: '2026-11-20',
          body: 'Alerts on saturation ([prometheus-grafana-monitoring](/guidance/prometheus-grafana-monitoring)).',
        },
        { version: 2, date: '2026-10-01', body: 'Liveness probe on /livez.' },
      ],
    });

    const all = await request(server).get(
      '/api/scaffolder/guidance/templates/go-service/versions',
    );
    expect(all.body.changelog.map((e: any) => e.version)).toEqual([3, 2, 1]);

    const plain = await request(server).get(
      '/api/scaffolder/guidance/templates/unversioned/versions',
    );
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual({
      templateRef: 'template:default/unversioned',
      title: 'Go service',
      changelog: [],
    });
  });

  it('answers 409 for a version that went backwards, never "current"', async () => {
    const server = await start();
    const service = await request(server).get(
      '/api/scaffolder/guidance/templates/go-service/versions?since=4',
    );
    expect(service.status).toBe(409);
    expect(service.body.error.message).toBe(
      'template:default/go-service went backwards: it is at v3, but this service was created from or upgraded to v4. A template version is never lowered; restore v4 or release v5',
    );

    const lowered = await request(server).get(
      '/api/scaffolder/guidance/templates/lowered/versions',
    );
    expect(lowered.status).toBe(409);
    expect(lowered.body.error.message).toBe(
      'template:default/lowered went backwards: it says v2, but its CHANGELOG.md already has v3. A template version is never lowered; release v4',
    );

    const current = await request(server).get(
      '/api/scaffolder/guidance/templates/go-service/versions?since=3',
    );
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ version: 3, changelog: [] });
  });

  it('answers 404 for an unknown template, 400 for bad input and 401 without credentials', async () => {
    const server = await start();
    const missing = await request(server).get(
      '/api/scaffolder/guidance/templates/nope/versions',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('template:default/nope');

    const bad = await request(server).get(
      '/api/scaffolder/guidance/templates/go-service/versions?since=-2',
    );
    expect(bad.status).toBe(400);
    // from the typed router (openapi.yaml)
    expect(bad.body.error.message).toBe('request/query/since must be >= 0');

    const badName = await request(server).get(
      '/api/scaffolder/guidance/templates/a%20b/versions',
    );
    expect(badName.status).toBe(400);
    expect(badName.body.error.message).toBe(
      'request/params/name must match pattern "^[A-Za-z0-9._-]+$"',
    );

    const anonymous = await request(server)
      .get('/api/scaffolder/guidance/templates/go-service/versions')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
  });
});
