import os from 'os';
import { join } from 'path';
import fs from 'fs-extra';
import request from 'supertest';
import { stringify } from 'yaml';
import {
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
// Test only: guidance:validate asks the real guidance backend, which holds the rules.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import guidancePlugin from '@paved-road/plugin-guidance-backend';
import guidanceModuleConformance from '@paved-road/plugin-guidance-backend-module-conformance';
import guidanceModuleBuiltinArticles from '@paved-road/plugin-guidance-backend-module-builtin-articles';
import {
  GuidanceRule,
  guidanceRulesExtensionPoint,
} from '@paved-road/plugin-guidance-node';
import scaffolderModuleGuidance from '@paved-road/plugin-scaffolder-backend-module-guidance';

/** What a platform team might add: every object names its owning team. */
const teamLabelRule: GuidanceRule = {
  id: 'team-label',
  title: 'Objects carry a team label',
  severity: 'error',
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

const teamRulesModule = createBackendModule({
  pluginId: 'guidance',
  moduleId: 'team-rules',
  register(reg) {
    reg.registerInit({
      deps: { rules: guidanceRulesExtensionPoint },
      async init({ rules }) {
        rules.addRules(teamLabelRule);
      },
    });
  },
});

const template = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'validate-only' },
  spec: {
    owner: 'team-a',
    type: 'service',
    steps: [
      { id: 'fetch', action: 'fetch:plain', input: { url: './content' } },
      { id: 'validate', action: 'guidance:validate' },
    ],
  },
};

const configMap = (labels: Record<string, string>) =>
  stringify({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'orders', labels },
    data: { LOG_LEVEL: 'info' },
  });

describe('guidance:validate with a rule a module added to the guidance backend', () => {
  let backend: TestBackend;
  let workDir: string;

  beforeAll(async () => {
    workDir = await fs.mkdtemp(join(os.tmpdir(), 'paved-road-custom-rule-'));
    backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleGuidance,
        guidancePlugin,
        guidanceModuleConformance,
        guidanceModuleBuiltinArticles,
        teamRulesModule,
        mockServices.rootConfig.factory({
          data: {
            backend: { workingDirectory: workDir },
            guidance: { publishLocal: { root: join(workDir, 'repos') } },
          },
        }),
        catalogServiceMock.factory({ entities: [] }),
      ],
    });
    // Starting a backend with the built-in library takes seconds on a busy machine.
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
    await fs.remove(workDir);
  });

  async function dryRun(content: string) {
    const res = await request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .send({
        template,
        values: {},
        secrets: {},
        directoryContents: [
          {
            path: 'content/deploy/configmap.yaml',
            base64Content: Buffer.from(content).toString('base64'),
          },
        ],
      });
    const messages: string[] = (res.body?.log ?? [])
      .filter((l: any) => l.body.stepId === 'validate')
      .map((l: any) => l.body.message);
    return {
      status: res.status,
      messages,
      error: res.body?.error?.message as string | undefined,
    };
  }

  it('fails the step with the custom rule in the report', async () => {
    // a failing step fails the dry run, with the action's report as the error
    const { status, error } = await dryRun(configMap({ app: 'orders' }));
    expect(status).toBe(500);
    expect(error).toBe(
      'The generated files do not follow the guidance (1 problem):\n' +
        'deploy/configmap.yaml: ConfigMap/orders: [team-label] has no team label',
    );
  });

  it('passes once the files follow the custom rule too', async () => {
    const { status, messages } = await dryRun(
      configMap({ app: 'orders', team: 'payments' }),
    );
    expect(status).toBe(200);
    const log = messages.join('\n');
    expect(log).not.toContain('[team-label]');
    expect(log).toMatch(
      /Checked 1 Kubernetes objects in 1 file against \d+ rules: all follow the guidance/,
    );
  });
});
