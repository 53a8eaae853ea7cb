import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// the module is tested inside the plugin it extends
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import guidancePlugin from '@paved-road/plugin-guidance-backend';
import {
  BUILTIN_RULES,
  guidanceLibraryExtensionPoint,
  guidanceRulesExtensionPoint,
} from '@paved-road/plugin-guidance-node';
import { guidanceModuleConformance } from './module';
import { articleFixture } from '@paved-road/plugin-guidance-node/testUtils';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

function libraryDir() {
  const dir = mkdtempSync(join(tmpdir(), 'guidance-module-'));
  writeFileSync(
    join(dir, 'probes.md'),
    articleFixture({
      id: 'probes',
      title: 'Probes',
      body: '## Readiness\n\nWait until ready.\n',
    }),
  );
  return dir;
}

describe('the conformance module', () => {
  it('adds the conformance tables, the scheduled scan, the routes and the actions to the guidance backend', async () => {
    const knex = await databases.init('SQLITE_3');
    const scheduler = mockServices.scheduler.mock();
    const registry = actionsRegistryServiceMock();
    const { server } = await startTestBackend({
      features: [
        guidancePlugin,
        guidanceModuleConformance,
        mockServices.rootConfig.factory({
          data: {
            guidance: {
              builtin: false,
              sources: [{ type: 'directory', path: libraryDir() }],
            },
          },
        }),
        mockServices.database.factory({ knex }),
        scheduler.factory,
        catalogServiceMock.factory({ entities: [] }),
        createServiceFactory({
          service: actionsRegistryServiceRef,
          deps: {},
          factory: () => registry,
        }),
      ],
    });

    const tables = await knex('sqlite_master')
      .where({ type: 'table' })
      .pluck('name');
    expect(tables).toEqual(
      expect.arrayContaining([
        'guidance__knex_migrations',
        'guidance_conformance_entities',
      ]),
    );
    const task = scheduler.scheduleTask.mock.calls.find(
      ([t]) => t.id === 'guidance-conformance',
    );
    expect(task?.[0]).toMatchObject({ scope: 'global' });

    const validate = await request(server)
      .post('/api/guidance/validate')
      .send({
        files: [
          {
            path: 'deploy/app.yaml',
            content:
              'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:latest\n',
          },
        ],
      });
    expect(validate.status).toBe(200);
    const imageTag = validate.body.results.find(
      (r: { rule: { id: string } }) => r.rule.id === 'image-tag',
    );
    expect(imageTag.status).toBe('fail');
    const overview = await request(server).get('/api/guidance/conformance');
    expect(overview.status).toBe(200);
    // the plugin's own routes are still there
    const articles = await request(server).get('/api/guidance/articles');
    expect(articles.body.items.map((a: { id: string }) => a.id)).toEqual([
      'probes',
    ]);

    const { actions } = await registry.list();
    expect(actions.map(a => a.name)).toEqual(
      expect.arrayContaining(['validate-manifests', 'get-entity-conformance']),
    );
  });

  it('a module that reads the library during its own init gets an error that says when it may', async () => {
    const tooEarly = createBackendModule({
      pluginId: 'guidance',
      moduleId: 'too-early',
      register(env) {
        env.registerInit({
          deps: { library: guidanceLibraryExtensionPoint },
          async init({ library }) {
            library.articles();
          },
        });
      },
    });
    await expect(
      startTestBackend({
        features: [
          guidancePlugin,
          tooEarly,
          mockServices.rootConfig.factory({
            data: { guidance: { builtin: false } },
          }),
          catalogServiceMock.factory({ entities: [] }),
        ],
      }),
    ).rejects.toThrow(/guidance library is not loaded yet/);
  });

  it('lists built-in and module-added rules at GET /rules, with section links and file kinds', async () => {
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
              article: { id: 'probes', section: 'readiness' },
              fileKinds: ['kubernetes'],
              check: () => [],
            });
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        guidancePlugin,
        guidanceModuleConformance,
        teamRules,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'https://portal.example.com/' },
            guidance: {
              builtin: false,
              sources: [{ type: 'directory', path: libraryDir() }],
              conformance: {
                enabled: false,
                // staged: a date far ahead, so the listing shows the stage, not enforcement
                rules: {
                  'image-tag': {
                    enforcement: 'warn',
                    enforceFrom: '2999-01-01',
                  },
                  'team-label': { enforcement: 'audit' },
                },
              },
            },
          },
        }),
        catalogServiceMock.factory({ entities: [] }),
      ],
    });

    const res = await request(server).get('/api/guidance/rules');
    expect(res.status).toBe(200);
    const ids = res.body.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual([...BUILTIN_RULES.map(r => r.id), 'team-label']);
    expect(res.body.rules.at(-1)).toEqual({
      id: 'team-label',
      title: 'Workloads carry a team label',
      severity: 'warning',
      article: {
        id: 'probes',
        title: 'Probes',
        section: { id: 'readiness', text: 'Readiness' },
      },
      sectionUrl: 'https://portal.example.com/guidance/probes#readiness',
      fileKinds: ['kubernetes'],
      enforcement: 'audit',
    });
    const imageTag = BUILTIN_RULES.find(r => r.id === 'image-tag')!;
    expect(
      res.body.rules.find((r: { id: string }) => r.id === 'image-tag'),
    ).toMatchObject({
      // an article this portal does not serve: its id stands in for the title
      article: { id: imageTag.article.id, title: imageTag.article.id },
      sectionUrl: `https://portal.example.com/guidance/${imageTag.article.id}#${imageTag.article.section}`,
      fileKinds: imageTag.fileKinds ?? ['any'],
      enforcement: 'warn',
      enforceFrom: '2999-01-01',
    });
    expect(
      res.body.rules.find((r: { id: string }) => r.id === 'readiness-probe'),
    ).toMatchObject({ enforcement: 'enforce' });

    const anonymous = await request(server)
      .get('/api/guidance/rules')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
  });
});
