import { SearchResult } from '@paved-road/plugin-guidance-common';
import type { ParsedArticle } from '../../parseArticle';
import { SearchVocabularyOptions, words } from '../../searchText';
import { IndexBuilder, IndexData } from './builder';
import { QueryTerms } from './queryTerms';
import { Scorer } from './scorer';
import { TermMatcher, snippet } from './snippets';

/**
 * A section-level inverted index: one entry per article section (the text before the first
 * heading included), scored with BM25F over the section's text, heading, parent heading and
 * the article's title and tags, plus a bonus for question words that stand together in the
 * section. Articles rank by their best section, which is also the deep link and the source of
 * the snippet. Prefix completion for the word being typed, typo tolerance for words the
 * library does not contain, and configurable synonyms and stop words.
 *
 * Terms are numbered and postings are typed arrays; a query adds into preallocated arrays, so
 * ten thousand articles (about a hundred thousand sections) stay fast and small. Built by
 * {@link IndexBuilder}, scored by {@link Scorer}, shown with {@link snippet}.
 */
export class SearchIndex {
  private readonly terms: QueryTerms;
  private readonly scorer: Scorer;
  private readonly matcher: TermMatcher;

  private constructor(private readonly d: IndexData) {
    this.terms = new QueryTerms(d);
    this.scorer = new Scorer(d);
    this.matcher = new TermMatcher(d);
  }

  static build(
    articles: Iterable<ParsedArticle>,
    options: SearchVocabularyOptions = {},
  ): SearchIndex {
    return new SearchIndex(IndexBuilder.build([...articles], options));
  }

  /** How many sections are indexed. */
  get sectionCount(): number {
    return this.d.sectionArticle.length;
  }

  search(
    query: string,
    limit: number,
  ): Omit<SearchResult, 'stale' | 'staleReasons'>[] {
    const typed = words(query);
    const queryTerms = this.terms.queryTerms(typed);
    if (queryTerms.length === 0) return [];
    const ids = typed
      .map(w => this.terms.lookup(w))
      .filter((id): id is number => id !== null && id !== undefined);
    const ranked = this.scorer.rank(query, queryTerms, ids, limit);
    const match = this.matcher.matcher(queryTerms);
    return ranked.map(({ article: a, section: sct, score }) => {
      const article = this.d.articles[a];
      const section = article.sections[this.d.sectionOrdinal[sct]];
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
          this.matcher.termOf,
        ),
      };
    });
  }
}
