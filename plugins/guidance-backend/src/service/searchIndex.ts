import { SearchResult } from '@paved-road/plugin-guidance-common';
import type { ParsedArticle } from './parseArticle';
import {
  SearchVocabularyOptions,
  TermNormaliser,
  forEachWord,
  words,
} from './searchText';

export { stem } from './searchText';

/**
 * Ranking weights. A section is scored with BM25F over its own text, its heading, the heading
 * above it (an H3's H2) and the article's title and tags: a term found in the heading counts as
 * if it appeared `heading` times in the text, and so on. An article ranks by its best section.
 */
export const WEIGHTS = {
  k1: 2,
  b: 0.7,
  heading: 2.5,
  parentHeading: 2.5,
  title: 1.5,
  /** The author's search keywords for a section (`<!-- search: … -->`). */
  keywords: 3,
  tags: 1,
  /** Synonyms, completions and corrections weigh less than the word as typed. */
  synonym: 0.6,
  prefix: 0.7,
  /** …and this much when the last word is already a whole word of the library ("service"). */
  prefixOfWord: 0.35,
  fuzzy: 0.6,
  /** How much an article's other matching sections add to its best one. */
  secondSection: 0.4,
  /** Bonus per pair of adjacent question words found next to each other in a section. */
  phrase: 2.5,
  /** How many of the best sections are checked for such pairs. */
  phraseCandidates: 30,
  /** Words within this distance (stop words not counted) stand together. */
  phraseWindow: 3,
  /**
   * The opening text and a checklist summarise the sections that explain: a question is
   * answered by the explaining section when one matches nearly as well.
   */
  opening: 0.65,
  checklist: 0.6,
  /**
   * "How many / how much / what size" questions are answered by arithmetic: for them a section
   * gains up to this share of its score by how many of its words are numbers.
   */
  numeric: 0.5,
  /** A term in more than this share of sections only adds to sections rarer terms found. */
  commonShare: 0.2,
  /** A troubleshooting section's score is multiplied by this for a question about a symptom. */
  symptom: 1.1,
  /** …and by this when the question says outright that something fails (an error, a crash, a refusal). */
  failure: 1.3,
  /** A section under the best one wins the link when it scores at least this share of it. */
  child: 0.8,
  /** A word in a code block counts this much of a word of prose. */
  code: 0.25,
};

/** Query terms scored per search, rarest first (words, synonyms, completions and corrections). */
export const MAX_QUERY_TERMS = 24;
/** Words of a query that the library does not know and that get typo corrections. */
export const MAX_CORRECTED_WORDS = 4;

/** Text term counts are stored in quarters, so a code word can count a quarter. */
const TF_SCALE = 4;

/**
 * A section about what breaks and how to fix it, by the headings documentation gives them
 * ("Troubleshooting", "What goes wrong", "Failure modes", "Common mistakes", "Pitfalls").
 */
const TROUBLESHOOTING_HEADING =
  /\b(troubleshoot\w*|goes wrong|go wrong|failure (modes?|patterns?)|common (failures|mistakes|problems|errors|issues)|pitfalls?|gotchas?|known (issues|problems)|debugging)\b/i;

/** A question that describes a symptom: something fails, hangs, is missing or keeps happening. */
const SYMPTOM_QUESTION =
  /\b(errors?|err\w+|fail\w*|never|not|no|nothing|doesn'?t|don'?t|won'?t|can'?t|cannot|isn'?t|aren'?t|didn'?t|stuck|hangs?|hanging|slow|timeouts?|timed out|crash\w*|broken|missing|empty|ignored|keeps?|twice|lost|denied|refused|pending|wrong|spikes?|exceeded|killed|oom\w*)\b/i;

/** A question that reports a failure outright, not only something missing or repeated. */
const FAILURE_QUESTION =
  /\b(errors?|fail\w*|crash\w*|broken|denied|refused|rejected|exceeded|killed|oom\w*|timed out|timeouts?|panic\w*|exception)\b/i;

// A question that asks for a quantity.
const QUANTITY_QUESTION =
  /\bhow (much|many|big|large|long|often)\b|\bsiz(e|es|ing)\b|\bwhat (value|number)\b/i;

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

/** A growable array of term ids, trimmed once the index is built. */
class IdBuffer {
  data: Uint32Array = new Uint32Array(1 << 16);
  n = 0;
  push(id: number) {
    if (this.n === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.n++] = id;
  }
  trim(): Uint32Array {
    return this.data.slice(0, this.n);
  }
}

/** Marks where a field ends in a section's term sequence: words never pair across it. */
const FIELD_BREAK = 0xffffffff;

/** One query term with the weight it carries: typed words 1, expansions less. */
type QueryTerm = { id: number; weight: number };

const SNIPPET_LENGTH = 220;
/** Pairs of term ids as one number (ids stay far below 2^26). */
const pairKey = (a: number, b: number) =>
  a < b ? a * 67108864 + b : b * 67108864 + a;

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

/** How likely a section is to be the answer before any word is matched. */
function sectionPrior(section: ParsedArticle['sections'][number]): number {
  if (section.id === undefined) return WEIGHTS.opening;
  return isChecklist(section.text) ? WEIGHTS.checklist : 1;
}

/** Whether a section is a checklist: three or more task-list items. */
function isChecklist(text: string): boolean {
  let n = 0;
  for (const marker of ['[ ]', '[x]', '[X]']) {
    for (
      let i = text.indexOf(marker);
      i >= 0;
      i = text.indexOf(marker, i + 3)
    ) {
      if (++n >= 3) return true;
    }
  }
  return false;
}

/** The `k` of the first `n` entries of `items` with the highest `score[item]`, best first. */
function topK(
  items: Int32Array,
  n: number,
  score: Float64Array,
  k: number,
): number[] {
  const top: number[] = [];
  let floor = -Infinity;
  for (let i = 0; i < n; i++) {
    const item = items[i];
    const v = score[item];
    if (top.length === k && v <= floor) continue;
    let at = top.length;
    while (at > 0 && score[top[at - 1]] < v) at--;
    top.splice(at, 0, item);
    if (top.length > k) top.pop();
    if (top.length === k) floor = score[top[k - 1]];
  }
  return top;
}

/**
 * A section-level inverted index: one entry per article section (the text before the first
 * heading included), scored with BM25F over the section's text, heading, parent heading and
 * the article's title and tags, plus a bonus for question words that stand together in the
 * section. Articles rank by their best section, which is also the deep link and the source of
 * the snippet. Prefix completion for the word being typed, typo tolerance for words the
 * library does not contain, and configurable synonyms and stop words.
 *
 * Terms are numbered and postings are typed arrays; a query adds into preallocated arrays, so
 * ten thousand articles (about a hundred thousand sections) stay fast and small.
 */
export class SearchIndex {
  private readonly normaliser: TermNormaliser;
  /** Stemmed term -> id. */
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  private readonly textPostings: (Postings | undefined)[] = [];
  private readonly headingPostings: (Postings | undefined)[] = [];
  private readonly keywordPostings: (Postings | undefined)[] = [];
  private readonly titlePostings: (Postings | undefined)[] = [];
  private readonly tagPostings: (Postings | undefined)[] = [];
  /** Per term: sections with it in any field, for its rarity. */
  private df: number[] = [];
  /** Every word seen (lower case, unstemmed) -> its term id, or -1 for a stop word. */
  private readonly wordTerm = new Map<string, number>();
  /** The indexed words, sorted for prefix search, and by length for typo search. */
  private surfaceWords: string[] = [];
  private readonly wordsByLength = new Map<number, string[]>();
  /** Per term: the words indexed under it, for highlighting; built on first search. */
  private termSurfaces: string[][] | undefined;

  private readonly articles: ParsedArticle[] = [];
  /** Per section: its article, its index within the article, its text length, parent, prior. */
  private sectionArticle = new Uint32Array(0);
  private sectionOrdinal = new Uint16Array(0);
  private sectionLength = new Float32Array(0);
  private sectionParent = new Int32Array(0);
  /** Per section: how likely it is to be the answer before any word is matched. */
  private sectionPrior = new Float32Array(0);
  /** Per section: 1 when its heading says it is about what goes wrong. */
  private sectionTroubleshooting = new Uint8Array(0);
  /** Per section: the share of its words that are numbers (0 to 1). */
  private sectionNumeric = new Float32Array(0);
  /**
   * Per section, its words as term ids in order (stop words left out): the article title,
   * the heading and the text, separated by FIELD_BREAK. Proximity reads these instead of
   * tokenizing section text again for every query.
   */
  private sectionTerms: Uint16Array | Uint32Array = new Uint32Array(0);
  private fieldBreak = FIELD_BREAK;
  /** Per section: where its sequence starts in sectionTerms (one more entry closes the last). */
  private sectionTermsStart = new Uint32Array(0);
  /** Collects the term sequence while building; dropped afterwards. */
  private sequence: { push(id: number): unknown } | undefined;
  /** Per article: its first section (one more entry closes the last article). */
  private articleFirstSection = new Uint32Array(0);
  private averageLength = 1;

  // Scratch space, reused by every call (search is synchronous).
  private counts = new Uint16Array(1024);
  private headingCounts = new Uint16Array(1024);
  private scores = new Float64Array(0);
  private tf = new Float64Array(0);
  private touchedBuffer = new Int32Array(0);
  private fieldBuffer = new Int32Array(0);
  private articleBuffer = new Int32Array(0);
  /** Per section: BM25's length normalisation, 1 / (1 - b + b * length / average). */
  private sectionNorm = new Float32Array(0);
  private articleBest = new Float64Array(0);
  private articleSecond = new Float64Array(0);
  private articleLink = new Float64Array(0);
  private articleSection = new Int32Array(0);

  private constructor(options: SearchVocabularyOptions) {
    this.normaliser = new TermNormaliser(options);
  }

  /** How many sections are indexed. */
  get sectionCount(): number {
    return this.sectionArticle.length;
  }

  static build(
    articles: Iterable<ParsedArticle>,
    options: SearchVocabularyOptions = {},
  ): SearchIndex {
    const index = new SearchIndex(options);
    index.add([...articles]);
    return index;
  }

  /** The term id of an indexed word, created on first sight; -1 for a stop word. */
  private indexWord(word: string): number {
    let id = this.wordTerm.get(word);
    if (id === undefined) {
      const term = this.normaliser.term(word);
      if (!term) id = -1;
      else {
        id = this.termIds.get(term);
        if (id === undefined) {
          id = this.termNames.length;
          this.termIds.set(term, id);
          this.termNames.push(term);
          this.df.push(0);
          if (id >= this.counts.length) {
            const grown = new Uint16Array(this.counts.length * 2);
            grown.set(this.counts);
            this.counts = grown;
            const grownHeading = new Uint16Array(this.counts.length);
            grownHeading.set(this.headingCounts);
            this.headingCounts = grownHeading;
          }
        }
      }
      this.wordTerm.set(word, id);
    }
    return id;
  }

  /** Words and numbers seen by the last call of count(). */
  private lastWords = 0;
  private lastNumbers = 0;

  /** Counts the terms of `text` into `counts`; returns the ids touched. */
  private count(
    text: string,
    counts: Uint16Array,
    step = TF_SCALE,
    touched: number[] = [],
  ): number[] {
    this.lastWords = 0;
    this.lastNumbers = 0;
    forEachWord(text, w => {
      this.lastWords++;
      const c = w.charCodeAt(0);
      if (c >= 48 && c <= 57) this.lastNumbers++;
      const id = this.indexWord(w);
      if (id < 0) return;
      this.sequence?.push(id);
      // indexWord may have grown the arrays: index through the field, not the argument.
      const target =
        counts === this.headingCounts ? this.headingCounts : this.counts;
      if (target[id] === 0) touched.push(id);
      target[id] = Math.min(65535, target[id] + step);
    });
    return touched;
  }

  private add(articles: ParsedArticle[]) {
    const sectionCount = articles.reduce((n, a) => n + a.sections.length, 0);
    this.sectionArticle = new Uint32Array(sectionCount);
    this.sectionOrdinal = new Uint16Array(sectionCount);
    this.sectionLength = new Float32Array(sectionCount);
    this.sectionParent = new Int32Array(sectionCount);
    this.sectionPrior = new Float32Array(sectionCount);
    this.sectionNumeric = new Float32Array(sectionCount);
    this.sectionTroubleshooting = new Uint8Array(sectionCount);
    this.articleFirstSection = new Uint32Array(articles.length + 1);
    this.sectionTermsStart = new Uint32Array(sectionCount + 1);
    const sequence = new IdBuffer();
    let s = 0;
    let totalLength = 0;
    const post = (
      lists: (Postings | undefined)[],
      id: number,
      doc: number,
      tf: number,
    ) => {
      let p = lists[id];
      if (!p) {
        p = new Postings();
        lists[id] = p;
      }
      p.add(doc, tf);
    };
    articles.forEach((article, a) => {
      this.articles.push(article);
      this.articleFirstSection[a] = s;
      const { title, tags } = article.summary;
      // The title's words in order, repeated at the head of each section's sequence.
      const titleSequence: number[] = [];
      for (const [field, lists, order] of [
        [title, this.titlePostings, titleSequence],
        [tags.join(' '), this.tagPostings, undefined],
      ] as const) {
        this.sequence = order;
        for (const id of this.count(field, this.counts, 1)) {
          post(lists, id, a, this.counts[id]);
          this.counts[id] = 0;
        }
      }
      const byId = new Map<string, number>();
      article.sections.forEach((section, i) => {
        // count() records every word it reads into the sequence; fields are parted by breaks.
        this.sectionTermsStart[s] = sequence.n;
        for (const id of titleSequence) sequence.push(id);
        sequence.push(FIELD_BREAK);
        this.sequence = sequence;
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
        // Prose counts in full, code words (YAML keys, flags) for less.
        const codeChars = section.codeChars ?? 0;
        const textIds = this.count(
          text.slice(0, text.length - codeChars),
          this.counts,
        );
        let wordCount = this.lastWords;
        let numbers = this.lastNumbers;
        if (codeChars) {
          this.count(
            text.slice(text.length - codeChars),
            this.counts,
            Math.max(1, Math.round(WEIGHTS.code * TF_SCALE)),
            textIds,
          );
          wordCount += this.lastWords;
          numbers += this.lastNumbers;
        }
        sequence.push(FIELD_BREAK);
        this.sectionNumeric[s] = wordCount ? numbers / wordCount : 0;
        const headingIds = this.count(
          section.heading ?? '',
          this.headingCounts,
          1,
        );
        let length = 0;
        for (const id of textIds) {
          post(this.textPostings, id, s, this.counts[id]);
          this.df[id]++;
          length += this.counts[id] / TF_SCALE;
        }
        for (const id of headingIds) {
          post(this.headingPostings, id, s, this.headingCounts[id]);
          if (this.counts[id] === 0) this.df[id]++;
          this.headingCounts[id] = 0;
        }
        // The author's keywords: a field of their own; no pair of words spans two of them.
        const keywordIds: number[] = [];
        for (const keyword of section.keywords ?? []) {
          sequence.push(FIELD_BREAK);
          this.count(keyword, this.headingCounts, 1, keywordIds);
        }
        this.sequence = undefined;
        for (const id of keywordIds) {
          post(this.keywordPostings, id, s, this.headingCounts[id]);
          if (this.counts[id] === 0 && !headingIds.includes(id)) this.df[id]++;
          this.headingCounts[id] = 0;
        }
        for (const id of textIds) this.counts[id] = 0;
        this.sectionLength[s] = length;
        this.sectionPrior[s] = sectionPrior(section);
        this.sectionTroubleshooting[s] = TROUBLESHOOTING_HEADING.test(
          section.heading ?? '',
        )
          ? 1
          : 0;
        totalLength += length;
        s++;
      });
    });
    this.articleFirstSection[articles.length] = s;
    this.sectionTermsStart[s] = sequence.n;
    const terms = sequence.trim();
    // Most libraries have under 65,535 terms: then half the memory does.
    if (this.termNames.length < 0xffff) {
      this.fieldBreak = 0xffff;
      this.sectionTerms = Uint16Array.from(terms, id =>
        id === FIELD_BREAK ? 0xffff : id,
      );
    } else {
      this.sectionTerms = terms;
    }
    this.averageLength = Math.max(1, totalLength / Math.max(1, s));
    for (const lists of [
      this.textPostings,
      this.headingPostings,
      this.keywordPostings,
      this.titlePostings,
      this.tagPostings,
    ]) {
      for (const p of lists) p?.trim();
    }
    this.surfaceWords = [...this.wordTerm.entries()]
      .filter(([, id]) => id >= 0)
      .map(([w]) => w)
      .sort();
    for (const w of this.surfaceWords) {
      const list = this.wordsByLength.get(w.length) ?? [];
      list.push(w);
      this.wordsByLength.set(w.length, list);
    }
    this.scores = new Float64Array(sectionCount);
    this.tf = new Float64Array(sectionCount);
    this.touchedBuffer = new Int32Array(sectionCount);
    this.fieldBuffer = new Int32Array(sectionCount);
    this.articleBuffer = new Int32Array(articles.length);
    this.sectionNorm = new Float32Array(sectionCount);
    for (let i = 0; i < sectionCount; i++) {
      this.sectionNorm[i] =
        1 /
        (1 -
          WEIGHTS.b +
          (WEIGHTS.b * this.sectionLength[i]) / this.averageLength);
    }
    this.articleBest = new Float64Array(articles.length);
    this.articleSecond = new Float64Array(articles.length);
    this.articleLink = new Float64Array(articles.length);
    this.articleSection = new Int32Array(articles.length).fill(-1);
  }

  /** The term id of a query word, if the library has it; null for a stop word. */
  private lookup(word: string): number | null | undefined {
    const id = this.wordTerm.get(word);
    if (id !== undefined) return id < 0 ? null : id;
    const term = this.normaliser.term(word);
    return term ? this.termIds.get(term) : null;
  }

  /** Index terms for a query: typed words, their synonyms, a completion of the last word, corrections. */
  private queryTerms(typed: string[]): QueryTerm[] {
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
      for (const synonym of this.normaliser.synonyms.get(word) ?? []) {
        const s = this.lookup(synonym);
        if (s !== null && s !== undefined) push(s, WEIGHTS.synonym);
      }
      // Search as you type: the last word may be unfinished.
      if (isLast && word.length >= 3) {
        const weight = id === undefined ? WEIGHTS.prefix : WEIGHTS.prefixOfWord;
        for (const w of this.completions(word)) {
          push(this.wordTerm.get(w)!, weight);
        }
      }
      // Typos are corrected in what people type, not in every word of a pasted error.
      const edits = id === undefined ? allowedEdits(word) : 0;
      if (edits > 0 && corrected++ < MAX_CORRECTED_WORDS) {
        for (const c of this.corrections(word, edits)) push(c, WEIGHTS.fuzzy);
      }
    });
    // Synonyms of several words: "external secrets operator" also finds "eso".
    for (const { words: phrase, expansions } of this.normaliser
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

  /** Term ids of words within `max` edits of a word the library does not contain. */
  private corrections(word: string, max: number): number[] {
    const found = new Set<number>();
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of this.wordsByLength.get(len) ?? []) {
        if (editDistance(word, candidate, max) <= max) {
          found.add(this.wordTerm.get(candidate)!);
        }
      }
    }
    return [...found];
  }

  /**
   * A heading's section or, when one of the sections under it scores nearly as well, that one:
   * the H3 that holds the answer is a better place to land than the H2 that introduces it.
   */
  private specificSection(sct: number): number {
    if (sct < 0) return sct;
    const end = this.articleFirstSection[this.sectionArticle[sct] + 1];
    let best = sct;
    let bestScore = this.scores[sct] * WEIGHTS.child;
    for (let c = sct + 1; c < end && this.sectionParent[c] >= sct; c++) {
      if (this.sectionParent[c] === sct && this.scores[c] > bestScore) {
        best = c;
        bestScore = this.scores[c];
      }
    }
    return best;
  }

  /** A pattern for every indexed form of the query's terms, for the snippet. */
  private matcher(queryTerms: QueryTerm[]): RegExp | undefined {
    if (!this.termSurfaces) {
      // Built on first use: which words the library indexed under each term.
      this.termSurfaces = Array.from(this.termNames, () => [] as string[]);
      for (const [word, id] of this.wordTerm) {
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

  /** How many of the question's word pairs stand close together in a section. */
  private phraseMatches(sct: number, pairs: Set<number>): number {
    const terms = this.sectionTerms;
    const end = this.sectionTermsStart[sct + 1];
    const window = WEIGHTS.phraseWindow;
    const found = new Set<number>();
    let fieldStart = this.sectionTermsStart[sct];
    for (let i = fieldStart; i < end; i++) {
      const id = terms[i];
      if (id === this.fieldBreak) {
        fieldStart = i + 1;
        continue;
      }
      for (let j = Math.max(fieldStart, i - window); j < i; j++) {
        const key = pairKey(terms[j], id);
        if (pairs.has(key)) found.add(key);
      }
    }
    return found.size;
  }

  search(query: string, limit: number): SearchResult[] {
    const typed = words(query);
    const queryTerms = this.queryTerms(typed);
    if (queryTerms.length === 0) return [];
    const sectionCount = this.sectionArticle.length;
    const { k1 } = WEIGHTS;
    const { scores, tf, sectionNorm } = this;
    // Sections with a score, in preallocated buffers: a common word reaches tens of thousands.
    const touched = this.touchedBuffer;
    let touchedCount = 0;
    // Sections that a term reaches through a heading, a parent heading, the title or tags.
    const fieldTouched = this.fieldBuffer;
    let fieldCount = 0;
    const addTf = (sct: number, value: number) => {
      if (tf[sct] === 0) fieldTouched[fieldCount++] = sct;
      tf[sct] += value;
    };

    // Rarest terms first: a very common term only adds to sections a rarer one already found,
    // so a query with a distinctive word never scans half the library for "kubernetes".
    // A pasted error line can bring a hundred words; beyond the rarest few dozen they add
    // little to the ranking but cost a postings scan each, so they are left out.
    const ordered = [...queryTerms]
      .sort((x, y) => this.df[x.id] - this.df[y.id])
      .slice(0, MAX_QUERY_TERMS);
    const commonDf = sectionCount * WEIGHTS.commonShare;
    for (const { id, weight } of ordered) {
      const df = this.df[id];
      const idf = Math.log(1 + (sectionCount - df + 0.5) / (df + 0.5));
      const scale = weight * idf * (k1 + 1);
      const onlyFound = df > commonDf && touchedCount > 0;
      // BM25F: the weighted term count over all fields, saturated once.
      const heading = this.headingPostings[id];
      if (heading) {
        for (let i = 0; i < heading.n; i++) {
          const sct = heading.docs[i];
          addTf(sct, WEIGHTS.heading * heading.tfs[i]);
          // The heading is context for the sections under it.
          const end = this.articleFirstSection[this.sectionArticle[sct] + 1];
          for (let c = sct + 1; c < end && this.sectionParent[c] >= sct; c++) {
            if (this.sectionParent[c] === sct) {
              addTf(c, WEIGHTS.parentHeading * heading.tfs[i]);
            }
          }
        }
      }
      const keywords = this.keywordPostings[id];
      if (keywords) {
        for (let i = 0; i < keywords.n; i++) {
          addTf(keywords.docs[i], WEIGHTS.keywords * keywords.tfs[i]);
        }
      }
      for (const [postings, w] of [
        [this.titlePostings[id], WEIGHTS.title],
        [this.tagPostings[id], WEIGHTS.tags],
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
      const text = this.textPostings[id];
      if (text) {
        const { docs, tfs, n } = text;
        for (let i = 0; i < n; i++) {
          const sct = docs[i];
          const before = scores[sct];
          if (onlyFound && before === 0) continue;
          const value = (tfs[i] / TF_SCALE) * sectionNorm[sct] + tf[sct];
          if (before === 0) touched[touchedCount++] = sct;
          scores[sct] = before + (scale * value) / (value + k1);
          tf[sct] = 0; // counted: the other fields' share went in with the text
        }
      }
      for (let f = 0; f < fieldCount; f++) {
        const sct = fieldTouched[f];
        const value = tf[sct];
        tf[sct] = 0;
        if (value <= 0) continue; // already counted with the text
        if (onlyFound && scores[sct] === 0) continue;
        if (scores[sct] === 0) touched[touchedCount++] = sct;
        scores[sct] += (scale * value) / (value + k1);
      }
      fieldCount = 0;
    }

    // A symptom is most often explained where the article lists what goes wrong.
    if (SYMPTOM_QUESTION.test(query)) {
      const lean = FAILURE_QUESTION.test(query)
        ? WEIGHTS.failure
        : WEIGHTS.symptom;
      for (let t = 0; t < touchedCount; t++) {
        const sct = touched[t];
        if (this.sectionTroubleshooting[sct]) scores[sct] *= lean;
      }
    }

    if (QUANTITY_QUESTION.test(query)) {
      for (let t = 0; t < touchedCount; t++) {
        const sct = touched[t];
        scores[sct] *=
          1 + WEIGHTS.numeric * Math.min(1, this.sectionNumeric[sct] * 10);
      }
    }

    // Proximity for the best candidates: question words that stand together.
    const pairs = new Set<number>();
    const ids = typed
      .map(w => this.lookup(w))
      .filter((id): id is number => id !== null && id !== undefined);
    for (let i = 1; i < ids.length; i++) {
      if (ids[i - 1] !== ids[i]) pairs.add(pairKey(ids[i - 1], ids[i]));
    }
    if (pairs.size) {
      for (const sct of topK(
        touched,
        touchedCount,
        scores,
        WEIGHTS.phraseCandidates,
      )) {
        scores[sct] += WEIGHTS.phrase * this.phraseMatches(sct, pairs);
      }
    }

    // Articles by their best section; the deep link is the best once openings and checklists give way.
    const { articleBest, articleSecond, articleLink, articleSection } = this;
    const articlesTouched = this.articleBuffer;
    let articleCount = 0;
    for (let t = 0; t < touchedCount; t++) {
      const sct = touched[t];
      const score = scores[sct];
      const a = this.sectionArticle[sct];
      if (articleSection[a] < 0) articlesTouched[articleCount++] = a;
      if (score > articleBest[a]) {
        articleSecond[a] = articleBest[a];
        articleBest[a] = score;
      } else if (score > articleSecond[a]) articleSecond[a] = score;
      const link = score * this.sectionPrior[sct];
      if (link > articleLink[a] || articleSection[a] < 0) {
        articleLink[a] = link;
        articleSection[a] = sct;
      }
    }
    for (let t = 0; t < articleCount; t++) {
      const a = articlesTouched[t];
      articleBest[a] += WEIGHTS.secondSection * articleSecond[a];
    }
    const ranked = topK(articlesTouched, articleCount, articleBest, limit).map(
      a => ({
        article: a,
        section: this.specificSection(articleSection[a]),
        score: articleBest[a],
      }),
    );
    for (let t = 0; t < touchedCount; t++) scores[touched[t]] = 0;
    for (let t = 0; t < articleCount; t++) {
      const a = articlesTouched[t];
      articleBest[a] = 0;
      articleSecond[a] = 0;
      articleLink[a] = 0;
      articleSection[a] = -1;
    }

    const match = this.matcher(queryTerms);
    const termOf = (word: string) => this.wordTerm.get(word);
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
          match,
          termOf,
        ),
      };
    });
  }
}

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
