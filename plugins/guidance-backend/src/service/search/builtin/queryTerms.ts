import type { IndexData } from './builder';
import { MAX_CORRECTED_WORDS, WEIGHTS } from './weights';

/** One query term with the weight it carries: typed words 1, expansions less. */
export type QueryTerm = { id: number; weight: number };

/** Edits allowed for a query word the library does not contain. */
function allowedEdits(word: string): number {
  // A token with a digit is an id, a hash or a version (7d9f, x2kqp, v1beta1), not a typo.
  if (/\d/.test(word)) return 0;
  if (word.length >= 10) return 2;
  return word.length >= 4 ? 1 : 0;
}

/** Two rows of the edit-distance table, reused: corrections compare a word with thousands. */
let distanceRows = [new Int32Array(64), new Int32Array(64)];

/** Levenshtein distance, or max + 1 as soon as it is certain to exceed max. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (n + 1 > distanceRows[0].length) {
    distanceRows = [new Int32Array(n + 1), new Int32Array(n + 1)];
  }
  let [prev, row] = distanceRows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const c = a.charCodeAt(i - 1);
    row[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const substitute = prev[j - 1] + (c === b.charCodeAt(j - 1) ? 0 : 1);
      const remove = prev[j] + 1;
      const insert = row[j - 1] + 1;
      const v = Math.min(substitute, remove, insert);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    const done = prev;
    prev = row;
    row = done;
  }
  return prev[n];
}

/** Turns the words of a query into index terms: as typed, synonyms, completions, corrections. */
export class QueryTerms {
  constructor(private readonly d: IndexData) {}

  /** The term id of a query word, if the library has it; null for a stop word. */
  lookup(word: string): number | null | undefined {
    const id = this.d.wordTerm.get(word);
    if (id !== undefined) return id < 0 ? null : id;
    const term = this.d.normaliser.term(word);
    return term ? this.d.termIds.get(term) : null;
  }

  /** Index terms for a query: typed words, their synonyms, a completion of the last word, corrections. */
  queryTerms(typed: string[]): QueryTerm[] {
    const result: QueryTerm[] = [];
    const seen = new Map<number, number>();
    const push = (id: number, weight: number) => {
      const at = seen.get(id);
      if (at !== undefined) {
        result[at].weight = Math.max(result[at].weight, weight);
        return;
      }
      seen.set(id, result.length);
      result.push({ id, weight });
    };
    let corrected = 0;
    typed.forEach((word, i) => {
      const isLast = i === typed.length - 1;
      const id = this.lookup(word);
      if (id === null) return;
      if (id !== undefined) push(id, 1);
      for (const synonym of this.d.normaliser.synonyms.get(word) ?? []) {
        const s = this.lookup(synonym);
        if (s !== null && s !== undefined) push(s, WEIGHTS.synonym);
      }
      // Search as you type: the last word may be unfinished.
      if (isLast && word.length >= 3) {
        const weight = id === undefined ? WEIGHTS.prefix : WEIGHTS.prefixOfWord;
        for (const w of this.completions(word)) {
          push(this.d.wordTerm.get(w)!, weight);
        }
      }
      // Typos are corrected in what people type, not in every word of a pasted error.
      const edits = id === undefined ? allowedEdits(word) : 0;
      if (edits > 0 && corrected++ < MAX_CORRECTED_WORDS) {
        for (const c of this.corrections(word, edits)) push(c, WEIGHTS.fuzzy);
      }
    });
    // Synonyms of several words: "external secrets operator" also finds "eso".
    for (const { words: phrase, expansions } of this.d.normaliser
      .phraseSynonyms) {
      for (let i = 0; i + phrase.length <= typed.length; i++) {
        if (phrase.every((w, j) => typed[i + j] === w)) {
          for (const synonym of expansions) {
            const s = this.lookup(synonym);
            if (s !== null && s !== undefined) push(s, WEIGHTS.synonym);
          }
          break;
        }
      }
    }
    return result;
  }

  /** Up to 20 words of the library that start with `prefix`. */
  private completions(prefix: string): string[] {
    const list = this.d.surfaceWords;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < list.length && out.length < 20; i++) {
      if (!list[i].startsWith(prefix)) break;
      if (list[i] !== prefix) out.push(list[i]);
    }
    return out;
  }

  /** Term ids of words within `max` edits of a word the library does not contain. */
  private corrections(word: string, max: number): number[] {
    const found = new Set<number>();
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of this.d.wordsByLength.get(len) ?? []) {
        if (editDistance(word, candidate, max) <= max) {
          found.add(this.d.wordTerm.get(candidate)!);
        }
      }
    }
    return [...found];
  }
}
