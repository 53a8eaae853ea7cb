import { act, fireEvent, screen, within } from '@testing-library/react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { SearchResult } from '@paved-road/plugin-guidance-common';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { rootRouteRef } from '../../routes';
import { mockGuidanceApi } from '../../testing/fixtures';
import { GuidanceSearchBox, highlightTerms } from './GuidanceSearchBox';

const result: SearchResult = {
  id: 'database-connection-pooling',
  title: 'Database Connection Pooling',
  summary: 'Pools',
  category: 'databases',
  score: 4.2,
  section: { id: 'pool-modes', text: 'Pool modes' },
  snippet: '… PgBouncer transaction pooling returns the server connection …',
};

async function renderSearch(api = mockGuidanceApi()) {
  await renderInTestApp(
    <TestApiProvider apis={[[guidanceApiRef, api]]}>
      <GuidanceSearchBox />
    </TestApiProvider>,
    { mountedRoutes: { '/guidance': rootRouteRef } },
  );
  return screen.getByRole('textbox', { name: 'Search guidance' });
}

describe('GuidanceSearchBox', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const type = (input: HTMLElement, value: string) =>
    act(() => {
      fireEvent.change(input, { target: { value } });
    });
  const advance = (ms: number) =>
    act(async () => {
      await jest.advanceTimersByTimeAsync(ms);
    });

  it('waits for a pause in typing, then searches once with the latest query', async () => {
    const api = mockGuidanceApi({
      search: jest.fn().mockResolvedValue([result]),
    });
    const input = await renderSearch(api);
    await type(input, 'pg');
    await advance(100);
    await type(input, 'pgbouncer');
    await advance(150);
    expect(api.search).not.toHaveBeenCalled();
    await advance(60);
    expect(api.search).toHaveBeenCalledTimes(1);
    expect(api.search).toHaveBeenCalledWith(
      'pgbouncer',
      expect.objectContaining({ limit: 8 }),
    );
  });

  it('links each result to the section it matched and shows the snippet', async () => {
    const api = mockGuidanceApi({
      search: jest.fn().mockResolvedValue([result]),
    });
    const input = await renderSearch(api);
    await type(input, 'pgbouncer');
    await advance(250);
    const list = screen.getByRole('list', { name: 'Search results' });
    const link = within(list).getByRole('link');
    expect(link).toHaveAttribute(
      'href',
      '/guidance/database-connection-pooling#pool-modes',
    );
    expect(link).toHaveTextContent('Pool modes');
    expect(link).toHaveTextContent(
      'transaction pooling returns the server connection',
    );
    expect(within(link).getByText('PgBouncer').tagName).toBe('MARK');
    expect(screen.getByRole('status')).toHaveTextContent(
      '1 result for "pgbouncer"',
    );
  });

  it('says which results may be out of date, and why', async () => {
    const stale: SearchResult = {
      ...result,
      id: 'minikube-argocd',
      title: 'Argo CD on minikube',
      section: undefined,
      stale: true,
      staleReasons: ['Argo CD 3.1: end of life since 2026-05-05'],
    };
    const api = mockGuidanceApi({
      search: jest.fn().mockResolvedValue([result, stale]),
    });
    const input = await renderSearch(api);
    await type(input, 'pooling');
    await advance(250);
    const [fresh, old] = within(
      screen.getByRole('list', { name: 'Search results' }),
    ).getAllByRole('link');
    expect(within(old).getByTestId('search-result-stale')).toHaveTextContent(
      'may be out of date: Argo CD 3.1: end of life since 2026-05-05',
    );
    expect(
      within(fresh).queryByTestId('search-result-stale'),
    ).not.toBeInTheDocument();
  });

  it('aborts the request a newer query replaces, and ignores its late answer', async () => {
    let first: (value: SearchResult[]) => void = () => {};
    const search = jest
      .fn()
      .mockImplementationOnce(
        () =>
          new Promise(resolve => {
            first = resolve;
          }),
      )
      .mockResolvedValueOnce([
        {
          ...result,
          section: undefined,
          id: 'database-strategy',
          title: 'Database strategy',
        },
      ]);
    const input = await renderSearch(mockGuidanceApi({ search }));
    await type(input, 'postgres');
    await advance(250);
    const firstSignal: AbortSignal = search.mock.calls[0][1].signal;
    expect(firstSignal.aborted).toBe(false);

    await type(input, 'postgres managed');
    expect(firstSignal.aborted).toBe(true);
    await advance(250);
    await act(async () => first([result]));

    const links = within(
      screen.getByRole('list', { name: 'Search results' }),
    ).getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAttribute('href', '/guidance/database-strategy');
  });

  it('says when nothing matches, reports errors, and clears on Escape', async () => {
    const search = jest
      .fn()
      .mockResolvedValueOnce([])
      .mockRejectedValueOnce(new Error('search exploded'));
    const input = await renderSearch(mockGuidanceApi({ search }));
    await type(input, 'zzzz');
    await advance(250);
    expect(screen.getByRole('status')).toHaveTextContent(
      'No sections match "zzzz".',
    );
    await type(input, 'boom');
    await advance(250);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Search failed: search exploded',
    );
    await act(() => {
      fireEvent.keyDown(input, { key: 'Escape' });
    });
    expect(input).toHaveValue('');
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('does not search for blank input', async () => {
    const api = mockGuidanceApi();
    const input = await renderSearch(api);
    await type(input, '   ');
    await advance(500);
    expect(api.search).not.toHaveBeenCalled();
  });
});

describe('highlightTerms', () => {
  it('marks query words case-insensitively and ignores regex characters', () => {
    const parts = highlightTerms(
      'Use PgBouncer (pgbouncer) pools',
      'pgbouncer (.*',
    );
    const marked = parts
      .filter((p: any) => p?.type === 'mark')
      .map((p: any) => p.props.children);
    expect(marked).toEqual(['PgBouncer', 'pgbouncer']);
  });
});
