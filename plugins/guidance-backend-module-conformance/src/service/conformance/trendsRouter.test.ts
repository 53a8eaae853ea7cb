import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
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
  writeTree,
} from './__testUtils__/conformanceFixtures';
import { spec } from '../../schema/openapi.generated';

// every answer on the module's paths must be one the spec documents
const specResponses = specResponseRecorder(spec, '/api/guidance');
afterEach(() => specResponses.throwIfViolated());
afterAll(() => specResponses.throwIfNothingChecked());

jest.mock('@paved-road/plugin-guidance-node', () => ({
  ...jest.requireActual('@paved-road/plugin-guidance-node'),
  BUILTIN_RULES: [],
}));

jest.setTimeout(60_000);

async function start() {
  const root = mkdtempSync(join(tmpdir(), 'trends-routes-'));
  const web = writeTree(
    { 'deploy/app.yaml': deployment({ image: 'web:1.2.3', probe: true }) },
    join(root, 'web'),
  );
  const secret = writeTree(
    { 'deploy/app.yaml': deployment({ image: 'web:latest', probe: false }) },
    join(root, 'secret'),
  );
  const entities = [
    serviceEntity(
      'web',
      { 'backstage.io/source-location': `file:${web}/` },
      'team-a',
    ),
    serviceEntity(
      'secret',
      { 'backstage.io/source-location': `file:${secret}/` },
      'team-b',
    ),
  ];
  const library = writeTree({
    'probes.md': articleFixture({
      id: 'probes',
      title: 'Health probes',
      body: 'Intro.\n\n## Readiness\n\nReady means ready.\n',
    }),
  });
  const scheduler = mockServices.scheduler.mock();
  const sent: NotificationSendOptions[] = [];
  const registry = actionsRegistryServiceMock();
  const { server } = await startTestBackend({
    features: [
      guidancePlugin,
      guidanceModuleConformance,
      testRulesModule,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://portal.test' },
          guidance: {
            builtin: false,
            sources: [{ type: 'directory', path: library }],
            conformance: {
              localRoots: [root],
              rules: {
                'image-pinned': {
                  enforcement: 'warn',
                  enforceFrom: '2999-01-01',
                },
              },
            },
          },
        },
      }),
      catalogWithVisibility(entities).factory,
      scheduler.factory,
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
      // what the notifications backend would receive
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (options: NotificationSendOptions) => {
            sent.push(options);
          },
        }),
      }),
    ],
  });
  specResponses.watch(server);
  const task = (id: string) =>
    scheduler.scheduleTask.mock.calls.find(([t]) => t.id === id)?.[0];
  const run = () =>
    task('guidance-conformance')!.fn(new AbortController().signal);
  return { server, run, task, web, sent, registry };
}

const today = () => new Date().toISOString().slice(0, 10);

describe('trends and preview routes', () => {
  it('requires an identity', async () => {
    const { server } = await start();
    for (const path of [
      '/api/guidance/conformance/trends',
      '/api/guidance/conformance/trends/owners',
      '/api/guidance/conformance/preview?rule=image-pinned',
    ]) {
      const res = await request(server)
        .get(path)
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
    }
  });

  it('answers bad queries with 400 and unknown rules with 404, saying why', async () => {
    const { server } = await start();
    const cases: [string, number, string][] = [
      ['/conformance/trends?days=0', 400, 'request/query/days must be >= 1'],
      [
        '/conformance/trends?days=401',
        400,
        'request/query/days must be <= 400',
      ],
      [
        '/conformance/trends?days=ten',
        400,
        'request/query/days must be integer',
      ],
      [
        '/conformance/trends?days=1.5',
        400,
        'request/query/days must be integer',
      ],
      [
        '/conformance/trends?by=team',
        400,
        'request/query/by must be equal to one of the allowed values: rule, owner',
      ],
      [
        '/conformance/trends?colour=red',
        400,
        "Unknown query parameter 'colour'",
      ],
      [
        '/conformance/trends?owner=group:default/',
        400,
        'Invalid owner: Entity reference "group:default/" was not on the form',
      ],
      [
        '/conformance/trends?rule=no-such-rule',
        404,
        'No conformance rule with id "no-such-rule"',
      ],
      [
        '/conformance/trends/owners?days=500',
        400,
        'request/query/days must be <= 400',
      ],
      [
        '/conformance/preview',
        400,
        "request/query must have required property 'rule'",
      ],
      [
        '/conformance/preview?rule=',
        400,
        "Empty value found for query parameter 'rule'",
      ],
      [
        '/conformance/preview?rule=no-such-rule',
        404,
        'No conformance rule with id "no-such-rule"',
      ],
    ];
    for (const [path, status, message] of cases) {
      const res = await request(server).get(`/api/guidance${path}`);
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(res.body.error.message).toContain(message);
    }
  });

  it('counts what the scheduled run recorded, only for entities the caller may see', async () => {
    const { server, run } = await start();
    await run();
    const res = await request(server).get(
      '/api/guidance/conformance/trends?days=7&by=rule',
    );
    expect(res.status).toBe(200);
    expect(res.body.days).toHaveLength(7);
    expect(res.body.days[6]).toEqual({
      date: today(),
      pass: 2,
      fail: 2,
      waived: 0,
    });
    expect(res.body.days[0]).toMatchObject({ pass: 0, fail: 0, waived: 0 });
    expect(res.body.series.map((s: any) => s.key)).toEqual([
      'image-pinned',
      'readiness-probe',
    ]);

    const outsider = await request(server)
      .get('/api/guidance/conformance/trends?days=1')
      .set('Authorization', mockCredentials.user.header(OUTSIDER));
    expect(outsider.body.days).toEqual([
      { date: today(), pass: 2, fail: 0, waived: 0 },
    ]);

    const teamB = await request(server).get(
      '/api/guidance/conformance/trends?days=1&owner=team-b&rule=readiness-probe',
    );
    expect(teamB.body.days).toEqual([
      { date: today(), pass: 0, fail: 1, waived: 0 },
    ]);
    const web = await request(server).get(
      '/api/guidance/conformance/trends?days=1&entity=component:default/web',
    );
    expect(web.body.days).toEqual([
      { date: today(), pass: 2, fail: 0, waived: 0 },
    ]);
    // an entity the caller cannot see counts nothing
    const hidden = await request(server)
      .get('/api/guidance/conformance/trends?days=1&entity=secret')
      .set('Authorization', mockCredentials.user.header(OUTSIDER));
    expect(hidden.body.days).toEqual([
      { date: today(), pass: 0, fail: 0, waived: 0 },
    ]);
  });

  it('previews who a staged rule would fail if enforced today', async () => {
    const { server, run } = await start();
    await run();
    const res = await request(server).get(
      '/api/guidance/conformance/preview?rule=image-pinned',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      rule: 'image-pinned',
      entities: [
        {
          entityRef: 'component:default/secret',
          owner: 'group:default/team-b',
          findings: [
            expect.objectContaining({
              message: 'image web:latest is not pinned',
            }),
          ],
        },
      ],
      enforcement: { enforcement: 'warn', enforceFrom: '2999-01-01' },
      enforcementToday: 'warn',
    });
    const outsider = await request(server)
      .get('/api/guidance/conformance/preview?rule=image-pinned')
      .set('Authorization', mockCredentials.user.header(OUTSIDER));
    expect(outsider.body.entities).toEqual([]);
    // on the entity the staged rule is a warning, not a failure
    const entity = await request(server).get(
      '/api/guidance/entities/component/default/secret/conformance',
    );
    expect(entity.body.summary).toMatchObject({ fail: 1, warn: 1 });
  });

  it('sends a regression to the owner through the notifications service, once', async () => {
    const { run, web, sent, task } = await start();
    await run();
    writeFileSync(
      join(web, 'deploy/app.yaml'),
      deployment({ image: 'web:1.2.3', probe: false }),
    );
    await run();
    await run();
    expect(sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: 'group:default/team-a' },
        payload: expect.objectContaining({
          title: 'component:default/web: now fails (readiness-probe)',
          link: 'http://portal.test/catalog/default/component/web',
        }),
      },
    ]);
    expect(task('guidance-conformance-history-prune')).toMatchObject({
      scope: 'global',
      frequency: { hours: 24 },
    });
    expect(task('guidance-conformance-weekly-digest')).toMatchObject({
      scope: 'global',
      frequency: { cron: '0 8 * * 1' },
    });
  });

  it('answers the get-conformance-trends and preview-rule actions as the routes do', async () => {
    const { run, registry } = await start();
    await run();
    const trends = await registry.invoke({
      id: 'test:get-conformance-trends',
      input: { days: 2, owner: 'team-b' },
      credentials: mockCredentials.user(),
    });
    expect(trends.output).toEqual({
      days: [
        expect.objectContaining({ pass: 0, fail: 0, waived: 0 }),
        { date: today(), pass: 0, fail: 2, waived: 0 },
      ],
    });
    const preview = await registry.invoke({
      id: 'test:preview-rule',
      input: { rule: 'image-pinned' },
      credentials: mockCredentials.user(OUTSIDER),
    });
    // the outsider cannot see the failing entity
    expect(preview.output).toEqual({
      rule: 'image-pinned',
      entities: [],
      enforcement: { enforcement: 'warn', enforceFrom: '2999-01-01' },
      enforcementToday: 'warn',
    });
    await expect(
      registry.invoke({
        id: 'test:preview-rule',
        input: { rule: 'no-such-rule' },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow('No conformance rule with id "no-such-rule"');
    await expect(
      registry.invoke({
        id: 'test:get-conformance-trends',
        input: { days: 401 },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow(/days/);
    await expect(
      registry.invoke({
        id: 'test:preview-rule',
        input: { rule: 'image-pinned' },
        credentials: mockCredentials.service('plugin:mcp-actions'),
      }),
    ).rejects.toThrow(
      'This action reads the catalog on behalf of a signed-in user; the caller is plugin:mcp-actions',
    );
  });
});
