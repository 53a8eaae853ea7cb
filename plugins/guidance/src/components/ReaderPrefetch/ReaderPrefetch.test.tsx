import { render, waitFor } from '@testing-library/react';
import { TestApiProvider, mockApis } from '@backstage/test-utils';
import { configApiRef } from '@backstage/core-plugin-api';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { mockGuidanceApi } from '../../testing/fixtures';
import { readerChunk } from '../GuidanceRouter/pageChunks';
import { ReaderPrefetch, guidanceTargetOf } from './ReaderPrefetch';

jest.mock('mermaid', () => ({
  __esModule: true,
  default: { initialize: jest.fn(), render: jest.fn() },
}));

describe('guidanceTargetOf', () => {
  it('names the page a path under the mount point shows', () => {
    expect(guidanceTargetOf('/guidance', '/guidance')).toEqual({
      page: 'library',
    });
    expect(guidanceTargetOf('/guidance/', '/guidance')).toEqual({
      page: 'library',
    });
    expect(guidanceTargetOf('/guidance/conformance', '/guidance')).toEqual({
      page: 'conformance',
    });
    expect(
      guidanceTargetOf('/portal/guidance/saga-pattern', '/portal/guidance/'),
    ).toEqual({ page: 'reader', id: 'saga-pattern' });
    expect(guidanceTargetOf('/guidance/a%20b', '/guidance')).toEqual({
      page: 'reader',
      id: 'a b',
    });
    // a malformed escape still names the reader; it reports the id as not found
    expect(guidanceTargetOf('/guidance/%E0%A4%A', '/guidance')).toEqual({
      page: 'reader',
      id: '%E0%A4%A',
    });
  });

  it('ignores paths outside the mount point', () => {
    expect(guidanceTargetOf('/catalog', '/guidance')).toBeUndefined();
    expect(guidanceTargetOf('/guidancex/saga', '/guidance')).toBeUndefined();
    expect(guidanceTargetOf('/docs/guidance/x', '/guidance')).toBeUndefined();
  });
});

describe('ReaderPrefetch', () => {
  const config = mockApis.config({
    data: { app: { baseUrl: 'http://localhost:3000' } },
  });

  function renderAt(path: string) {
    window.history.pushState({}, '', path);
    const api = mockGuidanceApi();
    api.prefetchArticle = jest.fn();
    const result = render(
      <TestApiProvider
        apis={[
          [guidanceApiRef, api],
          [configApiRef, config],
        ]}
      >
        <ReaderPrefetch />
      </TestApiProvider>,
    );
    return { api, ...result };
  }

  afterEach(() => window.history.pushState({}, '', '/'));

  it("starts the reader's code and its article on a reader address, once", async () => {
    const { api, rerender } = renderAt('/guidance/database-connection-pooling');
    expect(api.prefetchArticle).toHaveBeenCalledTimes(1);
    expect(api.prefetchArticle).toHaveBeenCalledWith(
      'database-connection-pooling',
    );
    await waitFor(() => expect(readerChunk.loaded()).toBeDefined(), {
      timeout: 15_000,
    });
    rerender(
      <TestApiProvider
        apis={[
          [guidanceApiRef, api],
          [configApiRef, config],
        ]}
      >
        <ReaderPrefetch />
      </TestApiProvider>,
    );
    expect(api.prefetchArticle).toHaveBeenCalledTimes(1);
  });

  it('follows a page mounted elsewhere (classic apps pass their route path)', () => {
    window.history.pushState({}, '', '/docs/guidance/saga-pattern');
    const api = mockGuidanceApi();
    api.prefetchArticle = jest.fn();
    render(
      <TestApiProvider
        apis={[
          [guidanceApiRef, api],
          [configApiRef, config],
        ]}
      >
        <ReaderPrefetch mountPath="/docs/guidance" />
      </TestApiProvider>,
    );
    expect(api.prefetchArticle).toHaveBeenCalledWith('saga-pattern');
  });

  it('does nothing, and breaks nothing, without the guidance API', () => {
    window.history.pushState({}, '', '/guidance/saga-pattern');
    expect(() =>
      render(
        <TestApiProvider apis={[[configApiRef, config]]}>
          <ReaderPrefetch />
        </TestApiProvider>,
      ),
    ).not.toThrow();
  });

  it('asks for nothing on other pages', () => {
    const { api } = renderAt('/catalog/default/component/orders');
    expect(api.prefetchArticle).not.toHaveBeenCalled();
    expect(api.getArticle).not.toHaveBeenCalled();
  });

  it('asks for no article on the library', () => {
    const { api } = renderAt('/guidance');
    expect(api.prefetchArticle).not.toHaveBeenCalled();
  });
});
