import { Readable } from 'stream';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import pLimit from 'p-limit';
import {
  ArticleSectionContent,
  ArticleSummary,
  DEFAULT_ARTICLE_PATH,
  articleUrl,
} from '@paved-road/plugin-guidance-common';
import type { GuidanceService } from '@paved-road/plugin-guidance-node';

/**
 * A search document for one section of a guidance article.
 *
 * @public
 */
export interface GuidanceSectionDocument extends IndexableDocument {
  /** The article's id: `/guidance/<articleId>` opens it. */
  articleId: string;
  /** The article's title (the document's `title` is the section's). */
  articleTitle: string;
  /** The heading this section sits under; absent for the article's opening text. */
  section?: string;
  /** The heading's id, the anchor the location ends with. */
  sectionId?: string;
  /** The heading above this one (an H3's H2), for context in results. */
  parentSection?: string;
  /** The article's category id, e.g. `databases`. */
  category: string;
  /** The article's tags. */
  tags: string[];
  /**
   * The author's search keywords for the section (`<!-- search: … -->`), comma-separated;
   * always present (empty when none), since Lunr takes its fields from the first document.
   */
  keywords: string;
  /**
   * Why the article may be out of date (`Kubernetes 1.34: end of life since 2026-10-27`), as the
   * guidance API says; empty when it is current. Every section carries its article's reasons,
   * so a result deep in a stale article is marked too.
   */
  staleReasons: string[];
}

/**
 * What {@link GuidanceCollatorFactory} reads the articles with, and how.
 *
 * @public
 */
export type GuidanceCollatorFactoryOptions = {
  /** The guidance backend (`guidanceServiceRef`). */
  guidance: GuidanceService;
  /** Where the collation reports what it read. */
  logger: LoggerService;
  /** Where an article opens in the app; `:id` is replaced. Defaults to `/guidance/:id`. */
  locationTemplate?: string;
  /** How many articles are read at once. Defaults to 5. */
  parallelism?: number;
};

export const DEFAULT_LOCATION_TEMPLATE = DEFAULT_ARTICLE_PATH;
const DEFAULT_PARALLELISM = 5;

// Tokens with no letter or digit (table rules, pipes, braces) carry nothing searchable.
const PUNCTUATION_ONLY = /(^|\s)[^\p{L}\p{N}\s]+(?=\s|$)/gu;

/** A section's text as a search engine should see it: words, with code kept as its words. */
export function cleanText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(PUNCTUATION_ONLY, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `items` mapped with at most `parallelism` calls in flight (p-limit), yielded in the input's
 * order, so a large library is collated quickly without flooding the guidance backend.
 */
async function* mapBounded<T, R>(
  items: T[],
  parallelism: number,
  fn: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const limit = pLimit(parallelism);
  const results = items.map(item => limit(() => fn(item)));
  // a failure is thrown where it is awaited, in order; never reported as unhandled before that
  results.forEach(r => r.catch(() => undefined));
  for (const result of results) {
    yield await result;
  }
}

/**
 * Reads the guidance backend through `guidanceServiceRef` and yields one document per section,
 * using the backend's own parse (`GET /articles/:id/sections`): every document opens its own
 * heading, whatever the Markdown looks like (setext headings, `#` lines in code, repeated titles).
 *
 * @public
 */
export class GuidanceCollatorFactory implements DocumentCollatorFactory {
  /** The search document type: `guidance`. */
  readonly type = 'guidance';
  private readonly locationTemplate: string;
  private readonly parallelism: number;

  constructor(private readonly options: GuidanceCollatorFactoryOptions) {
    this.locationTemplate =
      options.locationTemplate ?? DEFAULT_LOCATION_TEMPLATE;
    if (!this.locationTemplate.includes(':id')) {
      throw new Error(
        `search.collators.guidance.locationTemplate must contain :id, got "${this.locationTemplate}"`,
      );
    }
    this.parallelism = options.parallelism ?? DEFAULT_PARALLELISM;
    if (!Number.isInteger(this.parallelism) || this.parallelism < 1) {
      throw new Error(
        `search.collators.guidance.parallelism must be a whole number of at least 1, got ${this.parallelism}`,
      );
    }
  }

  /** A stream of one {@link GuidanceSectionDocument} per section of every article. */
  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private location(articleId: string, sectionId?: string): string {
    return articleUrl({
      id: articleId,
      section: sectionId,
      path: this.locationTemplate,
    });
  }

  private async *documents(): AsyncGenerator<GuidanceSectionDocument> {
    const { guidance, logger } = this.options;
    const { items } = await guidance.listArticles();
    let count = 0;
    for await (const { summary, sections } of mapBounded(
      items,
      this.parallelism,
      async article => ({
        summary: article,
        sections: (await guidance.getArticleSections(article.id)).items,
      }),
    )) {
      for (const document of this.toDocuments(summary, sections)) {
        count++;
        yield document;
      }
    }
    logger.debug(
      `Collated ${items.length} guidance articles into ${count} documents`,
    );
  }

  private *toDocuments(
    article: ArticleSummary,
    sections: ArticleSectionContent[],
  ): Generator<GuidanceSectionDocument> {
    const headings = new Map(
      sections.filter(s => s.id).map(s => [s.id!, s.heading!]),
    );
    for (const section of sections) {
      const text = cleanText(section.text);
      const parent = section.parentId
        ? headings.get(section.parentId)
        : undefined;
      if (!section.id && !text) continue;
      yield {
        title: section.heading
          ? `${article.title} › ${section.heading}`
          : article.title,
        text: text || article.summary,
        location: this.location(article.id, section.id),
        articleId: article.id,
        articleTitle: article.title,
        ...(section.id
          ? { section: section.heading, sectionId: section.id }
          : {}),
        ...(parent ? { parentSection: parent } : {}),
        category: article.category,
        tags: article.tags,
        keywords: (section.keywords ?? []).join(', '),
        staleReasons: article.staleReasons ?? [],
      };
    }
  }
}
