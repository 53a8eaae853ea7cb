import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { rootRouteRef } from '../../routes';
import {
  mockGuidanceApi,
  poolingArticle,
  responseError,
} from '../../testing/fixtures';
import { ReaderPage } from './ReaderPage';

jest.mock('mermaid', () => ({
  __esModule: true,
  default: { initialize: jest.fn(), render: jest.fn() },
}));

const scrollIntoView = jest.fn();

beforeEach(() => {
  scrollIntoView.mockReset();
  Element.prototype.scrollIntoView = scrollIntoView;
});

async function renderReader(
  api = mockGuidanceApi(),
  path = '/guidance/database-connection-pooling',
) {
  await renderInTestApp(
    <TestApiProvider apis={[[guidanceApiRef, api]]}>
      <Routes>
        <Route path="/guidance/:id" element={<ReaderPage />} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/guidance': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
  return api;
}

// the first render loads the whole reader page (Material UI, the router): seconds on a loaded machine
jest.setTimeout(30_000);

describe('ReaderPage', () => {
  it('renders the article with heading ids equal to the table of contents ids', async () => {
    const api = await renderReader();
    expect(api.getArticle).toHaveBeenCalledWith('database-connection-pooling');
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: poolingArticle.title,
      }),
    ).toBeInTheDocument();

    const article = screen.getByTestId('guidance-article');
    const headingIds = Array.from(
      article.querySelectorAll('h1,h2,h3,h4,h5,h6'),
    ).map(h => h.id);
    expect(headingIds).toEqual(poolingArticle.toc.map(entry => entry.id));
    // the repeated heading is numbered the way the backend numbers it
    expect(headingIds).toContain('sizing-arithmetic-1');

    const toc = await screen.findByRole('navigation', {
      name: 'On this page',
    });
    const tocLinks = within(toc).getAllByRole('link');
    expect(tocLinks.map(a => a.getAttribute('href'))).toEqual(
      poolingArticle.toc.map(entry => `#${entry.id}`),
    );
  });

  it('scrolls to a section when its table of contents entry is clicked', async () => {
    await renderReader();
    const toc = await screen.findByRole('navigation', { name: 'On this page' });
    const link = within(toc).getByRole('link', {
      name: 'PostgreSQL: a process per session',
    });
    fireEvent.click(link);
    expect(scrollIntoView).toHaveBeenCalled();
    expect(scrollIntoView.mock.contexts.at(-1)).toBe(
      document.getElementById('postgresql-a-process-per-session'),
    );
    expect(link).toHaveAttribute('aria-current', 'location');
    expect(window.location.hash).toBe('#postgresql-a-process-per-session');
  });

  it('scrolls to the heading named in the address once the article is rendered', async () => {
    await renderReader(
      mockGuidanceApi(),
      '/guidance/database-connection-pooling#sizing-arithmetic',
    );
    await screen.findByTestId('guidance-article');
    await waitFor(() =>
      expect(scrollIntoView.mock.contexts).toContain(
        document.getElementById('sizing-arithmetic'),
      ),
    );
  });

  it('shows callouts, tables and a working copy button', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    });
    await renderReader();
    await screen.findByTestId('guidance-article');
    expect(
      document.querySelector('[data-callout="warning"]'),
    ).toHaveTextContent('Raising max_connections is not the fix.');
    expect(screen.getByRole('cell', { name: '33' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    await waitFor(() =>
      expect(writeText).toHaveBeenCalledWith('pool_mode: transaction'),
    );
  });

  it('marks the current article in the navigation by category', async () => {
    await renderReader();
    const nav = await screen.findByRole('navigation', {
      name: 'Guidance articles',
    });
    const current = await within(nav).findByRole('link', { current: 'page' });
    expect(current).toHaveTextContent('Database Connection Pooling');
    expect(
      within(nav).getByRole('heading', { name: 'Databases' }),
    ).toBeInTheDocument();
    expect(
      within(nav).getByRole('link', { name: 'Argo CD on minikube' }),
    ).toHaveAttribute('href', '/guidance/minikube-argocd');
  });

  it('shows related articles, reading time, and the entities that follow the article', async () => {
    const api = mockGuidanceApi({
      getArticleEntities: jest.fn().mockResolvedValue([
        {
          entityRef: 'component:default/orders-service',
          kind: 'Component',
          title: 'Orders service',
        },
        { entityRef: 'resource:payments/orders-db', kind: 'Resource' },
      ]),
    });
    await renderReader(api);
    const related = await screen.findByRole('region', {
      name: 'Related articles',
    });
    expect(
      within(related).getByRole('link', { name: 'Database strategy' }),
    ).toHaveAttribute('href', '/guidance/database-strategy');
    const followed = screen.getByRole('region', { name: 'Followed by' });
    expect(
      await within(followed).findByRole('link', { name: 'Orders service' }),
    ).toHaveAttribute('href', '/catalog/default/component/orders-service');
    expect(
      within(followed).getByRole('link', { name: 'orders-db' }),
    ).toHaveAttribute('href', '/catalog/payments/resource/orders-db');
    expect(api.getArticleEntities).toHaveBeenCalledWith(
      'database-connection-pooling',
    );
    expect(screen.getAllByText(/14 min/).length).toBeGreaterThan(0);
    expect(screen.getAllByText('2026-11-20').length).toBeGreaterThan(0);
  });

  it('says when no entity follows the article', async () => {
    await renderReader();
    const followed = await screen.findByRole('region', { name: 'Followed by' });
    expect(
      await within(followed).findByText(
        /No catalog entity follows this article yet/,
      ),
    ).toHaveTextContent('paved-road.dev/guidance: database-connection-pooling');
  });

  it('shows a not-found panel for an unknown id', async () => {
    const api = mockGuidanceApi({
      getArticle: jest
        .fn()
        .mockRejectedValue(
          await responseError(404, 'No guidance article with id "nope"'),
        ),
    });
    await renderReader(api, '/guidance/nope');
    expect(await screen.findByText('Article not found')).toBeInTheDocument();
    expect(
      screen.getByText(/no guidance article with the id "nope"/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Browse the guidance library' }),
    ).toHaveAttribute('href', '/guidance');
    expect(screen.queryByTestId('guidance-article')).toBeNull();
  });

  it('shows other errors in an error panel', async () => {
    const api = mockGuidanceApi({
      getArticle: jest
        .fn()
        .mockRejectedValue(await responseError(500, 'database on fire')),
    });
    await renderReader(api);
    expect(
      await screen.findByText(/Request failed with 500/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/database on fire/).length).toBeGreaterThan(0);
    expect(screen.queryByText('Article not found')).toBeNull();
  });

  it('shows progress while the article loads', async () => {
    const api = mockGuidanceApi({
      getArticle: jest.fn(() => new Promise(() => {})),
    });
    await renderReader(api);
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });
});
