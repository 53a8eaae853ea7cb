import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { guidancePlugin } from './plugin';
import { articleFixture } from '@paved-road/plugin-guidance-node/testUtils';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('the guidance backend without its conformance module', () => {
  it('serves articles with no database tables, no scan, no conformance routes or actions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guidance-alone-'));
    writeFileSync(
      join(dir, 'runbook-basics.md'),
      articleFixture({ title: 'Runbook basics', body: 'Page the owner.\n' }),
    );
    const knex = await databases.init('SQLITE_3');
    const scheduler = mockServices.scheduler.mock();
    const registry = actionsRegistryServiceMock();
    const { server } = await startTestBackend({
      features: [
        guidancePlugin,
        mockServices.rootConfig.factory({
          data: {
            guidance: {
              builtin: false,
              sources: [{ type: 'directory', path: dir }],
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

    const articles = await request(server).get('/api/guidance/articles');
    expect(articles.status).toBe(200);
    expect(articles.body.items.map((a: { id: string }) => a.id)).toEqual([
      'runbook-basics',
    ]);

    // no migrations ran: not even knex's own bookkeeping tables
    const tables = await knex('sqlite_master')
      .where({ type: 'table' })
      .pluck('name');
    expect(tables).toEqual([]);
    const taskIds = scheduler.scheduleTask.mock.calls.map(([task]) => task.id);
    expect(taskIds).not.toContain('guidance-conformance');

    for (const [method, path] of [
      ['post', '/api/guidance/validate'],
      ['get', '/api/guidance/conformance'],
    ] as const) {
      const res = await request(server)[method](path).send({ files: [] });
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    const { actions } = await registry.list();
    const names = actions.map(a => a.name);
    expect(names).toContain('search-guidance');
    expect(names).not.toContain('validate-manifests');
    expect(names).not.toContain('get-entity-conformance');
  });
});
