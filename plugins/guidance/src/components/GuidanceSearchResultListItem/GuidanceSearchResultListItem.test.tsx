import { fireEvent, screen } from '@testing-library/react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { analyticsApiRef } from '@backstage/core-plugin-api';
import {
  MockSearchApi,
  SearchContextProvider,
  searchApiRef,
} from '@backstage/plugin-search-react';
import { GuidanceSearchResultListItem } from './GuidanceSearchResultListItem';

const result = {
  title: 'Database Connection Pooling › Pool modes',
  text: 'Transaction pooling returns the server connection at commit.',
  location: '/guidance/database-connection-pooling#pool-modes',
  articleTitle: 'Database Connection Pooling',
  section: 'Pool modes',
  category: 'databases',
};

describe('GuidanceSearchResultListItem', () => {
  it('links to the section and shows article, section, text and category', async () => {
    const analytics = mockApis.analytics();
    await renderInTestApp(
      <TestApiProvider apis={[[analyticsApiRef, analytics]]}>
        <GuidanceSearchResultListItem result={result} rank={2} />
      </TestApiProvider>,
    );
    const link = screen.getByRole('link', {
      name: /Database Connection Pooling/,
    });
    expect(link).toHaveAttribute(
      'href',
      '/guidance/database-connection-pooling#pool-modes',
    );
    expect(link).toHaveTextContent('Pool modes');
    expect(
      screen.getByText(/returns the server connection/),
    ).toBeInTheDocument();
    expect(screen.getByText('Databases')).toBeInTheDocument();
    fireEvent.click(link);
    expect(analytics.captureEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'discover',
        subject: result.title,
        value: 2,
        attributes: { to: result.location },
      }),
    );
  });

  it("marks a result from a stale article with the article's reasons", async () => {
    const stale = {
      ...result,
      staleReasons: [
        'Kubernetes 1.25: end of life since 2023-10-27',
        'PgBouncer 1.21: end of life since 2024-04-16',
      ],
    };
    await renderInTestApp(<GuidanceSearchResultListItem result={stale} />);
    expect(screen.getByTestId('stale-mark')).toHaveTextContent(
      'may be out of date',
    );
    expect(screen.getByTestId('stale-reasons')).toHaveTextContent(
      'Kubernetes 1.25: end of life since 2023-10-27; PgBouncer 1.21: end of life since 2024-04-16',
    );
  });

  it('marks nothing for a current article or a document without reasons', async () => {
    const current = { ...result, staleReasons: [] };
    const { rerender } = await renderInTestApp(
      <GuidanceSearchResultListItem result={current} />,
    );
    expect(screen.getByText('Databases')).toBeInTheDocument();
    expect(screen.queryByTestId('stale-mark')).toBeNull();
    expect(screen.queryByTestId('stale-reasons')).toBeNull();
    rerender(<GuidanceSearchResultListItem result={result} />);
    expect(screen.queryByTestId('stale-mark')).toBeNull();
  });

  it('renders highlighted excerpts when the search engine sends them', async () => {
    await renderInTestApp(
      <GuidanceSearchResultListItem
        result={result}
        highlight={{
          preTag: '<em>',
          postTag: '</em>',
          fields: { text: 'Transaction <em>pooling</em> returns' },
        }}
      />,
    );
    expect(screen.getByText('pooling').tagName).toBe('MARK');
  });

  it('shows about three lines around the search words, not the whole section', async () => {
    const text = `${'Unrelated opening words here. '.repeat(
      15,
    )}PgBouncer in transaction mode breaks prepared statements unless max_prepared_statements is set. ${'Trailing words that follow. '.repeat(
      15,
    )}`;
    await renderInTestApp(
      <TestApiProvider apis={[[searchApiRef, new MockSearchApi()]]}>
        <SearchContextProvider
          initialState={{
            term: 'prepared statements',
            types: [],
            filters: {},
            pageCursor: undefined,
          }}
        >
          <GuidanceSearchResultListItem result={{ ...result, text }} />
        </SearchContextProvider>
      </TestApiProvider>,
    );
    const snippet = screen.getByTestId('guidance-search-snippet');
    expect(snippet.textContent!.length).toBeLessThanOrEqual(250);
    expect(snippet).toHaveTextContent(
      /^… .*breaks prepared statements unless.* …$/,
    );
    expect(
      [...snippet.querySelectorAll('mark')].map(m => m.textContent),
    ).toEqual(['prepared', 'statements', 'prepared', 'statements']);
  });

  it('falls back to the title for a document without guidance fields', async () => {
    await renderInTestApp(
      <GuidanceSearchResultListItem
        result={{
          title: 'Saga pattern',
          text: 'Compensations',
          location: '/guidance/saga-pattern',
        }}
      />,
    );
    expect(screen.getByRole('link', { name: /Saga pattern/ })).toHaveAttribute(
      'href',
      '/guidance/saga-pattern',
    );
  });
});
