import { useEffect } from 'react';
import { configApiRef, useApiHolder } from '@backstage/core-plugin-api';
import { GuidanceApi, guidanceApiRef } from '../../api/GuidanceApi';
import {
  GuidancePageTarget,
  loadGuidanceRouter,
  pageForPath,
  preloadPage,
} from '../GuidanceRouter/pageChunks';

/** Where the plugin's page is mounted unless the app moves it (`PageBlueprint` path). */
export const DEFAULT_MOUNT_PATH = '/guidance';

// once per app (a page load), whatever remounts the app root
const started = new WeakSet<GuidanceApi>();

function appBasePath(baseUrl: string | undefined): string {
  if (!baseUrl) return '';
  try {
    return new URL(baseUrl).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/**
 * What the address of the page load asks of the plugin, if anything: the page under the
 * mount point, and the article id when it is the reader.
 */
export function guidanceTargetOf(
  pathname: string,
  mountPath: string,
): GuidancePageTarget | undefined {
  const root = mountPath.replace(/\/+$/, '');
  if (pathname !== root && !pathname.startsWith(`${root}/`)) return undefined;
  return pageForPath(pathname.slice(root.length));
}

/**
 * Rendered at the app's root, before sign-in finishes: when the page being loaded is one of
 * the plugin's, its code starts loading now, and for the reader the article request is
 * issued now too (it waits for the identity, then goes out at once). The reader later finds
 * both ready instead of starting them one after the other once its route has rendered.
 * Renders nothing; any failure here is left for the page itself to report.
 *
 * @public
 */
export function ReaderPrefetch(props: { mountPath?: string }) {
  const { mountPath = DEFAULT_MOUNT_PATH } = props;
  // read softly: at the app's root, a missing API must never take the app down
  const apis = useApiHolder();
  const api = apis.get(guidanceApiRef);
  const config = apis.get(configApiRef);

  useEffect(() => {
    if (!api || started.has(api)) return;
    started.add(api);
    const base = appBasePath(config?.getOptionalString('app.baseUrl'));
    const target = guidanceTargetOf(
      window.location.pathname,
      `${base}${mountPath}`,
    );
    if (!target) return;
    loadGuidanceRouter().catch(() => undefined);
    preloadPage(target).catch(() => undefined);
    if (target.page === 'reader') {
      api.prefetchArticle?.(target.id);
    }
  }, [api, config, mountPath]);

  return null;
}
