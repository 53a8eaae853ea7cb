import { createHash } from 'crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ArticleSummary,
  CategoryCount,
  GUIDANCE_CATEGORIES,
  LifecycleTable,
} from '@paved-road/plugin-guidance-common';
import {
  ArticleParseError,
  ParsedArticle,
  parseArticle,
  toArticleResponse,
} from './parseArticle';
import { SearchIndex } from './searchIndex';
import {
  ReviewPolicy,
  defaultReviewPolicy,
  lifecycleOf,
  provenanceOf,
  utcDay,
} from './provenance';
import { SearchVocabularyOptions } from './searchText';
import { Recommender } from './recommend';
import { ArticleSource } from '@paved-road/plugin-guidance-node';

/** How the library serves: when a review is stale, and the search vocabulary. */
export type LibraryOptions = ReviewPolicy & {
  search?: SearchVocabularyOptions;
};

/** Bodies kept serialised at once; beyond this, the least recently read are made again. */
const PREPARED_BODY_CACHE_SIZE = 1000;

/** An article's API body, serialised once per reload so a request only copies bytes. */
export type PreparedBody = { json: string; etag: string };

/** Everything served at one moment; replaced whole on reload, never mutated. */
export class LibrarySnapshot {
  readonly summaries: ArticleSummary[];
  /**
   * Serialised API bodies, made on first request and kept in a bounded cache: a large
   * library would otherwise hold every article twice more (Markdown and HTML inside JSON).
   */
  readonly bodies: { get(id: string): PreparedBody | undefined };
  readonly categories: CategoryCount[];
  readonly index: SearchIndex;
  /** How long building the search index took, for the load log line. */
  readonly indexBuildMs: number;
  /** The CPU time of that build: on a shared machine, what the build itself costs. */
  readonly indexBuildCpuMs: number;
  /** The articles as served: summaries carry `reviewed` and `stale`. */
  readonly articles: ReadonlyMap<string, ParsedArticle>;
  /** The UTC day staleness was computed for; a new day rebuilds the snapshot. */
  readonly day: string;
  /** The lifecycle table staleness was computed with; a refreshed table rebuilds the snapshot. */
  readonly lifecycle: LifecycleTable;
  private preparedRecommender?: Recommender;

  constructor(
    /** The articles as parsed, before provenance: kept to rebuild on a new day. */
    readonly parsed: ReadonlyMap<string, ParsedArticle>,
    readonly policy: LibraryOptions = defaultReviewPolicy(),
  ) {
    this.day = utcDay(policy.now());
    const articles = new Map<string, ParsedArticle>();
    this.lifecycle = lifecycleOf(policy);
    for (const [id, article] of parsed) {
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
    const prepared = new Map<string, PreparedBody>();
    this.bodies = {
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
        // derived from the bytes only: every replica answers the same ETag
        const etag = `"${createHash('sha1').update(json).digest('base64url')}"`;
        const body = { json, etag };
        prepared.set(id, body);
        if (prepared.size > PREPARED_BODY_CACHE_SIZE) {
          prepared.delete(prepared.keys().next().value!);
        }
        return body;
      },
    };
    this.categories = GUIDANCE_CATEGORIES.map(c => ({
      id: c.id,
      title: c.title,
      count: this.summaries.filter(s => s.category === c.id).length,
    }));
    const started = performance.now();
    const cpu = process.cpuUsage();
    this.index = SearchIndex.build(this.articles.values(), policy.search);
    this.indexBuildMs = Math.round(performance.now() - started);
    const used = process.cpuUsage(cpu);
    this.indexBuildCpuMs = Math.round((used.user + used.system) / 1000);
  }

  static empty(policy?: LibraryOptions) {
    return new LibrarySnapshot(new Map(), policy);
  }

  /** Suggests articles for entities; prepared on first use, once per snapshot. */
  get recommender(): Recommender {
    this.preparedRecommender ??= new Recommender(
      this.articles,
      this.policy.search,
    );
    return this.preparedRecommender;
  }
}

const fileName = (path: string) => path.split('/').pop()!.replace(/\.md$/, '');

/**
 * Loads articles from its sources, validates them and keeps the last good state:
 * a source that cannot be read keeps what it served before, and an article that
 * turns invalid keeps its last valid version. Bad articles are skipped with a log
 * line naming the file and the reason.
 */
export class ArticleLibrary {
  private current: LibrarySnapshot;
  /** Per source, per file path: the last version that parsed. */
  private readonly lastGood = new Map<string, Map<string, ParsedArticle>>();
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly sources: ArticleSource[],
    private readonly logger: LoggerService,
    private readonly reviewPolicy: LibraryOptions = defaultReviewPolicy(),
  ) {
    this.current = LibrarySnapshot.empty(reviewPolicy);
    const names = sources.map(s => s.name);
    if (new Set(names).size !== names.length) {
      throw new Error(
        `guidance sources must be distinct, got ${names.join(', ')}`,
      );
    }
  }

  get snapshot(): LibrarySnapshot {
    // Staleness depends on the date and the lifecycle table: when either moves, serve the
    // same articles re-marked.
    if (
      this.current.day !== utcDay(this.reviewPolicy.now()) ||
      this.current.lifecycle !== lifecycleOf(this.reviewPolicy)
    ) {
      this.current = new LibrarySnapshot(
        this.current.parsed,
        this.reviewPolicy,
      );
    }
    return this.current;
  }

  /** Reads the given sources again (all by default); reloads run one at a time. */
  reload(only?: ArticleSource[]): Promise<void> {
    const run = this.pending.then(() => this.doReload(only ?? this.sources));
    this.pending = run.catch(() => undefined);
    return run;
  }

  private async doReload(sources: ArticleSource[]) {
    for (const source of sources) {
      await this.readSource(source);
    }
    this.current = this.assemble();
    this.logger.info(
      `Guidance search index: ${this.current.index.sectionCount} sections of ${this.current.summaries.length} articles built in ${this.current.indexBuildMs} ms (${this.current.indexBuildCpuMs} ms CPU)`,
    );
  }

  private async readSource(source: ArticleSource) {
    let files;
    try {
      files = await source.read();
    } catch (e) {
      const kept = this.lastGood.get(source.name)?.size ?? 0;
      this.logger.error(
        `Guidance source ${source.name} could not be read, keeping its last ${kept} article(s): ${e}`,
      );
      return;
    }
    const previous = this.lastGood.get(source.name) ?? new Map();
    const next = new Map<string, ParsedArticle>();
    for (const file of files) {
      const origin = `${source.name}: ${file.path}`;
      try {
        next.set(
          file.path,
          parseArticle({
            content: file.content,
            fallbackId: fileName(file.path),
            origin,
            editUrl: file.editUrl,
          }),
        );
      } catch (e) {
        const reason =
          e instanceof ArticleParseError ? e.message : `${origin}: ${e}`;
        const old = previous.get(file.path);
        if (old) {
          next.set(file.path, old);
          this.logger.warn(
            `Skipped invalid article ${reason}; still serving its last valid version`,
          );
        } else {
          this.logger.warn(`Skipped invalid article ${reason}`);
        }
      }
    }
    this.lastGood.set(source.name, next);
  }

  /** Merges sources in configured order; an id already taken is refused for the later one. */
  private assemble(): LibrarySnapshot {
    const articles = new Map<string, ParsedArticle>();
    for (const source of this.sources) {
      for (const article of this.lastGood.get(source.name)?.values() ?? []) {
        const id = article.summary.id;
        const first = articles.get(id);
        if (first) {
          this.logger.error(
            `Skipped article ${article.origin}: id "${id}" is already defined by ${first.origin}`,
          );
          continue;
        }
        articles.set(id, article);
      }
    }
    for (const article of articles.values()) {
      const missing = article.frontMatter.related.filter(
        id => !articles.has(id),
      );
      if (missing.length) {
        this.logger.warn(
          `Article ${article.origin} names unknown related ids: ${missing.join(
            ', ',
          )}`,
        );
      }
    }
    return new LibrarySnapshot(articles, this.reviewPolicy);
  }
}
