import type { IndexData } from './builder';
import type { QueryTerm } from './queryTerms';

const SNIPPET_LENGTH = 220;

/**
 * About SNIPPET_LENGTH characters of `text` (two to three lines in a result list), from the
 * window with the most distinct matched words. `match` finds them (global, case-insensitive);
 * `termOf` tells which words are forms of the same term, so "pool" and "pools" count once.
 */
export function snippet(
  text: string,
  match: RegExp | undefined,
  termOf: (word: string) => unknown = w => w,
): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SNIPPET_LENGTH) return flat;
  const hits: { at: number; term: unknown }[] = [];
  if (match) {
    match.lastIndex = 0;
    for (let m = match.exec(flat); m; m = match.exec(flat)) {
      hits.push({ at: m.index, term: termOf(m[0].toLowerCase()) });
    }
  }
  let start = 0;
  let bestCount = 0;
  for (let i = 0; i < hits.length; i++) {
    const distinct = new Set<unknown>();
    for (
      let j = i;
      j < hits.length && hits[j].at - hits[i].at < SNIPPET_LENGTH - 40;
      j++
    ) {
      distinct.add(hits[j].term);
    }
    if (distinct.size > bestCount) {
      bestCount = distinct.size;
      start = hits[i].at;
    }
  }
  // Start a little before the first hit, at a word boundary.
  start = Math.max(0, start - 40);
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  start = Math.min(start, Math.max(0, flat.length - SNIPPET_LENGTH));
  if (start > 0 && flat[start - 1] !== ' ')
    start = flat.indexOf(' ', start) + 1 || start;
  const end = Math.min(flat.length, start + SNIPPET_LENGTH);
  let cut = flat.slice(start, end);
  if (end < flat.length && cut.lastIndexOf(' ') > 0) {
    cut = cut.slice(0, cut.lastIndexOf(' '));
  }
  return `${start > 0 ? '… ' : ''}${cut}${end < flat.length ? ' …' : ''}`;
}

/** Finds the indexed forms of a query's terms in text, for snippets. */
export class TermMatcher {
  /** Per term: the words indexed under it; built on first search. */
  private termSurfaces: string[][] | undefined;

  constructor(private readonly d: IndexData) {}

  /** A pattern for every indexed form of the query's terms. */
  matcher(queryTerms: QueryTerm[]): RegExp | undefined {
    if (!this.termSurfaces) {
      // Built on first use: which words the library indexed under each term.
      this.termSurfaces = Array.from(this.d.termNames, () => [] as string[]);
      for (const [word, id] of this.d.wordTerm) {
        if (id >= 0) this.termSurfaces[id].push(word);
      }
    }
    const forms = queryTerms.flatMap(q => this.termSurfaces![q.id]);
    if (forms.length === 0) return undefined;
    // Words are letters and digits only (see forEachWord), so they need no escaping.
    return new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`,
      'giu',
    );
  }

  /** Which term a matched word is a form of, so "pool" and "pools" count once. */
  termOf = (word: string) => this.d.wordTerm.get(word);
}
