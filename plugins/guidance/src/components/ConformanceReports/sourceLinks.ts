/**
 * A link to a file of an entity's source at a line: GitHub and GitLab (`#L<line>`), read from
 * the source location's own URL (`…/tree/<branch>/<folder>/`, `…/-/tree/<branch>/…`), so a
 * GitHub Enterprise or self-hosted GitLab host works too. Undefined for other locations
 * (`file:`, hosts whose URLs say no branch).
 */
export function sourceFileUrl(
  location: string | undefined,
  file: string,
  line?: number,
  /** A commit to link to instead of the location's branch (a pull request's head). */
  revision?: string,
): string | undefined {
  if (!location) return undefined;
  let url: URL;
  try {
    url = new URL(location.replace(/^url:/, ''));
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const match = /^(.*?)\/(-\/)?(?:tree|blob)\/([^/]+)(\/.*)?$/.exec(
    url.pathname,
  );
  if (!match || file.split('/').some(part => part === '..')) return undefined;
  const [, repo, gitlab = '', branch, rest = '/'] = match;
  const folder = rest.endsWith('/') ? rest : rest.replace(/[^/]*$/, '');
  const path = `${repo}/${gitlab}blob/${revision ?? branch}${folder}${file
    .split('/')
    .map(encodeURIComponent)
    .join('/')}`;
  return `${url.origin}${path}${line !== undefined ? `#L${line}` : ''}`;
}
