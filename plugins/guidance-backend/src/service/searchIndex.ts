import { SearchResult } from '@paved-road/plugin-guidance-common';
import type { ParsedArticle } from './parseArticle';
import { SearchVocabularyOptions, TermNormaliser, words } from './searchText';

export { stem } from './searchText';

/**
 * Ranking weights. A section is scored with BM25F over its own text, its heading, the heading
 * above it (an H3's H2) and the article's title and tags: a term found in the heading counts as
 * if it appeared `heading` times in the text, and so on. An article ranks by its best section.
 */
const WEIGHTS = {
  k1: 2,
  b: 0.7,
  heading: 2.5,
  parentHeading: 1.2,
  title: 1.5,
  tags: 1,
  /** Synonyms, completions and corrections weigh less than the word as typed. */
  synonym: 0.6,
  prefix: 0.7,
  fuzzy: 0.6,
  /** How much an article's other matching sections add to its best one. */
  secondSection: 0.15,
  /** Bonus per pair of adjacent question words found next to each other in a section. */
  phrase: 2.5,
  /** How many of the best sections are checked for such pairs. */
  phraseCandidates: 60,
  /**
   * The opening text and a checklist summarise the sections that explain: a question is
   * answered by the explaining section when one matches nearly as well.
   */
  opening: 0.65,
  checklist: 0.6,
};

// Three or more task-list items: the section is a checklist.
const CHECKLIST = /(\[[ xX]\][^[]*){3,}/;

/** Postings of one term in one field: section (or article) numbers and term counts. */
class Postings {
  docs: Uint32Array;
  tfs: Uint16Array;
  n = 0;
  constructor(capacity = 2) {
    this.docs = new Uint32Array(capacity);
    this.tfs = new Uint16Array(capacity);
  }
  add(doc: number, tf: number) {
    if (this.n === this.docs.length) {
      const docs = new Uint32Array(this.n * 2);
      docs.set(this.docs);
      this.docs = docs;
      const tfs = new Uint16Array(this.n * 2);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.docs[this.n] = doc;
    this.tfs[this.n] = Math.min(tf, 65535);
    this.n++;
  }
  /** Drops the spare capacity once the index is built. */
  trim() {
    if (this.docs.length !== this.n) {
      this.docs = this.docs.slice(0, this.n);
      this.tfs = this.tfs.slice(0, this.n);
    }
  }
}

type TermEntry = {
  /** Sections whose text has the term. */
  text?: Postings;
  /** Sections whose heading has the term. */
  heading?: Postings;
  /** Articles whose title has the term. */
  title?: Postings;
  /** Articles whose tags have the term. */
  tags?: Postings;
  /** Sections with the term in any field, for its rarity. */
  df: number;
};

/** One query term with the weight it carries: typed words 1, expansions less. */
type QueryTerm = { term: string; weight: number };

const SNIPPET_LENGTH = 220;

function countTerms(
  normaliser: TermNormaliser,
  text: string,
  surface: Map<string, string>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words(text)) {
    const t = normaliser.term(w);
    if (!t) continue;
    counts.set(t, (counts.get(t) ?? 0) + 1);
    if (!surface.has(w)) surface.set(w, t);
  }
  return counts;
}

/** Edits allowed for a query word the library does not contain. */
function allowedEdits(word: string): number {
  if (word.length >= 10) return 2;
  return word.length >= 4 ? 1 : 0;
}

/** Levenshtein distance, or max + 1 as soon as it is certain to exceed max. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        prev[j] + 1,
        row[j - 1] + 1,
        prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length];
}

/**
 * A section-level inverted index: one entry per article section (the text before the first
 * heading included), scored with BM25F over the section's text, heading, parent heading and
 * the article's title and tags. Articles rank by their best section, which is also the deep
 * link and the source of the snippet. Prefix completion for the word being typed, typo
 * tolerance for words the library does not contain, and configurable synonyms and stop words.
 *
 * Postings are typed arrays: at ten thousand articles the index holds about a million
 * postings in a few tens of megabytes.
 */
export class SearchIndex {
  private readonly terms = new Map<string, TermEntry>();
  /** Every word seen (lower case, unstemmed) and its term, sorted for prefix search. */
  private surfaceWords: string[] = [];
  private readonly surfaceTerm = new Map<string, string>();
  private readonly wordsByLength = new Map<number, string[]>();

  private readonly articles: ParsedArticle[] = [];
  /** Per section: its article, its index within the article, its text length, its parent section. */
  private sectionArticle = new Uint32Array(0);
  private sectionOrdinal = new Uint16Array(0);
  private sectionLength = new Uint32Array(0);
  private sectionParent = new Int32Array(0);
  /** Per section: how likely it is to be the answer before any word is matched. */
  private sectionPrior = new Float32Array(0);
  /** Per article: its first section. */
  private articleFirstSection = new Uint32Array(0);
  private averageLength = 1;
  private readonly normaliser: TermNormaliser;

  private constructor(options: SearchVocabularyOptions) {
    this.normaliser = new TermNormaliser(options);
  }

  static build(
    articles: Iterable<ParsedArticle>,
    options: SearchVocabularyOptions = {},
  ): SearchIndex {
    const index = new SearchIndex(options);
    index.add([...articles]);
    return index;
  }

  private entry(term: string): TermEntry {
    let e = this.terms.get(term);
    if (!e) {
      e = { df: 0 };
      this.terms.set(term, e);
    }
    return e;
  }

  private add(articles: ParsedArticle[]) {
    const sectionCount = articles.reduce((n, a) => n + a.sections.length, 0);
    this.sectionArticle = new Uint32Array(sectionCount);
    this.sectionOrdinal = new Uint16Array(sectionCount);
    this.sectionLength = new Uint32Array(sectionCount);
    this.sectionParent = new Int32Array(sectionCount);
    this.sectionPrior = new Float32Array(sectionCount);
    this.articleFirstSection = new Uint32Array(articles.length + 1);
    const surface = this.surfaceTerm;
    let s = 0;
    let totalLength = 0;
    articles.forEach((article, a) => {
      this.articles.push(article);
      this.articleFirstSection[a] = s;
      const { title, tags } = article.summary;
      for (const [t, tf] of countTerms(this.normaliser, title, surface)) {
        (this.entry(t).title ??= new Postings()).add(a, tf);
      }
      for (const [t, tf] of countTerms(
        this.normaliser,
        tags.join(' '),
        surface,
      )) {
        (this.entry(t).tags ??= new Postings()).add(a, tf);
      }
      const byId = new Map<string, number>();
      article.sections.forEach((section, i) => {
        this.sectionArticle[s] = a;
        this.sectionOrdinal[s] = Math.min(i, 65535);
        this.sectionParent[s] = section.parentId
          ? byId.get(section.parentId) ?? -1
          : -1;
        if (section.id) byId.set(section.id, s);
        // The opening text speaks for the whole article: it carries the summary too.
        const text =
          section.id === undefined
            ? `${article.summary.summary} ${section.text}`
            : section.text;
        const textCounts = countTerms(this.normaliser, text, surface);
        const headingCounts = countTerms(
          this.normaliser,
          section.heading ?? '',
          surface,
        );
        let length = 0;
        for (const [t, tf] of textCounts) {
          const e = this.entry(t);
          (e.text ??= new Postings()).add(s, tf);
          e.df++;
          length += tf;
        }
        for (const [t, tf] of headingCounts) {
          const e = this.entry(t);
          (e.heading ??= new Postings()).add(s, tf);
          if (!textCounts.has(t)) e.df++;
        }
        this.sectionLength[s] = length;
        this.sectionPrior[s] =
          section.id === undefined
            ? WEIGHTS.opening
            : CHECKLIST.test(section.text)
            ? WEIGHTS.checklist
            : 1;
        totalLength += length;
        s++;
      });
    });
    this.articleFirstSection[articles.length] = s;
    this.averageLength = Math.max(1, totalLength / Math.max(1, s));
    for (const e of this.terms.values()) {
      e.text?.trim();
      e.heading?.trim();
      e.title?.trim();
      e.tags?.trim();
    }
    this.surfaceWords = [...surface.keys()].sort();
    for (const w of this.surfaceWords) {
      const list = this.wordsByLength.get(w.length) ?? [];
      list.push(w);
      this.wordsByLength.set(w.length, list);
    }
  }

  /** Index terms for a query: typed words, their synonyms, a completion of the last word, corrections. */
  private queryTerms(query: string): QueryTerm[] {
    const typed = words(query);
    const result: QueryTerm[] = [];
    const seen = new Map<string, number>();
    const push = (term: string, weight: number) => {
      const at = seen.get(term);
      if (at !== undefined) {
        result[at].weight = Math.max(result[at].weight, weight);
        return;
      }
      seen.set(term, result.length);
      result.push({ term, weight });
    };
    typed.forEach((word, i) => {
      const isLast = i === typed.length - 1;
      const term = this.normaliser.term(word);
      if (!term) return;
      const known = this.terms.has(term);
      if (known) push(term, 1);
      for (const synonym of this.normaliser.synonyms.get(word) ?? []) {
        const t = this.normaliser.term(synonym);
        if (t && this.terms.has(t)) push(t, WEIGHTS.synonym);
      }
      // Search as you type: the last word may be unfinished.
      if (isLast && word.length >= 3) {
        for (const w of this.completions(word)) {
          push(this.surfaceTerm.get(w)!, WEIGHTS.prefix);
        }
      }
      if (!known && !this.surfaceTerm.has(word)) {
        for (const t of this.corrections(word)) push(t, WEIGHTS.fuzzy);
      }
    });
    return result;
  }

  /** Up to 20 words of the library that start with `prefix`. */
  private completions(prefix: string): string[] {
    const list = this.surfaceWords;
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

  /** Terms of words within the allowed edits of a word the library does not contain. */
  private corrections(word: string): string[] {
    const max = allowedEdits(word);
    if (max === 0) return [];
    const found = new Set<string>();
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of this.wordsByLength.get(len) ?? []) {
        if (editDistance(word, candidate, max) <= max) {
          found.add(this.surfaceTerm.get(candidate)!);
        }
      }
    }
    return [...found];
  }

  /**
   * Proximity for the best candidates only: each pair of adjacent question words (stop words
   * skipped) that also stands together in a section's heading or text raises its score.
   */
  private queryPairs(query: string): Set<string> {
    const typed = words(query)
      .map(w => this.normaliser.term(w))
      .filter((t): t is string => Boolean(t));
    const pairs = new Set<string>();
    for (let i = 1; i < typed.length; i++) {
      if (typed[i - 1] !== typed[i]) pairs.add(`${typed[i - 1]} ${typed[i]}`);
    }
    return pairs;
  }

  /** How many of the question's word pairs stand together in a section. */
  private phraseMatches(sct: number, pairs: Set<string>): number {
    if (pairs.size === 0) return 0;
    const article = this.articles[this.sectionArticle[sct]];
    const section = article.sections[this.sectionOrdinal[sct]];
    const found = new Set<string>();
    for (const text of [
      article.summary.title,
      section.heading ?? '',
      section.text,
    ]) {
      let previous: string | null = null;
      for (const w of words(text)) {
        const t = this.normaliser.term(w);
        if (!t) continue;
        const pair = `${previous} ${t}`;
        if (previous && pairs.has(pair)) found.add(pair);
        previous = t;
      }
    }
    return found.size;
  }

  private addPhraseBonus(pairs: Set<string>, scores: Map<number, number>) {
    if (pairs.size === 0) return;
    const candidates = [...scores.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, WEIGHTS.phraseCandidates);
    for (const [sct, score] of candidates) {
      const found = this.phraseMatches(sct, pairs);
      if (found) scores.set(sct, score + WEIGHTS.phrase * found);
    }
  }

  search(query: string, limit: number): SearchResult[] {
    const queryTerms = this.queryTerms(query);
    if (queryTerms.length === 0) return [];
    const sectionCount = this.sectionArticle.length;
    const { k1, b } = WEIGHTS;

    // Per section: its score so far. Sparse: only sections some term reaches.
    const scores = new Map<number, number>();
    for (const { term, weight } of queryTerms) {
      const e = this.terms.get(term);
      if (!e) continue;
      const idf = Math.log(1 + (sectionCount - e.df + 0.5) / (e.df + 0.5));
      // BM25F: the weighted term count over all fields, saturated once.
      const tf = new Map<number, number>();
      const addTf = (section: number, value: number) =>
        tf.set(section, (tf.get(section) ?? 0) + value);
      if (e.text) {
        for (let i = 0; i < e.text.n; i++) {
          const sct = e.text.docs[i];
          const norm =
            1 - b + (b * this.sectionLength[sct]) / this.averageLength;
          addTf(sct, e.text.tfs[i] / norm);
        }
      }
      if (e.heading) {
        for (let i = 0; i < e.heading.n; i++) {
          const sct = e.heading.docs[i];
          addTf(sct, WEIGHTS.heading * e.heading.tfs[i]);
          // The heading is context for the sections under it.
          const article = this.sectionArticle[sct];
          const end = this.articleFirstSection[article + 1];
          for (let c = sct + 1; c < end && this.sectionParent[c] >= sct; c++) {
            if (this.sectionParent[c] === sct) {
              addTf(c, WEIGHTS.parentHeading * e.heading.tfs[i]);
            }
          }
        }
      }
      for (const [postings, w] of [
        [e.title, WEIGHTS.title],
        [e.tags, WEIGHTS.tags],
      ] as const) {
        if (!postings) continue;
        for (let i = 0; i < postings.n; i++) {
          const article = postings.docs[i];
          const end = this.articleFirstSection[article + 1];
          for (let c = this.articleFirstSection[article]; c < end; c++) {
            addTf(c, w * postings.tfs[i]);
          }
        }
      }
      for (const [sct, value] of tf) {
        scores.set(
          sct,
          (scores.get(sct) ?? 0) +
            (weight * idf * value * (k1 + 1)) / (value + k1),
        );
      }
    }

    const pairs = this.queryPairs(query);
    this.addPhraseBonus(pairs, scores);

    // Articles by their best section, plus a little for other sections that match.
    const best = new Map<
      number,
      { score: number; second: number; section: number; link: number }
    >();
    for (const [sct, score] of scores) {
      const article = this.sectionArticle[sct];
      const current = best.get(article);
      if (!current) {
        best.set(article, {
          score,
          second: 0,
          section: sct,
          link: score * this.sectionPrior[sct],
        });
        continue;
      }
      if (score > current.score) {
        current.second = current.score;
        current.score = score;
      } else if (score > current.second) current.second = score;
      // The deep link: the best section once openings and checklists give way.
      const link = score * this.sectionPrior[sct];
      if (link > current.link) {
        current.link = link;
        current.section = sct;
      }
    }
    const ranked = [...best.entries()]
      .map(([article, r]) => ({
        article,
        section: r.section,
        score: r.score + WEIGHTS.secondSection * r.second,
      }))
      .sort((x, y) => y.score - x.score || x.article - y.article)
      .slice(0, limit);

    const matchTerms = new Set(queryTerms.map(q => q.term));
    return ranked.map(({ article: a, section: sct, score }) => {
      const article = this.articles[a];
      const section = article.sections[this.sectionOrdinal[sct]];
      return {
        id: article.summary.id,
        title: article.summary.title,
        summary: article.summary.summary,
        category: article.summary.category,
        score: Math.round(score * 1000) / 1000,
        ...(section?.id
          ? { section: { id: section.id, text: section.heading! } }
          : {}),
        snippet: snippet(
          section?.text || article.summary.summary,
          matchTerms,
          this.normaliser,
        ),
      };
    });
  }
}

/**
 * About SNIPPET_LENGTH characters of `text` (two to three lines in a result list), from the
 * window with the most distinct matched terms.
 */
export function snippet(
  text: string,
  terms: ReadonlySet<string>,
  normaliser: TermNormaliser = new TermNormaliser(),
): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SNIPPET_LENGTH) return flat;
  const hits: { at: number; term: string }[] = [];
  for (const m of flat.matchAll(/[\p{L}\p{N}]+/gu)) {
    const t = normaliser.term(m[0].toLowerCase());
    if (t && terms.has(t)) hits.push({ at: m.index!, term: t });
  }
  let start = 0;
  let bestCount = 0;
  for (let i = 0; i < hits.length; i++) {
    const distinct = new Set<string>();
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
