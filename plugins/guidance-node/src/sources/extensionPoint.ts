import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ArticleSource } from './ArticleSource';

/**
 * Lets a backend module of the guidance plugin add article sources (a wiki, a database,
 * another Git host). They are read after the configured sources, with the same rules:
 * invalid articles are skipped, an id already taken is refused, a failed read keeps the
 * source's last good articles.
 * @public
 */
export interface GuidanceArticleSourcesExtensionPoint {
  /** Adds a source, read after the configured ones. */
  addSource(source: ArticleSource): void;
}

/**
 * The extension point behind {@link GuidanceArticleSourcesExtensionPoint}.
 * @public
 */
export const guidanceArticleSourcesExtensionPoint =
  createExtensionPoint<GuidanceArticleSourcesExtensionPoint>({
    id: 'guidance.article-sources',
  });
