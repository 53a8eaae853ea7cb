import os from 'os';
import { join } from 'path';
import fs from 'fs-extra';
import request from 'supertest';
import {
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
// Test only: guidance:annotate asks the real guidance backend for recommendations.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import guidancePlugin from '@paved-road/plugin-guidance-backend';
import guidanceModuleConformance from '@paved-road/plugin-guidance-backend-module-conformance';
import guidanceModuleBuiltinArticles from '@paved-road/plugin-guidance-backend-module-builtin-articles';
import guidanceModule from '@paved-road/plugin-scaffolder-backend-module-guidance';
import { GeneratedRepository } from './generatedRepository';
import { loadTemplate, templateDirectoryContents } from './templateDirectory';

export type DryRunLogEntry = {
  body: { message: string; stepId?: string; status?: string };
};

export type DryRunResult = {
  status: number;
  body: any;
  log: DryRunLogEntry[];
  repository: GeneratedRepository;
  /** Log lines of one step, by step id. */
  stepLog(stepId: string): string[];
};

export type DryRunBackend = {
  backend: TestBackend;
  dryRun(
    template: string,
    values: Record<string, unknown>,
  ): Promise<DryRunResult>;
  stop(): Promise<void>;
};

/** The portal address the test backend runs under (`app.baseUrl`): absolute links start with it. */
export const PORTAL_BASE_URL = 'https://portal.example.com';

/**
 * Starts the real scaffolder backend with this module and the guidance backend (so that
 * guidance:annotate gets recommendations), and runs templates through POST /v2/dry-run.
 */
export async function startDryRunBackend(
  options: { github?: boolean } = {},
): Promise<DryRunBackend> {
  const workDir = await fs.mkdtemp(join(os.tmpdir(), 'paved-road-dry-run-'));
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      guidanceModule,
      guidancePlugin,
      guidanceModuleConformance,
      guidanceModuleBuiltinArticles,
      ...(options.github ? [githubModule] : []),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: PORTAL_BASE_URL },
          backend: { workingDirectory: workDir },
          scaffolder: {
            defaultAuthor: {
              name: 'Paved Road',
              email: 'paved-road@example.com',
            },
          },
          guidance: {
            publishLocal: { enabled: true, root: join(workDir, 'repos') },
          },
        },
      }),
      catalogServiceMock.factory({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'team-a', namespace: 'default' },
            spec: { type: 'team', children: [] },
          },
        ],
      }),
    ],
  });

  return {
    backend,
    async dryRun(name, values) {
      const template = await loadTemplate(name);
      const res = await request(backend.server)
        .post('/api/scaffolder/v2/dry-run')
        .send({
          template,
          values,
          secrets: {},
          directoryContents: await templateDirectoryContents(name),
        });
      const log: DryRunLogEntry[] = res.body?.log ?? [];
      return {
        status: res.status,
        body: res.body,
        log,
        repository: new GeneratedRepository(res.body?.directoryContents ?? []),
        stepLog: (stepId: string) =>
          log.filter(l => l.body.stepId === stepId).map(l => l.body.message),
      };
    },
    async stop() {
      await backend.stop();
      await fs.remove(workDir);
    },
  };
}
