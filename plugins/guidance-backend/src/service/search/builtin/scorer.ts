import type { IndexData } from './builder';
import { pairKey, topK } from './arrays';
import type { QueryTerm } from './queryTerms';
import {
  FAILURE_QUESTION,
  MAX_QUERY_TERMS,
  QUANTITY_QUESTION,
  SYMPTOM_QUESTION,
  TF_SCALE,
  WEIGHTS,
} from './weights';

/** An article found, with the section that answers best (its deep link). */
export type RankedArticle = { article: number; section: number; score: number };

/**
 * Scores sections with BM25F over their text, heading, parent heading, the article's title
 * and tags, plus proximity and question-kind boosts, and ranks articles by their best section.
 * Scratch arrays are allocated once per index and reused (search is synchronous).
 */
export class Scorer {
  private readonly scores: Float64Array;
  private readonly tf: Float64Array;
  /** Sections with a score: a common word reaches tens of thousands. */
  private readonly touched: Int32Array;
  private touchedCount = 0;
  /** Sections that a term reaches through a heading, a parent heading, the title or tags. */
  private readonly fieldTouched: Int32Array;
  private fieldCount = 0;
  private readonly articlesTouched: Int32Array;
  private readonly articleBest: Float64Array;
  private readonly articleSecond: Float64Array;
  private readonly articleLink: Float64Array;
  private readonly articleSection: Int32Array;

  constructor(private readonly d: IndexData) {
    const sectionCount = d.sectionArticle.length;
    const articleCount = d.articles.length;
    this.scores = new Float64Array(sectionCount);
    this.tf = new Float64Array(sectionCount);
    this.touched = new Int32Array(sectionCount);
    this.fieldTouched = new Int32Array(sectionCount);
    this.articlesTouched = new Int32Array(articleCount);
    this.articleBest = new Float64Array(articleCount);
    this.articleSecond = new Float64Array(articleCount);
    this.articleLink = new Float64Array(articleCount);
    this.articleSection = new Int32Array(articleCount).fill(-1);
  }

  /**
   * The `limit` best articles for a query.
   * @param ids the term ids of the words as typed, in order, for proximity
   */
  rank(
    query: string,
    queryTerms: QueryTerm[],
    ids: number[],
    limit: number,
  ): RankedArticle[] {
    this.touchedCount = 0;
    this.scoreTerms(queryTerms);
    this.applyQuestionKind(query);
    this.applyProximity(ids);
    return this.rankArticles(limit);
  }

  private addTf(sct: number, value: number) {
    if (this.tf[sct] === 0) this.fieldTouched[this.fieldCount++] = sct;
    this.tf[sct] += value;
  }

  private scoreTerms(queryTerms: QueryTerm[]) {
    const sectionCount = this.d.sectionArticle.length;
    const { k1 } = WEIGHTS;
    const { scores, tf, touched, fieldTouched } = this;
    const { sectionNorm } = this.d;
    // Rarest terms first: a very common term only adds to sections a rarer one already found,
    // so a query with a distinctive word never scans half the library for "kubernetes".
    // A pasted error line can bring a hundred words; beyond the rarest few dozen they add
    // little to the ranking but cost a postings scan each, so they are left out.
    const ordered = [...queryTerms]
      .sort((x, y) => this.d.df[x.id] - this.d.df[y.id])
      .slice(0, MAX_QUERY_TERMS);
    const commonDf = sectionCount * WEIGHTS.commonShare;
    for (const { id, weight } of ordered) {
      const df = this.d.df[id];
      const idf = Math.log(1 + (sectionCount - df + 0.5) / (df + 0.5));
      const scale = weight * idf * (k1 + 1);
      const onlyFound = df > commonDf && this.touchedCount > 0;
      // BM25F: the weighted term count over all fields, saturated once.
      const heading = this.d.headingPostings[id];
      if (heading) {
        for (let i = 0; i < heading.n; i++) {
          const sct = heading.docs[i];
          this.addTf(sct, WEIGHTS.heading * heading.tfs[i]);
          // The heading is context for the sections under it.
          const end =
            this.d.articleFirstSection[this.d.sectionArticle[sct] + 1];
          for (
            let c = sct + 1;
            c < end && this.d.sectionParent[c] >= sct;
            c++
          ) {
            if (this.d.sectionParent[c] === sct) {
              this.addTf(c, WEIGHTS.parentHeading * heading.tfs[i]);
            }
          }
        }
      }
      const keywords = this.d.keywordPostings[id];
      if (keywords) {
        for (let i = 0; i < keywords.n; i++) {
          this.addTf(keywords.docs[i], WEIGHTS.keywords * keywords.tfs[i]);
        }
      }
      for (const [postings, w] of [
        [this.d.titlePostings[id], WEIGHTS.title],
        [this.d.tagPostings[id], WEIGHTS.tags],
      ] as const) {
        if (!postings) continue;
        for (let i = 0; i < postings.n; i++) {
          const article = postings.docs[i];
          const end = this.d.articleFirstSection[article + 1];
          for (let c = this.d.articleFirstSection[article]; c < end; c++) {
            this.addTf(c, w * postings.tfs[i]);
          }
        }
      }
      const text = this.d.textPostings[id];
      if (text) {
        const { docs, tfs, n } = text;
        for (let i = 0; i < n; i++) {
          const sct = docs[i];
          const before = scores[sct];
          if (onlyFound && before === 0) continue;
          const value = (tfs[i] / TF_SCALE) * sectionNorm[sct] + tf[sct];
          if (before === 0) touched[this.touchedCount++] = sct;
          scores[sct] = before + (scale * value) / (value + k1);
          tf[sct] = 0; // counted: the other fields' share went in with the text
        }
      }
      for (let f = 0; f < this.fieldCount; f++) {
        const sct = fieldTouched[f];
        const value = tf[sct];
        tf[sct] = 0;
        if (value <= 0) continue; // already counted with the text
        if (onlyFound && scores[sct] === 0) continue;
        if (scores[sct] === 0) touched[this.touchedCount++] = sct;
        scores[sct] += (scale * value) / (value + k1);
      }
      this.fieldCount = 0;
    }
  }

  /** Symptoms lean to troubleshooting sections; "how many" questions to sections with numbers. */
  private applyQuestionKind(query: string) {
    const { scores, touched, touchedCount } = this;
    // A symptom is most often explained where the article lists what goes wrong.
    if (SYMPTOM_QUESTION.test(query)) {
      const lean = FAILURE_QUESTION.test(query)
        ? WEIGHTS.failure
        : WEIGHTS.symptom;
      for (let t = 0; t < touchedCount; t++) {
        const sct = touched[t];
        if (this.d.sectionTroubleshooting[sct]) scores[sct] *= lean;
      }
    }

    if (QUANTITY_QUESTION.test(query)) {
      for (let t = 0; t < touchedCount; t++) {
        const sct = touched[t];
        scores[sct] *=
          1 + WEIGHTS.numeric * Math.min(1, this.d.sectionNumeric[sct] * 10);
      }
    }
  }

  /** Proximity for the best candidates: question words that stand together. */
  private applyProximity(ids: number[]) {
    const { scores, touched, touchedCount } = this;
    const pairs = new Set<number>();
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
  }

  /** Articles by their best section; the deep link is the best once openings and checklists give way. */
  private rankArticles(limit: number): RankedArticle[] {
    const { scores, touched, touchedCount } = this;
    const { articleBest, articleSecond, articleLink, articleSection } = this;
    const articlesTouched = this.articlesTouched;
    let articleCount = 0;
    for (let t = 0; t < touchedCount; t++) {
      const sct = touched[t];
      const score = scores[sct];
      const a = this.d.sectionArticle[sct];
      if (articleSection[a] < 0) articlesTouched[articleCount++] = a;
      if (score > articleBest[a]) {
        articleSecond[a] = articleBest[a];
        articleBest[a] = score;
      } else if (score > articleSecond[a]) articleSecond[a] = score;
      const link = score * this.d.sectionPrior[sct];
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
    return ranked;
  }

  /**
   * A heading's section or, when one of the sections under it scores nearly as well, that one:
   * the H3 that holds the answer is a better place to land than the H2 that introduces it.
   */
  private specificSection(sct: number): number {
    if (sct < 0) return sct;
    const end = this.d.articleFirstSection[this.d.sectionArticle[sct] + 1];
    let best = sct;
    let bestScore = this.scores[sct] * WEIGHTS.child;
    for (let c = sct + 1; c < end && this.d.sectionParent[c] >= sct; c++) {
      if (this.d.sectionParent[c] === sct && this.scores[c] > bestScore) {
        best = c;
        bestScore = this.scores[c];
      }
    }
    return best;
  }

  /** How many of the question's word pairs stand close together in a section. */
  private phraseMatches(sct: number, pairs: Set<number>): number {
    const terms = this.d.sectionTerms;
    const end = this.d.sectionTermsStart[sct + 1];
    const window = WEIGHTS.phraseWindow;
    const found = new Set<number>();
    let fieldStart = this.d.sectionTermsStart[sct];
    for (let i = fieldStart; i < end; i++) {
      const id = terms[i];
      if (id === this.d.fieldBreak) {
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
}
