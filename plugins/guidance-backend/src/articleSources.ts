import { BackendPluginRegistrationPoints } from '@backstage/backend-plugin-api';
import {
  ArticleSource,
  guidanceArticleSourcesExtensionPoint,
} from '@paved-road/plugin-guidance-node';

/**
 * Registers `guidanceArticleSourcesExtensionPoint`; returns the list the sources modules add
 * land in (filled before the plugin's init runs). A source without a name or `read` fails
 * start-up.
 */
export function registerArticleSources(
  env: BackendPluginRegistrationPoints,
): ArticleSource[] {
  const addedSources: ArticleSource[] = [];
  env.registerExtensionPoint(guidanceArticleSourcesExtensionPoint, {
    addSource(source) {
      if (
        !source ||
        typeof source.name !== 'string' ||
        !source.name.trim() ||
        typeof source.read !== 'function'
      ) {
        throw new Error(
          'guidance article source must have a non-empty name and a read() function',
        );
      }
      addedSources.push(source);
    },
  });
  return addedSources;
}
