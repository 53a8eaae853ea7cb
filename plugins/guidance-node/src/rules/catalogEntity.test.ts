import { parseManifests } from './engine';

const entity = (kind: string, name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata: { name: ${name} }\nspec: { owner: group:a }\n`;

describe('the entity of a set of files', () => {
  it('is the Component of the catalog-info.yaml nearest the root', () => {
    const input = parseManifests([
      {
        path: 'services/b/catalog-info.yaml',
        content: entity('Component', 'nested'),
      },
      {
        path: 'catalog-info.yaml',
        content: `${entity('System', 'shop')}---\n${entity(
          'Component',
          'orders',
        )}`,
      },
      { path: 'deploy/entity.yaml', content: entity('Component', 'elsewhere') },
    ]);
    expect(input.entity?.metadata.name).toBe('orders');
  });

  it('is the first entity when none is a Component, and absent without a catalog-info.yaml', () => {
    expect(
      parseManifests([
        { path: 'catalog-info.yml', content: entity('API', 'orders-api') },
      ]).entity?.kind,
    ).toBe('API');
    expect(
      parseManifests([
        { path: 'deploy/x.yaml', content: entity('Component', 'x') },
      ]).entity,
    ).toBeUndefined();
  });
});
