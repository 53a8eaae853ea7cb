import { screen } from '@testing-library/react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { rootRouteRef } from '../../routes';
import { mockGuidanceApi, poolingArticle } from '../../testing/fixtures';
import { GuidanceRouter } from './GuidanceRouter';

jest.mock('mermaid', () => ({
  __esModule: true,
  default: { initialize: jest.fn(), render: jest.fn() },
}));

async function renderAt(path: string) {
  await renderInTestApp(
    <TestApiProvider apis={[[guidanceApiRef, mockGuidanceApi()]]}>
      <GuidanceRouter />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

describe('GuidanceRouter', () => {
  it('shows the library at its root', async () => {
    await renderAt('/');
    expect(
      await screen.findByRole('navigation', { name: 'Categories' }),
    ).toBeInTheDocument();
  });

  it('shows the reader for an article id', async () => {
    await renderAt('/database-connection-pooling');
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: poolingArticle.title,
      }),
    ).toBeInTheDocument();
  });
});
