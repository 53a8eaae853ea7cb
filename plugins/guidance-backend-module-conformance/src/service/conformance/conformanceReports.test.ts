import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { guidanceRulesExtensionPoint } from '@paved-road/plugin-guidance-node';
import { RuleResult } from '@paved-road/plugin-guidance-common';
import guidancePlugin from '@paved-road/plugin-guidance-backend';
import guidanceModuleBuiltinArticles from '@paved-road/plugin-guidance-backend-module-builtin-articles';
import { guidanceModuleConformance } from '../../module';
import {
  articleFixture,
  specResponseRecorder,
} from '@paved-road/plugin-guidance-node/testUtils';
import {
  deployment,
  serviceEntity,
  testRules,
  writeTree,
} from './__testUtils__/conformanceFixtures';
import { MAX_REPORT_REFS_PER_ENTITY } from './ConformanceReportStore';
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

const testRulesModule = createBackendModule({
  pluginId: 'guidance',
  moduleId: 'test-rules',
  register(env) {
    env.registerInit({
      deps: { rules: guidanceRulesExtensionPoint },
      async init({ rules }) {
        rules.addRules(...testRules);
      },
    });
  },
});

const REPORTS =
  '/api/guidance/entities/component/default/web/conformance/reports';
const CONFORMANCE = '/api/guidance/entities/component/default/web/conformance';

/** Results as `paved-road check --format json` writes them. */
const results = (failing: boolean): RuleResult[] => [
  {
    rule: {
      id: 'readiness-probe',
      title: 'Containers have a readiness probe',
      severity: 'error',
      article: { id: 'probes', title: 'Health probes' },
    },
    status: failing ? 'fail' : 'pass',
    findings: [
      {
        file: 'deploy/app.yaml',
        object: 'Deployment/web',
        line: 9,
        column: 11,
        message: failing ? 'container web has no readiness probe' : 'ok',
      },
    ],
  },
  {
    rule: {
      id: 'image-pinned',
      title: 'Images are pinned',
      severity: 'warning',
      article: { id: 'probes', title: 'Health probes' },
    },
    status: 'waived',
    findings: [{ file: 'deploy/app.yaml', message: 'latest' }],
    waiver: { until: '2999-01-01', reason: 'vendor' },
  },
];

function library() {
  return writeTree({
    'probes.md': articleFixture({
      id: 'probes',
      title: 'Health probes',
      body: 'Intro.\n\n## Readiness\n\nReady means ready.\n',
    }),
  });
}

describe('CI reports, with mock credentials', () => {
  // the mock auth service's service principal
  const REPORTER = 'external:test-service';
  const reporter = mockCredentials.service.header();

  async function start() {
    const root = mkdtempSync(join(tmpdir(), 'conformance-reports-'));
    const source = writeTree(
      { 'deploy/app.yaml': deployment({ image: 'web:1.2.3', probe: true }) },
      join(root, 'web'),
    );
    const { server } = await startTestBackend({
      features: [
        guidancePlugin,
        guidanceModuleBuiltinArticles,
        guidanceModuleConformance,
        testRulesModule,
        mockServices.rootConfig.factory({
          data: {
            guidance: {
              builtin: false,
              sources: [{ type: 'directory', path: library() }],
              conformance: {
                enabled: false,
                localRoots: [root],
                reports: { subjects: [REPORTER] },
              },
            },
          },
        }),
        catalogServiceMock.factory({
          entities: [
            serviceEntity('web', {
              // the default branch is the one the source location names
              'backstage.io/source-location': `file:${source}/`,
            }),
          ],
        }),
      ],
    });
    specResponses.watch(server);
    return server;
  }

  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start();
  });

  const post = (body: unknown, auth = reporter) =>
    request(server)
      .post(REPORTS)
      .set('Authorization', auth)
      .send(body as any);

  it('stores a report per ref (201); the latest wins; the entity conformance lists them, default branch first', async () => {
    const first = await post({ ref: 'main', results: results(true) });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      entityRef: 'component:default/web',
      ref: 'main',
      summary: { pass: 0, fail: 1, waived: 1, notApplicable: 0 },
    });
    expect(
      (await post({ ref: 'main', results: results(false), commit: 'abc1234' }))
        .status,
    ).toBe(201);
    expect(
      (
        await post({
          ref: 'pull/42',
          results: results(true),
          url: 'https://github.com/acme/web/pull/42',
          title: 'Add a cache',
        })
      ).status,
    ).toBe(201);

    // evaluated once, so the conformance answer exists
    await request(server).post(`${CONFORMANCE}/refresh`).send({ force: true });
    let body: any;
    for (let i = 0; i < 200 && !body; i++) {
      const res = await request(server).get(CONFORMANCE);
      if (res.status === 200) body = res.body;
      else await new Promise(r => setTimeout(r, 25));
    }
    expect(body.reports).toEqual([
      {
        ref: 'main',
        defaultBranch: true,
        commit: 'abc1234',
        receivedAt: expect.any(String),
        summary: { pass: 1, fail: 0, waived: 1 },
        failing: [],
      },
      {
        ref: 'pull/42',
        defaultBranch: false,
        url: 'https://github.com/acme/web/pull/42',
        title: 'Add a cache',
        receivedAt: expect.any(String),
        summary: { pass: 0, fail: 1, waived: 1 },
        failing: [
          {
            ruleId: 'readiness-probe',
            title: 'Containers have a readiness probe',
            severity: 'error',
            file: 'deploy/app.yaml',
            line: 9,
          },
        ],
      },
    ]);
  });

  it('refuses users (403), an unknown entity (404), bad bodies (400) and oversized ones (413)', async () => {
    const user = await post(
      { ref: 'main', results: results(true) },
      mockCredentials.user.header(),
    );
    expect(user.status).toBe(403);

    const unknown = await request(server)
      .post(
        '/api/guidance/entities/component/default/nobody/conformance/reports',
      )
      .set('Authorization', reporter)
      .send({ ref: 'main', results: [] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      'No entity component:default/nobody in the catalog',
    );

    for (const [body, message] of [
      // the typed router (openapi.yaml) answers these
      [{ results: [] }, "request/body must have required property 'ref'"],
      [
        { ref: '../etc', results: [] },
        'request/body/ref must match pattern "^[A-Za-z0-9][A-Za-z0-9._/-]*$"',
      ],
      [{ ref: 'main' }, "request/body must have required property 'results'"],
      [
        { ref: 'main', results: [{ status: 'fail' }] },
        "request/body/results/0 must have required property 'rule'",
      ],
      [
        { ref: 'main', results: [], url: 'ftp://example.com/report' },
        'request/body/url must match pattern "^[Hh][Tt][Tt][Pp][Ss]?://"',
      ],
      [
        { ref: 'main', results: [], commit: 'not a sha' },
        'request/body/commit must match pattern "^[0-9a-fA-F]{7,64}$"',
      ],
      // and the route what the spec cannot say clearly
      [
        { ref: 'main..pull/1', results: [] },
        'Invalid body ref: a branch or pull request ref such as main or pull/42',
      ],
    ] as const) {
      const res = await post(body);
      expect([res.status, res.body.error?.message]).toEqual([400, message]);
    }

    const huge = await post({
      ref: 'main',
      results: [],
      title: 'x'.repeat(3 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
  });

  it('refuses the reporter on every other guidance route and action (403)', async () => {
    for (const [method, path] of [
      ['get', '/api/guidance/articles'],
      ['get', CONFORMANCE],
      ['post', `${CONFORMANCE}/refresh`],
      ['post', '/api/guidance/validate'],
      ['get', '/api/guidance/conformance'],
    ] as const) {
      const res = await request(server)
        [method](path)
        .set('Authorization', reporter)
        .send({ files: [] });
      expect([path, res.status]).toEqual([path, 403]);
    }
    // the actions registry's routes come before the plugin's own: its actions refuse too
    const invoked = await request(server)
      .post(
        '/api/guidance/.backstage/actions/v1/actions/guidance:search-guidance/invoke',
      )
      .set('Authorization', reporter)
      .send({ query: 'probes' });
    expect(invoked.status).toBe(403);
    const byUser = await request(server)
      .post(
        '/api/guidance/.backstage/actions/v1/actions/guidance:search-guidance/invoke',
      )
      .send({ query: 'probes' });
    expect(byUser.status).toBe(200);
    // a user still reads them
    expect((await request(server).get('/api/guidance/articles')).status).toBe(
      200,
    );
  });

  it(`keeps the newest ${MAX_REPORT_REFS_PER_ENTITY} refs of an entity`, async () => {
    for (let i = 0; i <= MAX_REPORT_REFS_PER_ENTITY + 1; i++) {
      expect(
        (await post({ ref: `pull/${1000 + i}`, results: [] })).status,
      ).toBe(201);
    }
    const res = await request(server).get(CONFORMANCE);
    const refs = res.body.reports.map((r: any) => r.ref);
    expect(refs).toHaveLength(MAX_REPORT_REFS_PER_ENTITY);
    expect(refs).toContain(`pull/${1000 + MAX_REPORT_REFS_PER_ENTITY + 1}`);
    expect(refs).not.toContain('pull/1000');
  });
});

describe("CI reports, with the demo's report token and real auth", () => {
  /** The reporter's externalAccess entry exactly as app-config.yaml ships it. */
  function reporterEntry() {
    const appConfig = parseYaml(
      readFileSync(
        resolve(__dirname, '../../../../../app-config.yaml'),
        'utf8',
      ),
    );
    const entry = appConfig.backend.auth.externalAccess.find(
      (e: any) => e.options.subject === 'local-ci-reporter',
    );
    expect(entry.options.token).toBe(
      '${PAVED_ROAD_REPORT_TOKEN:-local-report-token-change-me}',
    );
    expect(appConfig.guidance.conformance.reports.subjects).toEqual([
      'local-ci-reporter',
    ]);
    // the variable's default, as the config loader substitutes it
    return {
      ...entry,
      options: { ...entry.options, token: 'local-report-token-change-me' },
    };
  }

  /** Stands in for the catalog backend: a plugin with the catalog's id behind the same auth. */
  const catalogStandIn = createBackendPlugin({
    pluginId: 'catalog',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          httpRouter.use((_req, res) => {
            res.json({ items: [] });
          });
        },
      });
    },
  });

  it('pushes a report (201); the same token gets 403 from GET /articles and from the catalog', async () => {
    const { server } = await startTestBackend({
      features: [
        guidancePlugin,
        guidanceModuleBuiltinArticles,
        guidanceModuleConformance,
        testRulesModule,
        catalogStandIn,
        authServiceFactory,
        httpAuthServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: {
              baseUrl: 'http://localhost:7007',
              auth: { externalAccess: [reporterEntry()] },
            },
            guidance: {
              builtin: false,
              sources: [{ type: 'directory', path: library() }],
              conformance: {
                enabled: false,
                reports: { subjects: ['local-ci-reporter'] },
              },
            },
          },
        }),
        catalogServiceMock.factory({
          entities: [serviceEntity('web', {})],
        }),
      ],
    });
    specResponses.watch(server);
    const token = 'Bearer local-report-token-change-me';
    const pushed = await request(server)
      .post(REPORTS)
      .set('Authorization', token)
      .send({ ref: 'pull/7', results: results(true) });
    expect(pushed.status).toBe(201);

    const articles = await request(server)
      .get('/api/guidance/articles')
      .set('Authorization', token);
    expect(articles.status).toBe(403);

    const catalog = await request(server)
      .get('/api/catalog/entities')
      .set('Authorization', token);
    expect(catalog.status).toBe(403);

    const wrong = await request(server)
      .post(REPORTS)
      .set('Authorization', 'Bearer not-the-token')
      .send({ ref: 'pull/7', results: [] });
    expect(wrong.status).toBe(401);
  });
});
