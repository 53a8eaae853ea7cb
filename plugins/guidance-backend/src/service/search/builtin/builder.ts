import type { ParsedArticle } from '../../parseArticle';
import {
  SearchVocabularyOptions,
  TermNormaliser,
  forEachWord,
} from '../../searchText';
import { IdBuffer, Postings } from './arrays';
import {
  FIELD_BREAK,
  TF_SCALE,
  TROUBLESHOOTING_HEADING,
  WEIGHTS,
} from './weights';

type Section = ParsedArticle['sections'][number];

/** The built index: read-only once built, shared by every search. */
export type IndexData = {
  normaliser: TermNormaliser;
  /** Stemmed term -> id. */
  termIds: Map<string, number>;
  termNames: string[];
  textPostings: (Postings | undefined)[];
  headingPostings: (Postings | undefined)[];
  keywordPostings: (Postings | undefined)[];
  titlePostings: (Postings | undefined)[];
  tagPostings: (Postings | undefined)[];
  /** Per term: sections with it in any field, for its rarity. */
  df: number[];
  /** Every word seen (lower case, unstemmed) -> its term id, or -1 for a stop word. */
  wordTerm: Map<string, number>;
  /** The indexed words, sorted for prefix search, and by length for typo search. */
  surfaceWords: string[];
  wordsByLength: Map<number, string[]>;
  articles: ParsedArticle[];
  /** Per section: its article, its index within the article, its parent section or -1. */
  sectionArticle: Uint32Array;
  sectionOrdinal: Uint16Array;
  sectionParent: Int32Array;
  /** Per section: how likely it is to be the answer before any word is matched. */
  sectionPrior: Float32Array;
  /** Per section: 1 when its heading says it is about what goes wrong. */
  sectionTroubleshooting: Uint8Array;
  /** Per section: the share of its words that are numbers (0 to 1). */
  sectionNumeric: Float32Array;
  /** Per section: BM25's length normalisation, 1 / (1 - b + b * length / average). */
  sectionNorm: Float32Array;
  /**
   * Per section, its words as term ids in order (stop words left out): the article title,
   * the heading and the text, separated by `fieldBreak`. Proximity reads these instead of
   * tokenizing section text again for every query.
   */
  sectionTerms: Uint16Array | Uint32Array;
  fieldBreak: number;
  /** Per section: where its sequence starts in sectionTerms (one more entry closes the last). */
  sectionTermsStart: Uint32Array;
  /** Per article: its first section (one more entry closes the last article). */
  articleFirstSection: Uint32Array;
};

/** How likely a section is to be the answer before any word is matched. */
function sectionPrior(section: Section): number {
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

/** Appends a posting, creating the term's list on first use. */
function post(
  lists: (Postings | undefined)[],
  id: number,
  doc: number,
  tf: number,
) {
  let p = lists[id];
  if (!p) {
    p = new Postings();
    lists[id] = p;
  }
  p.add(doc, tf);
}

/**
 * Builds the section-level inverted index: terms are numbered once, postings are typed
 * arrays, and each section's term sequence is kept for proximity. Used once per reload.
 */
export class IndexBuilder {
  private readonly normaliser: TermNormaliser;
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  private readonly textPostings: (Postings | undefined)[] = [];
  private readonly headingPostings: (Postings | undefined)[] = [];
  private readonly keywordPostings: (Postings | undefined)[] = [];
  private readonly titlePostings: (Postings | undefined)[] = [];
  private readonly tagPostings: (Postings | undefined)[] = [];
  private readonly df: number[] = [];
  private readonly wordTerm = new Map<string, number>();
  /** Term counts of the field being read, reset after each. */
  private counts = new Uint16Array(1024);
  private headingCounts = new Uint16Array(1024);
  /** Collects the term sequence while a section is read. */
  private sequence: { push(id: number): unknown } | undefined;
  private readonly terms = new IdBuffer();

  private readonly sectionArticle: Uint32Array;
  private readonly sectionOrdinal: Uint16Array;
  private readonly sectionLength: Float32Array;
  private readonly sectionParent: Int32Array;
  private readonly sectionPrior: Float32Array;
  private readonly sectionNumeric: Float32Array;
  private readonly sectionTroubleshooting: Uint8Array;
  private readonly sectionTermsStart: Uint32Array;
  private readonly articleFirstSection: Uint32Array;
  /** Sections added so far. */
  private s = 0;
  private totalLength = 0;

  constructor(
    private readonly articles: ParsedArticle[],
    options: SearchVocabularyOptions = {},
  ) {
    this.normaliser = new TermNormaliser(options);
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
  }

  static build(
    articles: ParsedArticle[],
    options: SearchVocabularyOptions = {},
  ): IndexData {
    const builder = new IndexBuilder(articles, options);
    articles.forEach((article, a) => builder.addArticle(article, a));
    return builder.finish();
  }

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

  private addArticle(article: ParsedArticle, a: number) {
    this.articleFirstSection[a] = this.s;
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
      const s = this.s++;
      this.sectionArticle[s] = a;
      this.sectionOrdinal[s] = Math.min(i, 65535);
      this.sectionParent[s] = section.parentId
        ? byId.get(section.parentId) ?? -1
        : -1;
      if (section.id) byId.set(section.id, s);
      this.addSection(article, section, s, titleSequence);
    });
  }

  private addSection(
    article: ParsedArticle,
    section: Section,
    s: number,
    titleSequence: number[],
  ) {
    const sequence = this.terms;
    // count() records every word it reads into the sequence; fields are parted by breaks.
    this.sectionTermsStart[s] = sequence.n;
    for (const id of titleSequence) sequence.push(id);
    sequence.push(FIELD_BREAK);
    this.sequence = sequence;
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
    const headingIds = this.count(section.heading ?? '', this.headingCounts, 1);
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
    this.totalLength += length;
  }

  private finish(): IndexData {
    const s = this.s;
    this.articleFirstSection[this.articles.length] = s;
    this.sectionTermsStart[s] = this.terms.n;
    const terms = this.terms.trim();
    // Most libraries have under 65,535 terms: then half the memory does.
    const narrow = this.termNames.length < 0xffff;
    const sectionTerms = narrow
      ? Uint16Array.from(terms, id => (id === FIELD_BREAK ? 0xffff : id))
      : terms;
    const averageLength = Math.max(1, this.totalLength / Math.max(1, s));
    for (const lists of [
      this.textPostings,
      this.headingPostings,
      this.keywordPostings,
      this.titlePostings,
      this.tagPostings,
    ]) {
      for (const p of lists) p?.trim();
    }
    const surfaceWords = [...this.wordTerm.entries()]
      .filter(([, id]) => id >= 0)
      .map(([w]) => w)
      .sort();
    const wordsByLength = new Map<number, string[]>();
    for (const w of surfaceWords) {
      const list = wordsByLength.get(w.length) ?? [];
      list.push(w);
      wordsByLength.set(w.length, list);
    }
    const sectionNorm = new Float32Array(s);
    for (let i = 0; i < s; i++) {
      sectionNorm[i] =
        1 /
        (1 - WEIGHTS.b + (WEIGHTS.b * this.sectionLength[i]) / averageLength);
    }
    return {
      normaliser: this.normaliser,
      termIds: this.termIds,
      termNames: this.termNames,
      textPostings: this.textPostings,
      headingPostings: this.headingPostings,
      keywordPostings: this.keywordPostings,
      titlePostings: this.titlePostings,
      tagPostings: this.tagPostings,
      df: this.df,
      wordTerm: this.wordTerm,
      surfaceWords,
      wordsByLength,
      articles: this.articles,
      sectionArticle: this.sectionArticle,
      sectionOrdinal: this.sectionOrdinal,
      sectionParent: this.sectionParent,
      sectionPrior: this.sectionPrior,
      sectionTroubleshooting: this.sectionTroubleshooting,
      sectionNumeric: this.sectionNumeric,
      sectionNorm,
      sectionTerms,
      fieldBreak: narrow ? 0xffff : FIELD_BREAK,
      sectionTermsStart: this.sectionTermsStart,
      articleFirstSection: this.articleFirstSection,
    };
  }
}
