import { ComponentType, lazy } from 'react';

/**
 * A page's code, loaded once and kept: `preload()` can start it before the route renders
 * (from the app root, while the user is still being signed in), and a route whose code is
 * already there renders it directly instead of suspending (no fallback, no Suspense
 * throttle). A failed load is forgotten, so the next attempt asks again.
 */
export type PageChunk = {
  preload(): Promise<ComponentType>;
  loaded(): ComponentType | undefined;
  Lazy: ComponentType;
};

function pageChunk(load: () => Promise<ComponentType>): PageChunk {
  let component: ComponentType | undefined;
  let pending: Promise<ComponentType> | undefined;
  const preload = () => {
    pending ??= load().then(
      c => (component = c),
      error => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  return {
    preload,
    loaded: () => component,
    Lazy: lazy(() => preload().then(c => ({ default: c }))),
  };
}

/**
 * The router's own chunk; the page loaders and the page-load prefetch import it through
 * this one function, so that they share one chunk and one request.
 */
export const loadGuidanceRouter = () => import('./GuidanceRouter');

/** The reader: its own chunk, without the library's and conformance's code. */
export const readerChunk = pageChunk(() =>
  import('../ReaderPage/ReaderPage').then(m => m.ReaderPage),
);
export const libraryChunk = pageChunk(() =>
  import('../LibraryPage/LibraryPage').then(m => m.LibraryPage),
);
export const conformanceChunk = pageChunk(() =>
  import('../ConformancePage/ConformancePage').then(m => m.ConformancePage),
);

/**
 * Which of the plugin's pages a path (relative to the plugin's mount point) shows:
 * `''` the library, `conformance`, or an article id for the reader.
 */
export function pageForPath(
  subPath: string,
):
  | { page: 'library' }
  | { page: 'conformance' }
  | { page: 'reader'; id: string } {
  const segment = subPath.replace(/^\/+/, '').split(/[/?#]/)[0] ?? '';
  if (!segment) return { page: 'library' };
  if (segment === 'conformance') return { page: 'conformance' };
  let id = segment;
  try {
    id = decodeURIComponent(segment);
  } catch {
    // a malformed escape: the reader reports the id as not found
  }
  return { page: 'reader', id };
}

export type GuidancePageTarget = ReturnType<typeof pageForPath>;

/** Starts loading the code of a page of the plugin. */
export function preloadPage(
  target: GuidancePageTarget,
): Promise<ComponentType> {
  if (target.page === 'reader') return readerChunk.preload();
  if (target.page === 'conformance') return conformanceChunk.preload();
  return libraryChunk.preload();
}
