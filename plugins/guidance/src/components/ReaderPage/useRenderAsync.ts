import { DependencyList, useEffect, useMemo, useState } from 'react';

export type RenderAsyncState<T> = {
  loading: boolean;
  value?: T;
  error?: Error;
};

/**
 * Like `useAsync`, but the request starts while the component renders, not after React
 * commits it. The reader page is the content of a lazy route: React may hold back the commit
 * of a Suspense retry (its fallback throttle), and a request started in an effect would
 * wait for that; started here it runs meanwhile. A render that React throws away only leaves
 * an answered request behind (the client dedupes the ones in flight).
 */
export function useRenderAsync<T>(
  factory: () => Promise<T>,
  deps: DependencyList,
): RenderAsyncState<T> {
  const promise = useMemo(() => {
    const started = factory();
    started.catch(() => undefined); // handled below; never an unhandled rejection
    return started;
    // the caller's dependencies, as with useAsync
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  const [settled, setSettled] = useState<{
    promise: Promise<T>;
    value?: T;
    error?: Error;
  }>();

  useEffect(() => {
    let live = true;
    promise.then(
      value => live && setSettled({ promise, value }),
      error => live && setSettled({ promise, error }),
    );
    return () => {
      live = false;
    };
  }, [promise]);

  if (settled?.promise !== promise) {
    return { loading: true };
  }
  return { loading: false, value: settled.value, error: settled.error };
}
