import { lazy } from 'react';
import { render, screen } from '@testing-library/react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { rootRouteRef } from '../../routes';
import { mockGuidanceApi, poolingArticle } from '../../testing/fixtures';
import { ChunkPage, GuidanceRouter } from './GuidanceRouter';
import { pageForPath, readerChunk } from './pageChunks';

jest.mock('mermaid', () => ({
  __esModule: true,
  default: { initialize: jest.fn(), render: jest.fn() },
}));

async function renderAt(path: string, api = mockGuidanceApi()) {
  await renderInTestApp(
    <TestApiProvider apis={[[guidanceApiRef, api]]}>
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

  it('shows an article already read without waiting for its request', async () => {
    await readerChunk.preload();
    const api = mockGuidanceApi({
      peekArticle: jest.fn().mockReturnValue(poolingArticle),
      getArticle: jest.fn(() => new Promise<never>(() => {})), // never answers
    });
    await renderAt('/database-connection-pooling', api);
    // the request never answers: what is shown came from the copy read before
    expect(
      screen.getByRole('heading', { level: 1, name: poolingArticle.title }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('guidance-article')).toBeInTheDocument();
  });
});

describe('ChunkPage', () => {
  it('renders a loaded chunk in the same render, never suspending', () => {
    const Lazy = () => {
      throw new Error('the lazy path must not be taken');
    };
    const chunk = {
      preload: jest.fn(),
      loaded: () => () => <p>reader here</p>,
      Lazy,
    };
    render(<ChunkPage chunk={chunk} />);
    // synchronously there, no progress bar first
    expect(screen.getByText('reader here')).toBeInTheDocument();
    expect(chunk.preload).not.toHaveBeenCalled();
  });

  it('falls back to loading the chunk when it is not there yet', async () => {
    let resolve: () => void = () => {};
    const loaded = new Promise<void>(r => {
      resolve = r;
    });
    const chunk = {
      preload: jest.fn(),
      loaded: () => undefined,
      Lazy: lazy(() => loaded.then(() => ({ default: () => <p>arrived</p> }))),
    };
    render(<ChunkPage chunk={chunk} />);
    expect(screen.queryByText('arrived')).not.toBeInTheDocument();
    resolve();
    expect(await screen.findByText('arrived')).toBeInTheDocument();
  });
});

describe('pageForPath', () => {
  it('maps a path under the mount point to its page', () => {
    expect(pageForPath('')).toEqual({ page: 'library' });
    expect(pageForPath('/conformance')).toEqual({ page: 'conformance' });
    expect(pageForPath('/saga-pattern#compensation')).toEqual({
      page: 'reader',
      id: 'saga-pattern',
    });
    expect(pageForPath('/saga-pattern/extra')).toEqual({
      page: 'reader',
      id: 'saga-pattern',
    });
  });
});
