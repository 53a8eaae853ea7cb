import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
// the module is tested inside the plugin it extends
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import guidancePlugin from '@paved-road/plugin-guidance-backend';
import { guidanceModuleConformance } from '../../module';
import {
  articleFixture,
  specResponseRecorder,
} from '@paved-road/plugin-guidance-node/testUtils';
import {
  OUTSIDER,
  catalogWithVisibility,
  testRulesModule,
} from './__testUtils__/testBackend';
import {
  deployment,
  serviceEntity,
  testRules,
  writeTree,
} from './__testUtils__/conformanceFixtures';
import { spec } from '../../schema/openapi.generated';

// every answer on the module's paths must be one the spec documents
const specResponses = specResponseRecorder(spec, '/api/guidance');
afterEach(() => specResponses.throwIfViolated());
afterAll(() => specResponses.throwIfNothingChecked());

// only the test rules, added the way a custom module adds rules, so counts stay small
jest.mock('@paved-road/plugin-guidance-node', () => ({
  ...jest.requireActual('@paved-road/plugin-guidance-node'),
  BUILTIN_RULES: [],
}));

jest.setTimeout(60_000);

async function start(
  options: { scheduler?: any; registry?: any; permissions?: any } = {},
) {
  const root = mkdtempSync(join(tmpdir(), 'conformance-routes-'));
  const good = writeTree(
    {
      'deploy/app.yaml': deployment({ image: 'web:1.2.3', probe: true }),
      'catalog-info.yaml': 'kind: Component\nmetadata: { name: good }\n',
    },
    join(root, 'good'),
  );
  const bad = writeTree(
    { 'deploy/app.yaml': deployment({ image: 'web:latest', probe: false }) },
    join(root, 'bad'),
  );
  const entities = [
    serviceEntity(
      'good',
      {
        'backstage.io/source-location': `file:${good}/`,
        'paved-road.dev/template': 'go-service@2',
      },
      'team-a',
    ),
    serviceEntity(
      'bad',
      {
        'backstage.io/source-location': `file:${bad}/`,
        'paved-road.dev/waive.image-pinned':
          '2999-01-01 vendor tags its own image',
        'paved-road.dev/template': 'go-service@1',
      },
      'group:default/team-b',
    ),
    serviceEntity(
      'secret',
      { 'backstage.io/source-location': `file:${bad}/` },
      'team-b',
    ),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: 'team-a',
        annotations: {
          'backstage.io/managed-by-location': `file:${good}/catalog-info.yaml`,
        },
      },
      spec: { type: 'team', children: [] },
    },
  ];
  const library = writeTree({
    'probes.md': articleFixture({
      id: 'probes',
      title: 'Health probes',
      body: 'Intro.\n\n## Readiness\n\nReady means ready.\n',
    }),
  });
  const { server } = await startTestBackend({
    features: [
      guidancePlugin,
      guidanceModuleConformance,
      testRulesModule,
      mockServices.rootConfig.factory({
        data: {
          guidance: {
            builtin: false,
            sources: [{ type: 'directory', path: library }],
            conformance: {
              enabled: !!options.scheduler,
              localRoots: [root],
            },
          },
        },
      }),
      catalogWithVisibility(entities).factory,
      ...(options.scheduler ? [options.scheduler.factory] : []),
      ...(options.permissions ? [options.permissions.factory] : []),
      ...(options.registry
        ? [
            createServiceFactory({
              service: actionsRegistryServiceRef,
              deps: {},
              factory: () => options.registry,
            }),
          ]
        : []),
    ],
  });
  specResponses.watch(server);
  return { server };
}

const refresh = (server: any, name: string) =>
  request(server).post(
    `/api/guidance/entities/component/default/${name}/conformance/refresh`,
  );

/** Asks for an evaluation (answered 202 before the work) and waits until it is stored. */
async function evaluated(server: any, name: string) {
  const path = `/api/guidance/entities/component/default/${name}/conformance`;
  const before = (await request(server).get(path)).body.evaluatedAt;
  const res = await refresh(server, name).send({ force: true });
  expect(res.status).toBe(202);
  for (let i = 0; i < 200; i++) {
    const current = await request(server).get(path);
    if (current.status === 200 && current.body.evaluatedAt !== before) return;
    await new Promise(r => setTimeout(r, 25));
  }
  throw new Error(`${name} was not evaluated`);
}

describe('conformance routes', () => {
  it('requires an identity on every route', async () => {
    const { server } = await start();
    const none = mockCredentials.none.header();
    for (const [method, path] of [
      ['get', '/api/guidance/entities/component/default/good/conformance'],
      [
        'post',
        '/api/guidance/entities/component/default/good/conformance/refresh',
      ],
      ['get', '/api/guidance/articles/probes/conformance'],
      ['get', '/api/guidance/conformance'],
    ] as const) {
      const res = await request(server)
        [method](path)
        .set('Authorization', none);
      expect(res.status).toBe(401);
    }
  });

  it('evaluates an entity on refresh (202) and serves its conformance', async () => {
    const { server } = await start();
    const before = await request(server).get(
      '/api/guidance/entities/component/default/bad/conformance',
    );
    expect(before.status).toBe(404);
    expect(before.body.error.message).toBe(
      'component:default/bad has not been evaluated yet',
    );

    const res = await refresh(server, 'bad');
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      entityRef: 'component:default/bad',
      status: 'queued',
    });
    await evaluated(server, 'bad');

    const after = await request(server).get(
      '/api/guidance/entities/component/default/bad/conformance',
    );
    expect(after.status).toBe(200);
    expect(after.body.summary).toEqual({
      pass: 0,
      fail: 1,
      waived: 1,
      notApplicable: 1,
    });
    expect(after.body.results[0]).toEqual({
      rule: {
        id: 'readiness-probe',
        title: 'Containers have a readiness probe',
        severity: 'error',
        article: {
          id: 'probes',
          title: 'Health probes',
          section: { id: 'readiness', text: 'Readiness' },
        },
      },
      status: 'fail',
      findings: [
        {
          file: 'deploy/app.yaml',
          object: 'Deployment/web',
          // the container's list item, stored and served with the result
          line: 9,
          column: 11,
          message: 'container web has no readiness probe',
        },
      ],
    });
    expect(after.body.results[1]).toMatchObject({
      status: 'waived',
      waiver: { until: '2999-01-01', reason: 'vendor tags its own image' },
    });

    const unknown = await refresh(server, 'nope');
    expect(unknown.status).toBe(404);
    const invalid = await request(server).get(
      '/api/guidance/entities/component/default/a%20b/conformance',
    );
    expect(invalid.status).toBe(400);
  });

  it("serves an article's rules and the entities that follow it or not", async () => {
    const { server } = await start();
    await evaluated(server, 'good');
    await evaluated(server, 'bad');
    const res = await request(server).get(
      '/api/guidance/articles/probes/conformance',
    );
    expect(res.status).toBe(200);
    expect(res.body.rules.map((r: any) => r.id)).toEqual(
      testRules.map(r => r.id),
    );
    expect(res.body.entities).toEqual([
      {
        entityRef: 'component:default/bad',
        status: 'fail',
        failing: ['readiness-probe'],
      },
      { entityRef: 'component:default/good', status: 'pass', failing: [] },
    ]);
    const missing = await request(server).get(
      '/api/guidance/articles/nope/conformance',
    );
    expect(missing.status).toBe(404);
  });

  it('gives an overview by owner and by rule', async () => {
    const { server } = await start();
    await evaluated(server, 'good');
    await evaluated(server, 'bad');
    const all = await request(server).get('/api/guidance/conformance');
    expect(all.status).toBe(200);
    expect(all.body.entities).toEqual([
      {
        entityRef: 'component:default/bad',
        owner: 'group:default/team-b',
        summary: { pass: 0, fail: 1, waived: 1, notApplicable: 1 },
        template: { template: 'go-service', version: 1 },
      },
      {
        entityRef: 'component:default/good',
        owner: 'group:default/team-a',
        summary: { pass: 2, fail: 0, waived: 0, notApplicable: 1 },
        template: { template: 'go-service', version: 2 },
      },
    ]);
    // services per golden path version: who has drifted behind the newest
    expect(all.body.templates).toEqual([
      { template: 'go-service', version: 2, count: 1 },
      { template: 'go-service', version: 1, count: 1 },
    ]);
    expect(
      all.body.rules.map((r: any) => [r.rule.id, r.pass, r.fail, r.waived]),
    ).toEqual([
      ['readiness-probe', 1, 1, 0],
      ['image-pinned', 1, 0, 1],
      ['cronjob-deadline', 0, 0, 0],
    ]);

    const teamA = await request(server).get(
      '/api/guidance/conformance?owner=team-a',
    );
    expect(teamA.body.entities.map((e: any) => e.entityRef)).toEqual([
      'component:default/good',
    ]);
    expect(teamA.body.rules[0]).toMatchObject({ pass: 1, fail: 0 });

    const byRule = await request(server).get(
      '/api/guidance/conformance?rule=cronjob-deadline',
    );
    expect(byRule.body.entities).toEqual([]);
    const probes = await request(server).get(
      '/api/guidance/conformance?rule=readiness-probe',
    );
    expect(
      probes.body.entities.map((e: any) => [e.entityRef, e.ruleStatus]),
    ).toEqual([
      ['component:default/bad', 'fail'],
      ['component:default/good', 'pass'],
    ]);
    expect(byRule.body.rules).toHaveLength(1);
    const unknownRule = await request(server).get(
      '/api/guidance/conformance?rule=nope',
    );
    expect(unknownRule.status).toBe(404);
  });

  it('never shows the conformance of an entity the caller cannot see', async () => {
    const { server } = await start();
    await evaluated(server, 'secret');
    await evaluated(server, 'bad');
    const outsider = mockCredentials.user.header(OUTSIDER);

    const mine = await request(server).get(
      '/api/guidance/entities/component/default/secret/conformance',
    );
    expect(mine.status).toBe(200);

    const theirs = await request(server)
      .get('/api/guidance/entities/component/default/secret/conformance')
      .set('Authorization', outsider);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.message).toBe(
      'No entity component:default/secret in the catalog',
    );
    const refreshed = await refresh(server, 'secret').set(
      'Authorization',
      outsider,
    );
    expect(refreshed.status).toBe(404);

    const overview = await request(server)
      .get('/api/guidance/conformance')
      .set('Authorization', outsider);
    expect(overview.body.entities.map((e: any) => e.entityRef)).toEqual([
      'component:default/bad',
    ]);
    const article = await request(server)
      .get('/api/guidance/articles/probes/conformance')
      .set('Authorization', outsider);
    expect(article.body.entities.map((e: any) => e.entityRef)).toEqual([
      'component:default/bad',
    ]);
  });

  it("schedules a global run every 30 minutes that evaluates the catalog's Components", async () => {
    const scheduler = mockServices.scheduler.mock();
    const { server } = await start({ scheduler });
    const task = scheduler.scheduleTask.mock.calls.find(
      ([t]) => t.id === 'guidance-conformance',
    )![0];
    // the timeout is also how long a crashed replica's lock holds: minutes, not ten
    expect(task).toMatchObject({
      scope: 'global',
      frequency: { minutes: 30 },
      timeout: { minutes: 3 },
    });
    await task.fn(new AbortController().signal);
    const all = await request(server).get('/api/guidance/conformance');
    expect(all.body.entities.map((e: any) => e.entityRef)).toEqual(
      ['bad', 'good', 'secret'].map(name =>
        stringifyEntityRef({ kind: 'component', namespace: 'default', name }),
      ),
    );
  });

  it('answers the get-entity-conformance action with the same visibility as the route', async () => {
    const registry = actionsRegistryServiceMock();
    const { server } = await start({ registry });
    await evaluated(server, 'secret');
    const invoke = (credentials: any) =>
      registry.invoke({
        id: 'test:get-entity-conformance',
        input: { entityRef: 'component:default/secret' },
        credentials,
      });
    const { output } = await invoke(mockCredentials.user());
    expect(output).toMatchObject({
      entityRef: 'component:default/secret',
      summary: { fail: 2 },
    });
    await expect(invoke(mockCredentials.user(OUTSIDER))).rejects.toThrow(
      /No conformance for component:default\/secret/,
    );
  });

  it('queues refreshes: 202 before the work, and repeated requests join the pending one', async () => {
    const { server } = await start();
    const answers = await Promise.all([
      refresh(server, 'bad'),
      refresh(server, 'bad'),
      refresh(server, 'bad'),
    ]);
    expect(answers.map(a => a.status)).toEqual([202, 202, 202]);
    expect(answers.map(a => a.body.status).sort()).toEqual([
      'joined',
      'joined',
      'queued',
    ]);
    await evaluated(server, 'bad');
    const bad = await refresh(server, 'bad').send({ force: 'yes' });
    expect(bad.status).toBe(400);
    const extra = await refresh(server, 'bad').send({ now: true });
    expect(extra.status).toBe(400);
  });

  it('refuses a refresh the permission policy denies, naming the permission', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.DENY } as const)),
    });
    const { server } = await start({ permissions });
    const res = await refresh(server, 'bad');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'Not allowed to evaluate the conformance of component:default/bad (permission guidance.conformance.refresh)',
    );
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'guidance.conformance.refresh',
            resourceType: 'catalog-entity',
          }),
          resourceRef: 'component:default/bad',
        },
      ],
      expect.anything(),
    );
  });

  it('serves catalog-backed actions to users only: a service principal (an MCP static token arrives as one) is refused', async () => {
    const registry = actionsRegistryServiceMock();
    const { server } = await start({ registry });
    await evaluated(server, 'secret');
    for (const id of [
      'test:get-entity-conformance',
      'test:recommend-guidance-for-entity',
    ]) {
      await expect(
        registry.invoke({
          id,
          input: { entityRef: 'component:default/secret' },
          credentials: mockCredentials.service('plugin:mcp-actions'),
        }),
      ).rejects.toThrow(
        'This action reads the catalog on behalf of a signed-in user; the caller is plugin:mcp-actions',
      );
    }
  });
});
