import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import {
  TestApiProvider,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { Article, ArticleSummary } from '@paved-road/plugin-guidance-common';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { GuidanceClient } from '../../api/GuidanceClient';
import { rootRouteRef } from '../../routes';
import { pooling, poolingArticle } from '../../testing/fixtures';
import { ArticleCard } from '../ArticleCard';
import { ReaderPage } from '../ReaderPage';
import { ArticleProvenance, provenanceText } from './ArticleProvenance';

jest.mock('mermaid', () => ({
  __esModule: true,
  default: { initialize: jest.fn(), render: jest.fn() },
}));

const base = 'http://localhost:7007/api/guidance';
const staleArticle: Article = {
  ...poolingArticle,
  reviewed: '2024-03-01',
  verifiedAgainst: {
    'external-secrets': '0.19',
    kubernetes: '1.34',
    pgbouncer: '1.25.2',
  },
  stale: true,
  staleReasons: [
    'reviewed 2024-03-01, more than 365 days ago',
    'Kubernetes 1.34: end of life since 2026-10-27',
  ],
  versionNotes: ['pgbouncer 1.25.2: newer release available (1.25.3)'],
};

describe('provenanceText', () => {
  it('names the review date and the versions, with the tools spelled for readers', () => {
    expect(
      provenanceText({
        reviewed: '2026-11-24',
        verifiedAgainst: { 'external-secrets': '0.19', kubernetes: '1.34' },
      }),
    ).toBe(
      'Reviewed 2026-11-24 against External Secrets 0.19, Kubernetes 1.34',
    );
    expect(
      provenanceText({ reviewed: '2026-11-24', verifiedAgainst: { zed: '2' } }),
    ).toBe('Reviewed 2026-11-24 against zed 2');
    expect(provenanceText({ reviewed: '2026-11-24' })).toBe(
      'Reviewed 2026-11-24',
    );
    expect(provenanceText({})).toBe('Not reviewed yet');
  });
});

describe('ArticleProvenance', () => {
  it('shows the mark only when the article is stale', async () => {
    await renderInTestApp(
      <ArticleProvenance
        article={{ reviewed: '2026-11-20', verifiedAgainst: {}, stale: false }}
      />,
    );
    expect(screen.getByText('Reviewed 2026-11-20')).toBeInTheDocument();
    expect(screen.queryByText('may be out of date')).not.toBeInTheDocument();
  });

  describe('with the API over HTTP', () => {
    const server = setupServer();
    registerMswTestHooks(server);
    const client = new GuidanceClient({
      discoveryApi: { getBaseUrl: async () => base },
      fetchApi: { fetch: (input, init) => fetch(input, init) },
    });

    it('marks a stale article in the reader header', async () => {
      server.use(
        http.get(`${base}/articles/database-connection-pooling`, () =>
          HttpResponse.json(staleArticle),
        ),
        http.get(`${base}/articles`, () =>
          HttpResponse.json({ items: [pooling] }),
        ),
        http.get(`${base}/articles/database-connection-pooling/entities`, () =>
          HttpResponse.json({ items: [] }),
        ),
      );
      await renderInTestApp(
        <TestApiProvider apis={[[guidanceApiRef, client]]}>
          <Routes>
            <Route path="/guidance/:id" element={<ReaderPage />} />
          </Routes>
        </TestApiProvider>,
        {
          routeEntries: ['/guidance/database-connection-pooling'],
          mountedRoutes: {
            '/guidance': rootRouteRef,
            '/catalog/:namespace/:kind/:name': entityRouteRef,
          },
        },
      );
      const provenance = await screen.findByTestId('article-provenance');
      expect(provenance).toHaveTextContent(
        'Reviewed 2024-03-01 against External Secrets 0.19, Kubernetes 1.34',
      );
      expect(
        within(provenance).getByText('may be out of date'),
      ).toBeInTheDocument();
      // each reason is on the page, not only in a tooltip
      expect(
        within(provenance)
          .getAllByTestId('stale-reason')
          .map(e => e.textContent),
      ).toEqual([
        'reviewed 2024-03-01, more than 365 days ago',
        'Kubernetes 1.34: end of life since 2026-10-27',
      ]);
      expect(within(provenance).getByTestId('version-note')).toHaveTextContent(
        'pgbouncer 1.25.2: newer release available (1.25.3)',
      );
    });

    it('shows a newer release as a note without marking a fresh article', async () => {
      await renderInTestApp(
        <ArticleProvenance
          article={{
            reviewed: '2026-11-20',
            stale: false,
            staleReasons: [],
            versionNotes: ['PostgreSQL 17.10: newer release available (17.11)'],
          }}
        />,
      );
      expect(screen.getByTestId('version-note')).toHaveTextContent(
        'PostgreSQL 17.10: newer release available (17.11)',
      );
      expect(screen.queryByTestId('stale-mark')).not.toBeInTheDocument();
    });

    it('marks a stale article on its library card, and only that one', async () => {
      const fresh: ArticleSummary = {
        ...pooling,
        id: 'fresh',
        title: 'Fresh',
        reviewed: '2026-11-20',
        stale: false,
      };
      const old: ArticleSummary = {
        ...pooling,
        reviewed: '2024-03-01',
        stale: true,
        staleReasons: ['Kubernetes 1.25: end of life since 2023-10-27'],
      };
      server.use(
        http.get(`${base}/articles`, () =>
          HttpResponse.json({ items: [old, fresh] }),
        ),
      );
      const items = await client.listArticles();
      await renderInTestApp(
        <>
          {items.map(a => (
            <ArticleCard key={a.id} article={a} />
          ))}
        </>,
        { mountedRoutes: { '/guidance': rootRouteRef } },
      );
      expect(
        within(screen.getByTestId(`article-card-${old.id}`)).getByText(
          'may be out of date',
        ),
      ).toBeInTheDocument();
      expect(
        within(screen.getByTestId(`article-card-${old.id}`)).getByTestId(
          'stale-reasons',
        ),
      ).toHaveTextContent('Kubernetes 1.25: end of life since 2023-10-27');
      expect(
        within(screen.getByTestId('article-card-fresh')).queryByText(
          'may be out of date',
        ),
      ).not.toBeInTheDocument();
      expect(
        within(screen.getByTestId('article-card-fresh')).queryByTestId(
          'stale-reasons',
        ),
      ).not.toBeInTheDocument();
    });
  });
});
