import { NotFoundError } from '@backstage/errors';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ArticleSectionContent,
  ArticleSummary,
  CategoryCount,
  Recommendation,
  SearchResult,
} from '@paved-road/plugin-guidance-common';
import type { ArticleLibrary } from './ArticleLibrary';
import type { PreparedBody } from './LibraryView';
import { sectionMarkdown } from './markdownSections';
import { ParsedArticle, toSectionContents } from './parseArticle';
import type { Dependency, EntityLike } from './recommend';
import { BuiltinSearchEngine } from './search/BuiltinSearchEngine';
import type { GuidanceSearchEngine } from './search/GuidanceSearchEngine';

/** The one "no such article" error of the guidance API. */
export function articleNotFound(id: string): NotFoundError {
  return new NotFoundError(`No guidance article with id "${id}"`);
}

export type GuidanceServiceOptions = {
  library: ArticleLibrary;
  /** Answers `search`; defaults to the library's built-in index. */
  searchEngine?: GuidanceSearchEngine;
};

/**
 * The guidance library as the router and the actions use it: list, get, sections, search,
 * recommend. The only reader of the library's snapshot; every answer carries the staleness
 * of the moment it is asked.
 */
export class GuidanceService {
  private readonly library: ArticleLibrary;
  private readonly engine: GuidanceSearchEngine;

  constructor(options: GuidanceServiceOptions) {
    this.library = options.library;
    this.engine =
      options.searchEngine ??
      new BuiltinSearchEngine(() => this.library.snapshot.index);
  }

  listArticles(
    filter: { category?: string; tag?: string } = {},
  ): ArticleSummary[] {
    const { category, tag } = filter;
    return this.library.snapshot.summaries.filter(
      s =>
        (!category || s.category === category) &&
        (!tag || s.tags.includes(tag)),
    );
  }

  categories(): CategoryCount[] {
    return this.library.snapshot.categories;
  }

  hasArticle(id: string): boolean {
    return this.library.snapshot.articles.has(id);
  }

  /** The article as served now; NotFoundError when there is none. */
  getArticle(id: string): ParsedArticle {
    const article = this.library.snapshot.articles.get(id);
    if (!article) throw articleNotFound(id);
    return article;
  }

  /** The article route's body, serialised once with its ETag. */
  getArticleBody(id: string): PreparedBody {
    const body = this.library.snapshot.bodies.get(id);
    if (!body) throw articleNotFound(id);
    return body;
  }

  /** The source Markdown, whole or one section of it (with the sections under it). */
  getMarkdown(id: string, section?: string): string {
    const article = this.getArticle(id);
    if (!section) return article.markdown;
    const found = sectionMarkdown(article, section);
    if (!found) {
      throw new NotFoundError(
        `Guidance article "${id}" has no section "${section}"`,
      );
    }
    return found.markdown;
  }

  /** Every section with its text: what search collators index. */
  getSections(id: string): ArticleSectionContent[] {
    return toSectionContents(this.getArticle(id).sections);
  }

  async search(
    query: string,
    limit: number,
    options: { credentials?: BackstageCredentials } = {},
  ): Promise<SearchResult[]> {
    const results = await this.engine.search({ query, limit, ...options });
    const { articles } = this.library.snapshot;
    // a result that may be out of date says so where it is chosen
    return results.map(result => {
      const summary = articles.get(result.id)?.summary;
      return summary?.stale
        ? { ...result, stale: true, staleReasons: summary.staleReasons ?? [] }
        : result;
    });
  }

  recommend(
    entity: EntityLike,
    dependencies: readonly Dependency[] = [],
  ): Recommendation[] {
    return this.library.snapshot.recommend(entity, dependencies);
  }
}
