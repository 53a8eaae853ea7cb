/**
 * Where the guidance reader opens an article in the app, `:id` standing for the article id.
 *
 * @public
 */
export const DEFAULT_ARTICLE_PATH = '/guidance/:id';

/**
 * The address of an article, or of one section of it: `<baseUrl>/guidance/<id>#<section>`.
 * `path` replaces the default path (it must contain `:id`); the id is URL-encoded, the section
 * id (a heading slug) is used as it is. The one place links to articles are built.
 * @public
 */
export function articleUrl(options: {
  id: string;
  section?: string;
  /** The app's base URL (`app.baseUrl`); empty for a path. */
  baseUrl?: string;
  path?: string;
}): string {
  const path = options.path ?? DEFAULT_ARTICLE_PATH;
  if (!path.includes(':id')) {
    throw new Error(`an article path must contain :id, got "${path}"`);
  }
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  const at = path.replace(/:id\b/g, encodeURIComponent(options.id));
  return `${base}${at}${options.section ? `#${options.section}` : ''}`;
}
