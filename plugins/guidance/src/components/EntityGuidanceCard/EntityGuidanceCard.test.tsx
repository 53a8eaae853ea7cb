import { screen } from '@testing-library/react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { rootRouteRef } from '../../routes';
import {
  argocd,
  mockGuidanceApi,
  pooling,
  saga,
  strategy,
  summaries,
} from '../../testing/fixtures';
import { EntityGuidanceCard } from './EntityGuidanceCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'orders-db', namespace: 'payments' },
  spec: { type: 'database' },
};

async function renderCard(api = mockGuidanceApi()) {
  await renderInTestApp(
    <TestApiProvider apis={[[guidanceApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityGuidanceCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/guidance': rootRouteRef } },
  );
  return api;
}

describe('EntityGuidanceCard', () => {
  it('lists followed then suggested articles, linked to the reader', async () => {
    const api = await renderCard(
      mockGuidanceApi({
        getEntityArticles: jest.fn().mockResolvedValue([
          { article: pooling, source: 'rule', reasons: ['type database'] },
          { article: saga, source: 'annotation', reasons: [] },
        ]),
      }),
    );
    expect(api.getEntityArticles).toHaveBeenCalledWith({
      kind: 'Resource',
      namespace: 'payments',
      name: 'orders-db',
    });
    const links = (await screen.findAllByRole('link')).filter(l =>
      l.getAttribute('href')?.startsWith('/guidance/'),
    );
    expect(links.map(l => l.getAttribute('href'))).toEqual([
      '/guidance/saga-pattern',
      '/guidance/database-connection-pooling',
    ]);
    expect(screen.getByText('Followed')).toBeInTheDocument();
    expect(screen.getByText('Suggested')).toBeInTheDocument();
  });

  it('shows at most five and points to the rest', async () => {
    const many = [
      ...summaries,
      { ...strategy, id: 'a' },
      { ...argocd, id: 'b' },
    ].map(article => ({
      article,
      source: 'rule' as const,
      reasons: ['kind Resource'],
    }));
    await renderCard(
      mockGuidanceApi({ getEntityArticles: jest.fn().mockResolvedValue(many) }),
    );
    expect(
      await screen.findByText('and 1 more in the Guidance tab'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Suggested')).toHaveLength(5);
  });

  it('says so when nothing applies', async () => {
    await renderCard();
    expect(
      await screen.findByText(/No guidance applies yet/),
    ).toBeInTheDocument();
  });
});
