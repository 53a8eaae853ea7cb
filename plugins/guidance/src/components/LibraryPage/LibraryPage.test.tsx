import { fireEvent, screen, within } from '@testing-library/react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { rootRouteRef } from '../../routes';
import {
  mockGuidanceApi,
  responseError,
  summaries,
} from '../../testing/fixtures';
import { LibraryPage, tagsByUse } from './LibraryPage';

async function renderLibrary(api = mockGuidanceApi(), path = '/guidance') {
  await renderInTestApp(
    <TestApiProvider apis={[[guidanceApiRef, api]]}>
      <LibraryPage />
    </TestApiProvider>,
    { routeEntries: [path], mountedRoutes: { '/guidance': rootRouteRef } },
  );
  return api;
}

const cardTitles = () =>
  screen
    .queryAllByTestId(/^article-card-/)
    .map(card => card.getAttribute('data-testid'));

describe('LibraryPage', () => {
  it('lists categories with their counts, hiding empty ones', async () => {
    await renderLibrary();
    const nav = await screen.findByRole('navigation', { name: 'Categories' });
    const links = within(nav).getAllByRole('link');
    expect(links.map(l => l.textContent)).toEqual([
      'All guidance4',
      'GitOps1',
      'Databases2',
      'Architecture1',
    ]);
    expect(within(nav).queryByText('Observability')).toBeNull();
    expect(
      within(nav).getByRole('link', { name: /All guidance/ }),
    ).toHaveAttribute('aria-current', 'true');
  });

  it('shows a card per article with title, summary, category and reading time', async () => {
    await renderLibrary();
    const card = await screen.findByTestId('article-card-minikube-argocd');
    expect(
      within(card).getByRole('link', { name: 'Argo CD on minikube' }),
    ).toHaveAttribute('href', '/guidance/minikube-argocd');
    expect(card).toHaveTextContent('Install Argo CD locally');
    expect(card).toHaveTextContent('GitOps');
    expect(card).toHaveTextContent('8 min read');
    expect(cardTitles()).toHaveLength(4);
    expect(
      screen.getByRole('heading', { name: '4 articles' }),
    ).toBeInTheDocument();
  });

  it('filters by category from the address and by clicking a category', async () => {
    await renderLibrary(mockGuidanceApi(), '/guidance?category=databases');
    await screen.findByTestId('article-card-database-strategy');
    expect(cardTitles()).toEqual([
      'article-card-database-connection-pooling',
      'article-card-database-strategy',
    ]);
    const nav = screen.getByRole('navigation', { name: 'Categories' });
    expect(
      within(nav).getByRole('link', { name: /Databases/ }),
    ).toHaveAttribute('aria-current', 'true');

    fireEvent.click(within(nav).getByRole('link', { name: /GitOps/ }));
    expect(cardTitles()).toEqual(['article-card-minikube-argocd']);
  });

  it('filters by tag chips built from the articles, and clears the filter', async () => {
    await renderLibrary();
    const tags = await screen.findByRole('group', { name: 'Filter by tag' });
    // most used tags first
    expect(within(tags).getAllByRole('button')[0]).toHaveTextContent(
      /kubernetes|postgres/,
    );
    const postgres = within(tags).getByRole('button', { name: 'postgres' });
    expect(postgres).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(postgres);
    expect(
      within(tags).getByRole('button', { name: 'postgres' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(cardTitles()).toEqual([
      'article-card-database-connection-pooling',
      'article-card-database-strategy',
    ]);
    expect(
      screen.getByRole('heading', { name: /2 articles tagged “postgres”/ }),
    ).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(cardTitles()).toHaveLength(4);
  });

  it('shows an empty state when no article matches the filters', async () => {
    await renderLibrary(
      mockGuidanceApi(),
      '/guidance?category=gitops&tag=postgres',
    );
    expect(
      await screen.findByText('No articles match these filters'),
    ).toBeInTheDocument();
    expect(cardTitles()).toHaveLength(0);
  });

  it('shows an empty state when the library has no articles', async () => {
    await renderLibrary(
      mockGuidanceApi({ listArticles: jest.fn().mockResolvedValue([]) }),
    );
    expect(await screen.findByText('No guidance yet')).toBeInTheDocument();
  });

  it('shows progress while loading and an error panel when loading fails', async () => {
    const pending = mockGuidanceApi({
      listArticles: jest.fn(() => new Promise(() => {})),
      listCategories: jest.fn(() => new Promise(() => {})),
    });
    await renderLibrary(pending);
    expect(screen.getAllByTestId('progress').length).toBeGreaterThan(0);
  });

  it('shows an error panel when the articles cannot be loaded', async () => {
    const failing = mockGuidanceApi({
      listArticles: jest
        .fn()
        .mockRejectedValue(await responseError(503, 'backend starting')),
    });
    await renderLibrary(failing);
    expect(
      await screen.findByText(/Request failed with 503/),
    ).toBeInTheDocument();
    expect(cardTitles()).toHaveLength(0);
  });
});

describe('tagsByUse', () => {
  it('counts tags and sorts by use, then name', () => {
    expect(tagsByUse(summaries).slice(0, 3)).toEqual([
      { tag: 'kubernetes', count: 2 },
      { tag: 'postgres', count: 2 },
      { tag: 'argocd', count: 1 },
    ]);
  });
});
