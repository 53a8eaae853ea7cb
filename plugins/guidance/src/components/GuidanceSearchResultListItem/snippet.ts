/** A piece of a snippet: text, and whether it matched the search. */
export type SnippetSegment = { text: string; match: boolean };

/** About three lines of a result list at the usual width. */
export const SNIPPET_LENGTH = 240;

/** Splits text that a search engine highlighted with `preTag`/`postTag` into segments. */
export function segmentsFromHighlight(
  text: string,
  preTag: string,
  postTag: string,
): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let at = 0;
  while (at < text.length) {
    const start = text.indexOf(preTag, at);
    if (start < 0) break;
    const end = text.indexOf(postTag, start + preTag.length);
    if (end < 0) break;
    if (start > at)
      segments.push({ text: text.slice(at, start), match: false });
    segments.push({
      text: text.slice(start + preTag.length, end),
      match: true,
    });
    at = end + postTag.length;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Marks the words of `text` that start with a word of the search term (so "pool" marks
 * "pooling"); words of one or two letters are not marked, they match everywhere.
 */
export function segmentsFromTerm(text: string, term: string): SnippetSegment[] {
  const words = [
    ...new Set(
      (term.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
        w => w.length > 2,
      ),
    ),
  ];
  if (words.length === 0) return [{ text, match: false }];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words.map(escape).join('|')})[\\p{L}\\p{N}]*`,
    'giu',
  );
  const segments: SnippetSegment[] = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index! > at)
      segments.push({ text: text.slice(at, m.index), match: false });
    segments.push({ text: m[0], match: true });
    at = m.index! + m[0].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}

/**
 * A window of about `length` characters around the densest run of matches, cut at word
 * boundaries, with "…" where text was left out: two to three lines instead of the whole section.
 */
export function excerpt(
  segments: SnippetSegment[],
  length = SNIPPET_LENGTH,
): SnippetSegment[] {
  const flat = segments.map(s => ({ ...s, text: s.text.replace(/\s+/g, ' ') }));
  const total = flat.reduce((n, s) => n + s.text.length, 0);
  if (total <= length) return flat;
  // Offsets of the matches; choose the start that covers the most of them.
  const matches: number[] = [];
  let offset = 0;
  for (const s of flat) {
    if (s.match) matches.push(offset);
    offset += s.text.length;
  }
  let start = 0;
  let best = 0;
  for (let i = 0; i < matches.length; i++) {
    let n = 0;
    while (i + n < matches.length && matches[i + n] - matches[i] < length - 40)
      n++;
    if (n > best) {
      best = n;
      start = Math.max(0, matches[i] - 40);
    }
  }
  start = Math.min(start, total - length);
  const end = start + length;
  const out: SnippetSegment[] = [];
  offset = 0;
  for (const s of flat) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + s.text.length);
    if (from < to)
      out.push({
        text: s.text.slice(from - offset, to - offset),
        match: s.match,
      });
    offset += s.text.length;
  }
  // Cut at word boundaries, never inside a match.
  if (start > 0 && out.length && !out[0].match) {
    const space = out[0].text.indexOf(' ');
    out[0] = { ...out[0], text: `… ${out[0].text.slice(space + 1)}` };
  } else if (start > 0) {
    out.unshift({ text: '… ', match: false });
  }
  if (end < total && out.length && !out[out.length - 1].match) {
    const last = out[out.length - 1];
    const space = last.text.lastIndexOf(' ');
    out[out.length - 1] = {
      ...last,
      text: `${space > 0 ? last.text.slice(0, space) : last.text} …`,
    };
  } else if (end < total) {
    out.push({ text: ' …', match: false });
  }
  return out.filter(s => s.text);
}
