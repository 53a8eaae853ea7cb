import { screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { Article } from '@paved-road/plugin-guidance-common';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { rootRouteRef } from '../../routes';
import { mockGuidanceApi, poolingArticle } from '../../testing/fixtures';
import { ReaderPage } from './ReaderPage';

const rendered: Article = {
  ...poolingArticle,
  html: [
    '<h2 id="why-connections-are-expensive" data-level="2">Why connections are expensive</h2>',
    '<p>From the <strong>backend</strong>.</p>',
    '<h2 id="sizing-arithmetic" data-level="2">Sizing arithmetic</h2>',
    '<img src="x" onerror="window.__probe=1">',
  ].join(''),
  toc: [
    {
      id: 'why-connections-are-expensive',
      text: 'Why connections are expensive',
      level: 2,
    },
    { id: 'sizing-arithmetic', text: 'Sizing arithmetic', level: 2 },
  ],
};

async function renderReader(api: ReturnType<typeof mockGuidanceApi>) {
  await renderInTestApp(
    <TestApiProvider apis={[[guidanceApiRef, api]]}>
      <Routes>
        <Route path="/guidance/:id" element={<ReaderPage />} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: ['/guidance/database-connection-pooling#sizing-arithmetic'],
      mountedRoutes: {
        '/guidance': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

describe('ReaderPage with backend-rendered HTML', () => {
  beforeEach(() => {
    Element.prototype.scrollIntoView = jest.fn();
  });

  it('inserts the HTML, sanitized', async () => {
    await renderReader(
      mockGuidanceApi({ getArticle: jest.fn().mockResolvedValue(rendered) }),
    );
    const article = await screen.findByTestId('guidance-article');
    expect(article).toHaveTextContent('From the backend.');
    expect(article.querySelector('img')?.getAttribute('onerror')).toBeNull();
    // the address names a section: it is scrolled to once the HTML is in
    await waitFor(() =>
      expect(
        (Element.prototype.scrollIntoView as jest.Mock).mock.contexts,
      ).toContain(document.getElementById('sizing-arithmetic')),
    );
  });

  it('paints a cached copy at once while the request revalidates it', async () => {
    const api = mockGuidanceApi({
      peekArticle: jest.fn().mockReturnValue(rendered),
      // the network never answers: the cached copy must not wait for it
      getArticle: jest.fn(() => new Promise<Article>(() => {})),
    });
    await renderReader(api);
    expect(screen.getByTestId('guidance-article')).toHaveTextContent(
      'From the backend.',
    );
    expect(screen.queryByTestId('progress')).toBeNull();
    expect(api.peekArticle).toHaveBeenCalledWith('database-connection-pooling');
    expect(api.getArticle).toHaveBeenCalledWith('database-connection-pooling');
  });

  it('replaces the cached copy when the backend sends a newer one', async () => {
    let resolve: (a: Article) => void = () => {};
    const api = mockGuidanceApi({
      peekArticle: jest.fn().mockReturnValue(rendered),
      getArticle: jest.fn(() => new Promise<Article>(r => (resolve = r))),
    });
    await renderReader(api);
    resolve({ ...rendered, html: '<p>Revised text.</p>' });
    expect(await screen.findByText('Revised text.')).toBeInTheDocument();
  });
});
