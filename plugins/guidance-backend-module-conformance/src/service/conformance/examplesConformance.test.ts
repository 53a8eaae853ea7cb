import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { parse } from 'yaml';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { BUILTIN_RULES } from '@paved-road/plugin-guidance-node';
import { ConformanceService } from './ConformanceService';
import { ConformanceStore } from './ConformanceStore';
import { ManifestReader } from './ManifestReader';

// The demo's example services, read the way the catalog registers them (file: locations)
const examples = resolve(__dirname, '../../../../../examples');
function exampleEntity(name: string): Entity {
  const file = join(examples, 'services', name, 'catalog-info.yaml');
  const entity = parse(readFileSync(file, 'utf8')) as Entity;
  entity.metadata.namespace = 'default';
  entity.metadata.annotations = {
    ...entity.metadata.annotations,
    'backstage.io/managed-by-location': `file:${file}`,
  };
  return entity;
}

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('the example services against the built-in rules', () => {
  it('payments-api follows every rule; reports-worker breaks three and waives one', async () => {
    const knex = await databases.init('SQLITE_3');
    const service = new ConformanceService({
      store: await ConformanceStore.create({
        getClient: async () => knex,
        migrations: { skip: false },
      }),
      reader: new ManifestReader({
        urlReader: mockServices.urlReader.mock(),
        localRoots: [examples],
      }),
      catalog: catalogServiceMock({
        entities: [
          exampleEntity('payments-api'),
          exampleEntity('reports-worker'),
        ],
      }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      rules: () => BUILTIN_RULES,
      articles: () => new Map(),
      now: () => new Date('2026-11-24T12:00:00Z'),
    });
    expect(await service.runAll()).toMatchObject({ evaluated: 2, errors: 0 });

    const good = await service.getEntityConformance(
      'component:default/payments-api',
    );
    expect(good?.source.error).toBeUndefined();
    expect(
      good?.results.filter(r => r.status === 'fail').map(r => r.rule.id),
    ).toEqual([]);
    expect(good?.summary.fail).toBe(0);
    expect(good?.summary.pass).toBeGreaterThanOrEqual(15);

    const bad = await service.getEntityConformance(
      'component:default/reports-worker',
    );
    const ids = (status: string) =>
      bad!.results
        .filter(r => r.status === status)
        .map(r => r.rule.id)
        .sort();
    expect(ids('fail')).toEqual([
      'memory-limit',
      'secret-env',
      'served-api-version',
    ]);
    expect(ids('waived')).toEqual(['image-pinned']);
    const apiVersion = bad!.results.find(
      r => r.rule.id === 'served-api-version',
    )!;
    expect(apiVersion.findings[0]).toMatchObject({
      file: 'deploy/pdb.yaml',
      object: 'PodDisruptionBudget/reports-worker',
    });
  });
});
