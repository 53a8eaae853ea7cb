/**
 * Heading ids, the same on the backend (table of contents) and the frontend (anchors),
 * so that `/guidance/<id>#<heading-id>` always lands on the heading. GitHub's rules:
 * lowercase, punctuation dropped, spaces become hyphens, repeats get `-1`, `-2`, ...
 *
 * @public
 */
export function slugifyHeading(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/**
 * A slugger for one document: call it for each heading in document order.
 *
 * @public
 */
export function createHeadingSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return text => {
    const base = slugifyHeading(text) || 'section';
    let slug = base;
    while (seen.has(slug)) {
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      slug = `${base}-${n}`;
    }
    seen.set(slug, 0);
    return slug;
  };
}
