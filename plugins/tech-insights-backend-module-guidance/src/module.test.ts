import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  FactCheckerFactory,
  FactRetriever,
  TechInsightsStore,
  techInsightsFactCheckerFactoryExtensionPoint,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
// the module reads from the real guidance backend, started beside it
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import guidancePlugin from '@paved-road/plugin-guidance-backend';
import guidanceModuleConformance from '@paved-road/plugin-guidance-backend-module-conformance';
import guidanceModuleBuiltinArticles from '@paved-road/plugin-guidance-backend-module-builtin-articles';
import {
  BUILTIN_RULES,
  guidanceRulesExtensionPoint,
} from '@paved-road/plugin-guidance-node';
import { techInsightsModuleGuidance } from './module';

jest.setTimeout(60_000);

/** A platform team's own rule, added to the guidance backend by a module. */
const teamRules = createBackendModule({
  pluginId: 'guidance',
  moduleId: 'team-rules',
  register(env) {
    env.registerInit({
      deps: { rules: guidanceRulesExtensionPoint },
      async init({ rules }) {
        rules.addRules({
          id: 'team-label',
          title: 'Workloads carry a team label',
          severity: 'warning',
          article: { id: 'golden-paths' },
          check: () => [],
        });
      },
    });
  },
});

function writeTree(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'ti-guidance-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
        - name: web
          image: ${image}
          resources:
            requests: { cpu: 100m, memory: 64Mi }
            limits: { memory: 64Mi }
`;

/** Stands in for the Tech Insights backend: exposes its extension points and keeps what modules add. */
function fakeTechInsights() {
  const captured: {
    retrievers: Record<string, FactRetriever>;
    factory?: FactCheckerFactory<any, any>;
  } = { retrievers: {} };
  const plugin = createBackendPlugin({
    pluginId: 'tech-insights',
    register(env) {
      env.registerExtensionPoint(techInsightsFactRetrieversExtensionPoint, {
        addFactRetrievers(r) {
          Object.assign(captured.retrievers, r);
        },
      });
      env.registerExtensionPoint(techInsightsFactCheckerFactoryExtensionPoint, {
        setFactCheckerFactory(f) {
          captured.factory = f;
        },
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
  return { plugin, captured };
}

describe('tech-insights guidance module', () => {
  it('publishes rule results as facts and one check per rule with the article link', async () => {
    const root = writeTree({
      'good/deploy/app.yaml': deployment('web:1.2.3'),
      'bad/deploy/app.yaml': deployment('web:latest'),
    });
    const entity = (name: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        annotations: {
          'backstage.io/source-location': `file:${join(root, name)}/`,
        },
      },
      spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
    });
    const { plugin, captured } = fakeTechInsights();
    const { server } = await startTestBackend({
      features: [
        plugin,
        techInsightsModuleGuidance,
        guidancePlugin,
        guidanceModuleConformance,
        guidanceModuleBuiltinArticles,
        teamRules,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://portal.example.com' },
            guidance: { conformance: { enabled: false, localRoots: [root] } },
            techInsights: {
              factChecker: {
                checks: {
                  'has-owner-docs': {
                    type: 'json-rules-engine',
                    name: 'Docs',
                    description: 'A check the app configures itself',
                    factIds: ['paved-road-conformance'],
                    rule: {
                      conditions: {
                        all: [
                          {
                            fact: 'pavedRoadFailingRules',
                            operator: 'equal',
                            value: 0,
                          },
                        ],
                      },
                    },
                  },
                },
              },
            },
          },
        }),
        catalogServiceMock.factory({
          entities: [entity('good'), entity('bad')],
        }),
      ],
    });
    for (const name of ['good', 'bad']) {
      const res = await request(server).post(
        `/api/guidance/entities/component/default/${name}/conformance/refresh`,
      );
      expect(res.status).toBe(202);
      // queued: wait until the evaluation is stored
      for (let i = 0; i < 200; i++) {
        const stored = await request(server).get(
          `/api/guidance/entities/component/default/${name}/conformance`,
        );
        if (stored.status === 200) break;
        await new Promise(r => setTimeout(r, 25));
      }
    }

    const retriever = captured.retrievers['paved-road-conformance'];
    expect(Object.keys(retriever.schema)).toEqual(
      expect.arrayContaining([
        'image-tag',
        'memory-limit',
        'pavedRoadFailingRules',
      ]),
    );
    const facts = await retriever.handler({} as any);
    const byName = Object.fromEntries(facts.map(f => [f.entity.name, f.facts]));
    expect(Object.keys(byName).sort()).toEqual(['bad', 'good']);
    expect(byName.good['image-tag']).toBe(true);
    expect(byName.good['memory-limit']).toBe(true);
    expect(byName.bad['image-tag']).toBe(false);
    // a rule that does not apply is not a fact
    expect(byName.good).not.toHaveProperty('cronjob-deadlines');
    expect(byName.bad.pavedRoadFailingRules).toBeGreaterThan(
      byName.good.pavedRoadFailingRules as number,
    );

    // the configured check, then one per rule GET /rules lists (a module's included), each
    // linking to the heading that explains it
    const checker = captured.factory!.construct({
      getLatestSchemas: async () => [retriever.schema],
    } as unknown as TechInsightsStore);
    const checks = await checker.getChecks();
    expect(checks.map(c => c.id)).toEqual([
      'has-owner-docs',
      ...BUILTIN_RULES.map(r => `paved-road-${r.id}`),
      'paved-road-team-label',
    ]);
    expect(checks.find(c => c.id === 'paved-road-team-label')).toMatchObject({
      name: 'Workloads carry a team label',
      links: [{ url: 'http://portal.example.com/guidance/golden-paths' }],
    });
    const imageTag = checks.find(c => c.id === 'paved-road-image-tag')!;
    const rule = BUILTIN_RULES.find(r => r.id === 'image-tag')!;
    expect(imageTag).toMatchObject({
      name: rule.title,
      factIds: ['paved-road-conformance'],
      links: [
        {
          url: `http://portal.example.com/guidance/${rule.article.id}#${rule.article.section}`,
        },
      ],
    });
    await expect(checker.validate(imageTag)).resolves.toMatchObject({
      valid: true,
    });
  });
});
