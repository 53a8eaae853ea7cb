import { screen, within } from '@testing-library/react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { Recommendation } from '@paved-road/plugin-guidance-common';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { rootRouteRef } from '../../routes';
import {
  argocd,
  mockGuidanceApi,
  pooling,
  responseError,
  saga,
} from '../../testing/fixtures';
import { EntityGuidanceContent } from './EntityGuidanceContent';
import { splitRecommendations } from './recommendationGroups';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders-service',
    tags: ['postgres'],
    annotations: { 'paved-road.dev/guidance': 'saga-pattern' },
  },
  spec: { type: 'service' },
};

// the backend sends rule suggestions and links interleaved in no guaranteed order here
const recommendations: Recommendation[] = [
  {
    article: pooling,
    source: 'rule',
    reasons: ['tag postgres', 'type service'],
  },
  {
    article: saga,
    source: 'annotation',
    reasons: ['annotation paved-road.dev/guidance'],
  },
  { article: argocd, source: 'rule', reasons: ['annotation argocd/app-name'] },
];

async function renderTab(api = mockGuidanceApi()) {
  await renderInTestApp(
    <TestApiProvider apis={[[guidanceApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityGuidanceContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/guidance': rootRouteRef } },
  );
  return api;
}

describe('EntityGuidanceContent', () => {
  it('shows followed articles first, then suggestions with their reasons', async () => {
    const api = await renderTab(
      mockGuidanceApi({
        getEntityArticles: jest.fn().mockResolvedValue(recommendations),
      }),
    );
    expect(api.getEntityArticles).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'orders-service',
    });
    const items = await screen.findAllByTestId(/^guidance-item-/);
    expect(items.map(i => i.getAttribute('data-testid'))).toEqual([
      'guidance-item-saga-pattern',
      'guidance-item-database-connection-pooling',
      'guidance-item-minikube-argocd',
    ]);

    const followed = screen
      .getByText('Followed guidance')
      .closest('.MuiCard-root') as HTMLElement;
    expect(
      within(followed).getByRole('link', { name: 'Saga pattern' }),
    ).toHaveAttribute('href', '/guidance/saga-pattern');
    // explicit links need no justification
    expect(within(followed).queryByText('Suggested because of')).toBeNull();

    const pool = screen.getByTestId(
      'guidance-item-database-connection-pooling',
    );
    expect(
      within(pool).getByRole('link', { name: /Database Connection Pooling/ }),
    ).toHaveAttribute('href', '/guidance/database-connection-pooling');
    expect(within(pool).getByText('tag postgres')).toBeInTheDocument();
    expect(within(pool).getByText('type service')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('guidance-item-minikube-argocd')).getByText(
        'annotation argocd/app-name',
      ),
    ).toBeInTheDocument();
  });

  it('explains the annotation when the entity follows nothing', async () => {
    await renderTab(
      mockGuidanceApi({
        getEntityArticles: jest.fn().mockResolvedValue([recommendations[0]]),
      }),
    );
    expect(
      await screen.findByText(/This entity names no articles/),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('guidance-item-database-connection-pooling'),
    ).toBeInTheDocument();
  });

  it('shows an empty state when no guidance applies', async () => {
    await renderTab();
    expect(
      await screen.findByText('No guidance for this entity yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Browse the guidance library' }),
    ).toHaveAttribute('href', '/guidance');
  });

  it('shows progress, then an error panel when loading fails', async () => {
    await renderTab(
      mockGuidanceApi({
        getEntityArticles: jest.fn(() => new Promise(() => {})),
      }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error panel when the backend fails', async () => {
    const error = await responseError(
      404,
      'No entity component:default/orders-service in the catalog',
    );
    await renderTab(
      mockGuidanceApi({
        getEntityArticles: jest.fn().mockRejectedValue(error),
      }),
    );
    expect(
      await screen.findByText(/Request failed with 404/),
    ).toBeInTheDocument();
  });
});

describe('splitRecommendations', () => {
  it('keeps each article once, links before suggestions', () => {
    const twice = [
      ...recommendations,
      { ...recommendations[1], source: 'rule' as const },
    ];
    const { linked, suggested } = splitRecommendations(twice);
    expect(linked.map(r => r.article.id)).toEqual(['saga-pattern']);
    expect(suggested.map(r => r.article.id)).toEqual([
      'database-connection-pooling',
      'minikube-argocd',
    ]);
  });
});
