import {
  ArticleSummary,
  CategoryCount,
  GUIDANCE_CATEGORIES,
  LifecycleTable,
  Recommendation,
} from '@paved-road/plugin-guidance-common';
import { ParsedArticle, toArticleResponse } from './parseArticle';
import { etagOf } from './etag';
import type { LibraryOptions, LibrarySnapshot } from './ArticleLibrary';
import { lifecycleOf, provenanceOf, utcDay } from './provenance';
import type { Dependency, EntityLike } from './recommend';
import type { SearchIndex } from './search/builtin/SearchIndex';

/** Bodies kept serialised at once; beyond this, the least recently read are made again. */
const PREPARED_BODY_CACHE_SIZE = 1000;

/**
 * An article's API body, serialised once per view so a request only writes bytes: the JSON
 * as UTF-8 (what the route sends, with no per-request conversion) and its ETag.
 */
export type PreparedBody = { bytes: Buffer; etag: string };

/**
 * The library as served on one UTC day with one lifecycle table: the snapshot's articles with
 * their staleness. Made when read, from a snapshot that does not change: a new day re-marks
 * the articles (a pass over their front matter) and never rebuilds the search index.
 */
export class LibraryView {
  readonly day: string;
  readonly lifecycle: LifecycleTable;
  /** The articles as served: summaries carry `reviewed`, `stale` and `staleReasons`. */
  readonly articles: ReadonlyMap<string, ParsedArticle>;
  readonly summaries: ArticleSummary[];
  readonly categories: CategoryCount[];
  /**
   * Serialised API bodies, made on first request and kept in a bounded cache: a large
   * library would otherwise hold every article twice more (HTML inside JSON).
   */
  readonly bodies: { get(id: string): PreparedBody | undefined };
  /** For callers written against the snapshot: recommendations with today's staleness. */
  readonly recommender: {
    recommend(
      entity: EntityLike,
      dependencies?: Dependency[],
    ): Recommendation[];
  };

  constructor(readonly snapshot: LibrarySnapshot, policy: LibraryOptions) {
    this.day = utcDay(policy.now());
    this.lifecycle = lifecycleOf(policy);
    const articles = new Map<string, ParsedArticle>();
    for (const [id, article] of snapshot.parsed) {
      const { reviewed, stale, staleReasons, versionNotes } = provenanceOf(
        article.frontMatter,
        { ...policy, lifecycle: () => this.lifecycle },
      );
      articles.set(id, {
        ...article,
        summary: {
          ...article.summary,
          ...(reviewed ? { reviewed } : {}),
          stale,
          staleReasons,
        },
        versionNotes,
      });
    }
    this.articles = articles;
    this.summaries = [...articles.values()]
      .map(a => a.summary)
      .sort((a, b) => a.title.localeCompare(b.title));
    this.categories = GUIDANCE_CATEGORIES.map(c => ({
      id: c.id,
      title: c.title,
      count: this.summaries.filter(s => s.category === c.id).length,
    }));
    this.bodies = preparedBodies(articles);
    this.recommender = {
      recommend: (entity, dependencies) => this.recommend(entity, dependencies),
    };
  }

  /** Whether this view still says what the policy says now. */
  isCurrent(snapshot: LibrarySnapshot, policy: LibraryOptions): boolean {
    return (
      this.snapshot === snapshot &&
      this.day === utcDay(policy.now()) &&
      this.lifecycle === lifecycleOf(policy)
    );
  }

  /** The built-in search index of the snapshot (built on reload, not per view). */
  get index(): SearchIndex {
    return this.snapshot.index;
  }

  /** The snapshot's recommendations, each article with its staleness today. */
  recommend(
    entity: EntityLike,
    dependencies: readonly Dependency[] = [],
  ): Recommendation[] {
    return this.snapshot.recommender
      .recommend(entity, dependencies)
      .map(item => ({
        ...item,
        article: this.articles.get(item.article.id)?.summary ?? item.article,
      }));
  }
}

function preparedBodies(articles: ReadonlyMap<string, ParsedArticle>) {
  const prepared = new Map<string, PreparedBody>();
  return {
    get: (id: string) => {
      const cached = prepared.get(id);
      if (cached) {
        // most recently used last, so the oldest is the one evicted
        prepared.delete(id);
        prepared.set(id, cached);
        return cached;
      }
      const article = articles.get(id);
      if (!article) return undefined;
      const related = article.frontMatter.related
        .map(r => articles.get(r)?.summary)
        .filter((s): s is ArticleSummary => Boolean(s));
      const json = JSON.stringify(toArticleResponse(article, related));
      const body = { bytes: Buffer.from(json, 'utf8'), etag: etagOf(json) };
      prepared.set(id, body);
      if (prepared.size > PREPARED_BODY_CACHE_SIZE) {
        prepared.delete(prepared.keys().next().value!);
      }
      return body;
    },
  };
}
