import { Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Progress } from '@backstage/core-components';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import {
  PageChunk,
  conformanceChunk,
  libraryChunk,
  readerChunk,
} from './pageChunks';

/** A page from its own chunk: at once when the chunk is there, else behind a progress bar. */
export function ChunkPage(props: { chunk: PageChunk }) {
  const Loaded = props.chunk.loaded();
  if (Loaded) return <Loaded />;
  const { Lazy } = props.chunk;
  return (
    <Suspense fallback={<Progress />}>
      <Lazy />
    </Suspense>
  );
}

/**
 * Everything under the plugin's mount point: the library, the reader and conformance, each
 * in its own chunk, so that an article never waits for the library's or conformance's code.
 * The new frontend system owns the browser history: the adapter scopes React Router to this
 * page (in a classic app it renders its children untouched).
 */
export function GuidanceRouter() {
  return (
    <ReactRouterV6PageRouter>
      <Routes>
        <Route path="/" element={<ChunkPage chunk={libraryChunk} />} />
        <Route
          path="/conformance"
          element={<ChunkPage chunk={conformanceChunk} />}
        />
        <Route path="/:id" element={<ChunkPage chunk={readerChunk} />} />
      </Routes>
    </ReactRouterV6PageRouter>
  );
}
