import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { lookUpDependencies } from './entityDependencies';

const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'service' },
  relations: [
    { type: 'dependsOn', targetRef: 'resource:default/payments-db' },
    { type: 'dependsOn', targetRef: 'resource:default/payments-db' },
    { type: 'dependsOn', targetRef: 'resource:default/gone' },
    { type: 'ownedBy', targetRef: 'group:default/team-a' },
  ],
};
const database: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'payments-db', namespace: 'default', tags: ['postgres'] },
  spec: { type: 'database' },
};

describe('lookUpDependencies', () => {
  it('returns the dependsOn targets the catalog has, once each, and only those', async () => {
    const catalog = catalogServiceMock({ entities: [service, database] });
    const deps = await lookUpDependencies(
      service,
      catalog,
      mockCredentials.user(),
    );
    expect(deps).toEqual([
      {
        ref: 'resource:default/payments-db',
        entity: expect.objectContaining({
          spec: { type: 'database' },
          metadata: expect.objectContaining({ tags: ['postgres'] }),
        }),
      },
    ]);
  });

  it('asks nothing of the catalog without dependencies, and logs and carries on when it fails', async () => {
    const catalog = catalogServiceMock.mock({
      getEntitiesByRefs: jest.fn().mockRejectedValue(new Error('catalog down')),
    });
    const logger = mockServices.logger.mock();
    expect(
      await lookUpDependencies(
        { ...service, relations: [] },
        catalog,
        mockCredentials.user(),
        logger,
      ),
    ).toEqual([]);
    expect(catalog.getEntitiesByRefs).not.toHaveBeenCalled();
    expect(
      await lookUpDependencies(
        service,
        catalog,
        mockCredentials.user(),
        logger,
      ),
    ).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('catalog down'),
    );
  });
});
