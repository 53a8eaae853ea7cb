import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { BUILTIN_RULES } from '@paved-road/plugin-guidance-node';
import { GuidanceLibraryArticle } from '@paved-road/plugin-guidance-node';
import { ConformanceService } from './ConformanceService';
import { ConformanceStore } from './ConformanceStore';
import { ManifestReader } from './ManifestReader';
import {
  deployment,
  serviceEntity,
  writeTree,
} from './__testUtils__/conformanceFixtures';

const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

const ownerRule = BUILTIN_RULES.find(r => r.id === 'catalog-owner-group')!;

describe('ConformanceService and the rules on the entity itself', () => {
  it('hands the rules the catalog entity it evaluates, and evaluates again when that entity changes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'conformance-entity-'));
    const dir = writeTree(
      // a catalog-info.yaml in the repository that says otherwise: the catalog's entity wins
      {
        'deploy/app.yaml': deployment({ image: 'web:1.2.3', probe: true }),
        'catalog-info.yaml':
          'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: web }\nspec: { type: service, owner: group:web-team }\n',
      },
      join(root, 'web'),
    );
    const entity: Entity = {
      ...serviceEntity('web', {
        'backstage.io/source-location': `file:${dir}/`,
      }),
    };
    entity.spec = { ...entity.spec, owner: 'user:jdoe' };
    const knex = await databases.init('SQLITE_3');
    const store = await ConformanceStore.create({
      getClient: async () => knex,
      migrations: { skip: false },
    });
    const service = new ConformanceService({
      store,
      reader: new ManifestReader({
        urlReader: mockServices.urlReader.mock(),
        localRoots: [root],
      }),
      catalog: catalogServiceMock({ entities: [entity] }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      rules: () => [ownerRule],
      articles: () => new Map<string, GuidanceLibraryArticle>(),
    });

    expect(await service.evaluateEntity(entity)).toBe('evaluated');
    const first = await service.getEntityConformance('component:default/web');
    expect(first?.results.map(r => [r.status, r.findings])).toEqual([
      [
        'fail',
        [
          {
            object: 'component:default/web',
            message:
              "is owned by user:default/jdoe, a user: make a team (group:<name>) the owner so it outlives one person's move",
          },
        ],
      ],
    ]);

    // same source, same entity: skipped; a new owner in the catalog: evaluated again
    expect(await service.evaluateEntity(entity)).toBe('unchanged');
    const moved = {
      ...entity,
      spec: { ...entity.spec, owner: 'group:web-team' },
    };
    expect(await service.evaluateEntity(moved)).toBe('evaluated');
    const second = await service.getEntityConformance('component:default/web');
    expect(second?.results.map(r => r.status)).toEqual(['pass']);
  });
});
