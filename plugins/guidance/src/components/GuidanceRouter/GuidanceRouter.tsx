import { Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Progress } from '@backstage/core-components';
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
 */
export function GuidanceRouter() {
  return (
    <Routes>
      <Route path="/" element={<ChunkPage chunk={libraryChunk} />} />
      <Route
        path="/conformance"
        element={<ChunkPage chunk={conformanceChunk} />}
      />
      <Route path="/:id" element={<ChunkPage chunk={readerChunk} />} />
    </Routes>
  );
}
