import { LoggerService } from '@backstage/backend-plugin-api';
import { ArticleParseError, ParsedArticle, parseArticle } from './parseArticle';
import { SearchIndex } from './search/builtin/SearchIndex';
import { ReviewPolicy, defaultReviewPolicy } from './provenance';
import { LibraryView } from './LibraryView';
import { SearchVocabularyOptions } from './searchText';
import { Recommender } from './recommend';
import { ArticleSource } from '@paved-road/plugin-guidance-node';

/** How the library serves: when a review is stale, and the search vocabulary. */
export type LibraryOptions = ReviewPolicy & {
  search?: SearchVocabularyOptions;
};

/**
 * What one reload produced: the parsed articles, their search index and the recommender.
 * Built only on reload, never inside a request, and never mutated; staleness, which moves
 * with the date, is added when read ({@link LibraryView}).
 */
export class LibrarySnapshot {
  readonly index: SearchIndex;
  readonly recommender: Recommender;
  /** How long building the search index took, for the load log line. */
  readonly indexBuildMs: number;
  /** The CPU time of that build: on a shared machine, what the build itself costs. */
  readonly indexBuildCpuMs: number;

  constructor(
    /** The articles as parsed, before provenance. */
    readonly parsed: ReadonlyMap<string, ParsedArticle>,
    search: SearchVocabularyOptions = {},
  ) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    this.index = SearchIndex.build(parsed.values(), search);
    this.indexBuildMs = Math.round(performance.now() - started);
    const used = process.cpuUsage(cpu);
    this.indexBuildCpuMs = Math.round((used.user + used.system) / 1000);
    this.recommender = new Recommender(parsed, search);
  }

  static empty() {
    return new LibrarySnapshot(new Map());
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
  private view: LibraryView;
  /** Per source, per file path: the last version that parsed. */
  private readonly lastGood = new Map<string, Map<string, ParsedArticle>>();
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly sources: ArticleSource[],
    private readonly logger: LoggerService,
    private readonly reviewPolicy: LibraryOptions = defaultReviewPolicy(),
  ) {
    this.current = LibrarySnapshot.empty();
    this.view = new LibraryView(this.current, reviewPolicy);
    const names = sources.map(s => s.name);
    if (new Set(names).size !== names.length) {
      throw new Error(
        `guidance sources must be distinct, got ${names.join(', ')}`,
      );
    }
  }

  /**
   * The library as served now. Staleness depends on the date and the lifecycle table: when
   * either moves, the same snapshot is re-marked (no index is rebuilt here).
   */
  get snapshot(): LibraryView {
    if (!this.view.isCurrent(this.current, this.reviewPolicy)) {
      this.view = new LibraryView(this.current, this.reviewPolicy);
    }
    return this.view;
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
      `Guidance search index: ${this.current.index.sectionCount} sections of ${this.current.parsed.size} articles built in ${this.current.indexBuildMs} ms (${this.current.indexBuildCpuMs} ms CPU)`,
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
    return new LibrarySnapshot(articles, this.reviewPolicy.search);
  }
}
