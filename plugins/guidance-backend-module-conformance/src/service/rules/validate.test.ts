import request from 'supertest';
import { stringify } from 'yaml';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  RuleResult,
  ValidateResponse,
} from '@paved-road/plugin-guidance-common';
import {
  BUILTIN_RULES,
  GuidanceRule,
  guidanceRulesExtensionPoint,
} from '@paved-road/plugin-guidance-node';
// the module is tested inside the plugin it extends
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import guidancePlugin from '@paved-road/plugin-guidance-backend';
import guidanceModuleBuiltinArticles from '@paved-road/plugin-guidance-backend-module-builtin-articles';
import { guidanceModuleConformance } from '../../module';
import { RuleRegistry } from './RuleRegistry';
import { specResponseRecorder } from '@paved-road/plugin-guidance-node/testUtils';
import { spec } from '../../schema/openapi.generated';

// every answer on the module's paths must be one the spec documents
const specResponses = specResponseRecorder(spec, '/api/guidance');
afterEach(() => specResponses.throwIfViolated());
afterAll(() => specResponses.throwIfNothingChecked());

// starting the backend loads the article library: slow on a busy machine
jest.setTimeout(30_000);

const labels = { app: 'orders' };
const deployment = (image: string) =>
  stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'orders' },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          automountServiceAccountToken: false,
          securityContext: {
            runAsNonRoot: true,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [
            {
              name: 'app',
              image,
              readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
              livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
              startupProbe: { httpGet: { path: '/healthz', port: 8080 } },
              resources: {
                requests: { cpu: '100m', memory: '128Mi' },
                limits: { memory: '256Mi' },
              },
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
              },
            },
          ],
        },
      },
    },
  });

/** A rule a platform team adds: every object carries a team label. */
const teamLabelRule: GuidanceRule = {
  id: 'team-label',
  title: 'Objects carry a team label',
  severity: 'warning',
  article: { id: 'golden-paths', section: 'checklist' },
  check: input =>
    input.objects.map(o => {
      const has = Boolean((o.body as any)?.metadata?.labels?.team);
      return {
        status: has ? 'pass' : 'fail',
        file: o.file,
        object: `${o.kind}/${o.name}`,
        message: has ? 'has a team label' : 'has no team label',
      };
    }),
};

const rulesModule = createBackendModule({
  pluginId: 'guidance',
  moduleId: 'test-rules',
  register(reg) {
    reg.registerInit({
      deps: { rules: guidanceRulesExtensionPoint },
      async init({ rules }) {
        rules.addRules(teamLabelRule);
      },
    });
  },
});

async function startGuidance(withModule = false) {
  const { server } = await startTestBackend({
    features: [
      guidancePlugin,
      guidanceModuleConformance,
      guidanceModuleBuiltinArticles,
      ...(withModule ? [rulesModule] : []),
      mockServices.rootConfig.factory({ data: {} }),
      catalogServiceMock.factory({ entities: [] }),
    ],
  });
  specResponses.watch(server);
  return server;
}

const byId = (body: ValidateResponse) =>
  new Map<string, RuleResult>(body.results.map(r => [r.rule.id, r]));

describe('POST /api/guidance/validate', () => {
  let server: Awaited<ReturnType<typeof startGuidance>>;
  beforeAll(async () => {
    server = await startGuidance();
  });

  it('answers an alias bomb and a nesting bomb with yaml findings, not 500, while other requests are served', async () => {
    const names = 'abcdefghij'.split('');
    let bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\n`;
    for (let i = 1; i < names.length; i++) {
      bomb += `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(',')}]\n`;
    }
    const nesting = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const validating = request(server)
      .post('/api/guidance/validate')
      .send({
        files: [
          { path: 'deploy/bomb.yaml', content: bomb },
          { path: 'deploy/nesting.yaml', content: nesting },
        ],
      });
    // the parse runs in a worker thread: a cheap request answers meanwhile
    const started = Date.now();
    let categoriesMs = 0;
    let validateMs = 0;
    const [res, categories] = await Promise.all([
      validating.then(r => {
        validateMs = Date.now() - started;
        return r;
      }),
      new Promise(r => setTimeout(r, 50)).then(async () => {
        const asked = Date.now();
        const answer = await request(server).get('/api/guidance/categories');
        categoriesMs = Date.now() - asked;
        return answer;
      }),
    ]);
    expect(categories.status).toBe(200);
    // the nesting bomb alone takes most of a second to parse; categories did not wait for it
    expect(categoriesMs).toBeLessThan(validateMs);
    expect(res.status).toBe(200);
    const yaml = byId(res.body).get('yaml')!;
    expect(yaml.status).toBe('fail');
    expect(yaml.findings.map(f => f.file)).toEqual([
      'deploy/bomb.yaml',
      'deploy/nesting.yaml',
    ]);
    expect(yaml.findings[0].message).toMatch(/Excessive alias count/);
  });

  it('refuses more than 5,000 objects with 413, parsing no further', async () => {
    const content = Array.from(
      { length: 6000 },
      (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`,
    ).join('---\n');
    const res = await request(server)
      .post('/api/guidance/validate')
      .send({ files: [{ path: 'deploy/many.yaml', content }] });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toBe(
      'Too many objects: more than 5000 per request',
    );
  });

  it('refuses a request without an identity with 401', async () => {
    const res = await request(server)
      .post('/api/guidance/validate')
      .set('Authorization', mockCredentials.none.header())
      .send({ files: [] });
    expect(res.status).toBe(401);
  });

  it('runs every built-in rule and names the article and heading behind each', async () => {
    const res = await request(server)
      .post('/api/guidance/validate')
      .send({
        files: [
          {
            path: 'deploy/deployment.yaml',
            content: deployment('orders:1.2.3'),
          },
        ],
      });
    expect(res.status).toBe(200);
    const body = res.body as ValidateResponse;
    expect(body.results.map(r => r.rule.id)).toEqual(
      BUILTIN_RULES.map(r => r.id),
    );
    const results = byId(body);
    expect(results.get('readiness-probe')).toEqual({
      rule: {
        id: 'readiness-probe',
        title: 'Long-running containers have a readiness probe',
        severity: 'error',
        article: {
          id: 'minikube-deployment-patterns',
          title: expect.stringMatching(/deployment patterns/i),
          section: {
            id: 'rule-readiness-probe',
            text: 'Rule: readiness-probe',
          },
        },
      },
      status: 'pass',
      findings: [
        {
          file: 'deploy/deployment.yaml',
          object: 'Deployment/orders',
          // the container's list item in the stringified Deployment
          line: 20,
          column: 11,
          message: 'container "app" has a readinessProbe',
        },
      ],
    });
    expect(body.summary.fail).toBe(0);
    expect(body.summary.pass + body.summary.notApplicable).toBe(
      BUILTIN_RULES.length,
    );
  });

  it('reports failures with file, object and message', async () => {
    const res = await request(server)
      .post('/api/guidance/validate')
      .send({
        files: [
          {
            path: 'deploy/deployment.yaml',
            content: deployment('orders:latest'),
          },
          { path: 'deploy/broken.yaml', content: 'a: [unclosed\n' },
        ],
      });
    expect(res.status).toBe(200);
    const results = byId(res.body);
    expect(results.get('image-tag')).toMatchObject({
      status: 'fail',
      findings: [
        {
          file: 'deploy/deployment.yaml',
          object: 'Deployment/orders',
          message:
            'container "app" uses image "orders:latest": pin a version instead of latest',
        },
      ],
    });
    expect(results.get('yaml')?.status).toBe('fail');
    expect(res.body.summary.fail).toBe(3); // yaml, image-tag, image-pinned
  });

  it('gives each finding the line and column of its container, as the file is written', async () => {
    const content = `# orders\n${deployment('orders:latest')}`;
    const lines = content.split('\n');
    const containerLine = lines.findIndex(l => l.includes('- name: app'));
    const res = await request(server)
      .post('/api/guidance/validate')
      .send({ files: [{ path: 'deploy/deployment.yaml', content }] });
    expect(res.status).toBe(200);
    expect(byId(res.body).get('image-tag')?.findings).toEqual([
      expect.objectContaining({
        file: 'deploy/deployment.yaml',
        line: containerLine + 1,
        column: lines[containerLine].indexOf('name') + 1,
      }),
    ]);
    // the API names positions, never the engine's field paths
    expect(byId(res.body).get('image-tag')?.findings[0]).not.toHaveProperty(
      'path',
    );
  });

  it('fails supported-versions for an end-of-life image and Dockerfile base, with the dates', async () => {
    const res = await request(server)
      .post('/api/guidance/validate')
      .send({
        files: [
          {
            path: 'deploy/deployment.yaml',
            content: deployment('node:20-alpine'),
          },
          {
            path: 'Dockerfile',
            content:
              'FROM golang:1.25 AS build\nRUN go build ./...\nFROM gcr.io/distroless/static-debian12:nonroot\n',
          },
        ],
      });
    expect(res.status).toBe(200);
    const result = byId(res.body).get('supported-versions');
    expect(result).toMatchObject({
      status: 'fail',
      rule: {
        severity: 'error',
        article: {
          id: 'golden-paths',
          section: { id: 'rule-supported-versions' },
        },
      },
    });
    expect(result!.findings).toEqual([
      {
        file: 'deploy/deployment.yaml',
        object: 'Deployment/orders',
        line: 1,
        column: 1,
        message: expect.stringMatching(
          /^container "app" uses image "node:20-alpine": Node.js 20 reached end of life on 2026-04-30; move to a supported release \(/,
        ),
      },
      {
        file: 'Dockerfile',
        message: expect.stringMatching(
          /^line 1: FROM golang:1.25: Go 1.25 reached end of life on 2026-08-19; move to a supported release \(/,
        ),
      },
      {
        file: 'Dockerfile',
        message: expect.stringMatching(
          /^line 3: FROM gcr.io\/distroless\/static-debian12:nonroot: distroless debian12 reached end of life on 2026-09-01; move to a supported release \(debian13\)/,
        ),
      },
    ]);
  });

  it('judges supported-versions by the configured lifecycle table', async () => {
    const { server: configured } = await startTestBackend({
      features: [
        guidancePlugin,
        guidanceModuleConformance,
        guidanceModuleBuiltinArticles,
        mockServices.rootConfig.factory({
          data: {
            guidance: {
              lifecycle: {
                products: [
                  { product: 'nodejs', cycle: '22', eol: '2020-01-01' },
                ],
              },
            },
          },
        }),
        catalogServiceMock.factory({ entities: [] }),
      ],
    });
    specResponses.watch(configured);
    const res = await request(configured)
      .post('/api/guidance/validate')
      .send({
        files: [
          { path: 'package.json', content: '{"engines":{"node":">=22"}}' },
        ],
      });
    expect(byId(res.body).get('supported-versions')).toMatchObject({
      status: 'fail',
      findings: [
        {
          file: 'package.json',
          message: expect.stringContaining(
            'engines.node ">=22" admits Node.js 22: Node.js 22 reached end of life on 2020-01-01',
          ),
        },
      ],
    });
  });

  it('applies the waivers of a catalog-info.yaml among the files, and says so', async () => {
    const catalogInfo = stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'orders',
        annotations: {
          'paved-road.dev/waive.image-tag': '2099-12-31 vendor chart pins it',
          'paved-road.dev/waive.image-pinned':
            '2020-11-30 until the registry moves',
          'paved-road.dev/waive.readiness-probe': 'next sprint',
          // a production service names its on-call rotation (oncall-annotation)
          'pagerduty.com/service-id': 'PABC123',
        },
      },
      spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
    });
    const files = [
      { path: 'deploy/deployment.yaml', content: deployment('orders:latest') },
    ];
    const without = await request(server)
      .post('/api/guidance/validate')
      .send({ files });
    expect(without.body.waivers).toBeUndefined();
    expect(byId(without.body).get('image-tag')!.status).toBe('fail');

    const res = await request(server)
      .post('/api/guidance/validate')
      .send({
        files: [...files, { path: 'catalog-info.yaml', content: catalogInfo }],
      });
    expect(res.status).toBe(200);
    const body = res.body as ValidateResponse;
    expect(body.waivers).toEqual({
      file: 'catalog-info.yaml',
      entityRef: 'component:default/orders',
      applied: ['image-tag'],
      expired: ['image-pinned'],
      invalid: ['readiness-probe'],
    });
    const results = byId(body);
    expect(results.get('image-tag')).toMatchObject({
      status: 'waived',
      waiver: { until: '2099-12-31', reason: 'vendor chart pins it' },
    });
    const pinned = results.get('image-pinned')!;
    expect(pinned.status).toBe('fail');
    expect(pinned.waiver).toEqual({
      until: '2020-11-30',
      reason: 'until the registry moves',
      expired: true,
    });
    expect(pinned.findings[0].message).toBe(
      'waiver expired on 2020-11-30: until the registry moves',
    );
    // the readiness probe passes; the malformed waiver is still reported
    expect(
      results.get('readiness-probe')!.findings.map(f => f.message),
    ).toContain(
      'waiver ignored: paved-road.dev/waive.readiness-probe must be "<YYYY-MM-DD> <reason>", got "next sprint"',
    );
    expect(body.summary.waived).toBe(1);
    expect(body.summary.fail).toBe(without.body.summary.fail - 1);
  });

  it('answers 400 for a bad body', async () => {
    for (const body of [
      {},
      { files: 'deploy.yaml' },
      { files: [{ path: 'a.yaml' }] },
      { files: [{ path: '', content: '' }] },
      {
        files: [
          { path: 'a.yaml', content: '' },
          { path: 'a.yaml', content: '' },
        ],
      },
    ]) {
      const res = await request(server)
        .post('/api/guidance/validate')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
    }
  });

  it('answers 413 over 200 files or 1 MiB of content, and accepts just under', async () => {
    const many = await request(server)
      .post('/api/guidance/validate')
      .send({
        files: Array.from({ length: 201 }, (_, i) => ({
          path: `f${i}.yaml`,
          content: 'a: 1\n',
        })),
      });
    expect(many.status).toBe(413);
    expect(many.body.error.message).toMatch(/at most 200/);

    const line = `# ${'x'.repeat(1021)}\n`; // 1 KiB
    const big = await request(server)
      .post('/api/guidance/validate')
      .send({
        files: [
          { path: 'a.yaml', content: line.repeat(512) },
          { path: 'b.yaml', content: `${line.repeat(512)}#` },
        ],
      });
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/at most 1048576/);

    const fits = await request(server)
      .post('/api/guidance/validate')
      .send({ files: [{ path: 'a.yaml', content: line.repeat(1024) }] });
    expect(fits.body.error?.message).toBeUndefined();
    expect(fits.status).toBe(200);
  });

  it('applies a rule that a module adds through guidanceRulesExtensionPoint', async () => {
    const withModule = await startGuidance(true);
    const res = await request(withModule)
      .post('/api/guidance/validate')
      .send({
        files: [
          {
            path: 'deploy/deployment.yaml',
            content: deployment('orders:1.2.3'),
          },
        ],
      });
    expect(res.status).toBe(200);
    expect(byId(res.body).get('team-label')).toEqual({
      rule: {
        id: 'team-label',
        title: 'Objects carry a team label',
        severity: 'warning',
        article: {
          id: 'golden-paths',
          title: expect.any(String),
          section: { id: 'checklist', text: 'Checklist' },
        },
      },
      status: 'fail',
      findings: [
        {
          file: 'deploy/deployment.yaml',
          object: 'Deployment/orders',
          line: 1,
          column: 1,
          message: 'has no team label',
        },
      ],
    });
  });
});

describe('RuleRegistry', () => {
  const articles = () => new Map();

  it('refuses a rule id that is already taken, and a malformed rule', () => {
    expect(
      () =>
        new RuleRegistry({
          builtin: BUILTIN_RULES,
          added: [{ ...teamLabelRule, id: 'pdb' }],
          articles,
        }),
    ).toThrow(
      'Guidance rule id "pdb" from guidanceRulesExtensionPoint is already taken',
    );
    expect(
      () =>
        new RuleRegistry({
          builtin: [],
          added: [
            { ...teamLabelRule, id: 'Team Label', severity: 'info' as any },
          ],
          articles,
        }),
    ).toThrow(/id must be kebab-case; severity must be "error" or "warning"/);
  });

  it('shows the article id when the library does not have the article', async () => {
    const registry = new RuleRegistry({
      builtin: [],
      added: [teamLabelRule],
      articles,
    });
    expect(registry.getRules().map(r => r.id)).toEqual(['team-label']);
    expect(
      await registry.evaluate([
        {
          path: 'cm.yaml',
          content: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
        },
      ]),
    ).toEqual([
      expect.objectContaining({
        status: 'fail',
        findings: [
          {
            file: 'cm.yaml',
            object: 'ConfigMap/a',
            line: 1,
            column: 1,
            message: 'has no team label',
          },
        ],
      }),
    ]);
    expect(registry.toSummary(teamLabelRule).article).toEqual({
      id: 'golden-paths',
      title: 'golden-paths',
      section: { id: 'checklist', text: 'checklist' },
    });
  });
});
