import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityFilterQuery } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityConformance,
  RuleSummary,
  readWaivers,
} from '@paved-road/plugin-guidance-common';
import {
  GuidanceRule,
  ManifestFile,
  RuleInput,
  evaluateRulesAsync,
  TooManyDocumentsError,
  parseManifests,
  toResultFinding,
} from '@paved-road/plugin-guidance-node';
import { GuidanceLibraryArticle as ParsedArticle } from '@paved-road/plugin-guidance-node';
import pLimit from 'p-limit';
import { MAX_OBJECTS, ruleSummary } from '../rules/RuleRegistry';
import { ConformanceStore, StoredEntityWithResults } from './ConformanceStore';
import {
  MANAGED_BY_LOCATION_ANNOTATION,
  ManifestReader,
  SOURCE_LOCATION_ANNOTATION,
  SourceReadError,
  sourceTargetOf,
} from './ManifestReader';
import { ConformanceView, RuleEnforcement } from './enforcement';
import {
  CONFORMANCE_ENTITY_FIELDS,
  DEFAULT_CONFORMANCE_KINDS,
  conformanceEntityFilter,
  conformanceFingerprint,
  oneLine,
  ownerOf,
} from './conformanceEntities';
import { entityConformanceOf } from './entityConformance';

/** Re-exported: callers and tests read it from here. */
export { oneLine };

export type ConformanceRunStats = {
  entities: number;
  evaluated: number;
  unchanged: number;
  errors: number;
  /** Left for the next run: the run's time budget was spent. */
  deferred: number;
  removed: number;
  durationMs: number;
};

/** What a refresh request got: a new evaluation queued, or the one already pending. */
export type RefreshOutcome = 'queued' | 'joined';

export type EvaluationOutcome = 'evaluated' | 'unchanged' | 'error';

/**
 * Continuous conformance: reads each catalog entity's manifests, runs every rule over
 * them and keeps the outcome per entity x rule in the plugin's database. Waivers are
 * stored with the results and applied when read, so one lapses on its date without a run.
 */
export class ConformanceService {
  private readonly now: () => Date;
  private readonly concurrency: number;
  private readonly filter: EntityFilterQuery;

  constructor(
    private readonly options: {
      store: ConformanceStore;
      reader: ManifestReader;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      rules: () => GuidanceRule[];
      /** Objects one source may hold; more is reported as too large. Defaults to 5,000. */
      maxObjects?: number;
      /**
       * How a source's files become rule input; the backend parses off its event loop and
       * stops past `maxObjects` documents (TooManyDocumentsError).
       */
      parse?: (
        files: ManifestFile[],
        options: { maxObjects: number },
      ) => Promise<RuleInput>;
      articles: () => ReadonlyMap<string, ParsedArticle>;
      concurrency?: number;
      kinds?: string[];
      now?: () => Date;
      /** Staged rules (`guidance.conformance.rules`); every rule is enforced without it. */
      enforcement?: RuleEnforcement;
    },
  ) {
    this.now = options.now ?? (() => new Date());
    this.concurrency = options.concurrency ?? 4;
    this.refreshLimit = pLimit(this.concurrency);
    this.filter = conformanceEntityFilter(
      options.kinds ?? DEFAULT_CONFORMANCE_KINDS,
    );
  }

  /**
   * One scheduled pass over the catalog. Entities evaluated longest ago go first; once
   * `budgetMs` has passed no new evaluation starts, and the rest wait for the next run. That
   * keeps a run well inside its task timeout, which is also how long a crashed replica's lock
   * blocks the others.
   */
  async runAll(
    options: { budgetMs?: number } = {},
  ): Promise<ConformanceRunStats> {
    const started = Date.now();
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const { items } = await this.options.catalog.getEntities(
      { filter: this.filter, fields: CONFORMANCE_ENTITY_FIELDS },
      { credentials },
    );
    const stored = new Map(
      (await this.options.store.listEntities()).map(e => [e.entityRef, e]),
    );
    const stats: ConformanceRunStats = {
      entities: 0,
      evaluated: 0,
      unchanged: 0,
      errors: 0,
      deferred: 0,
      removed: 0,
      durationMs: 0,
    };
    const seen = new Set<string>();
    const lastEvaluated = (e: Entity) =>
      stored.get(stringifyEntityRef(e))?.evaluatedAt ?? '';
    const ordered = [...items].sort((a, b) =>
      lastEvaluated(a).localeCompare(lastEvaluated(b)),
    );
    const deadline =
      options.budgetMs === undefined ? Infinity : started + options.budgetMs;
    const limit = pLimit(this.concurrency);
    const evaluate = async (entity: Entity) => {
      const ref = stringifyEntityRef(entity);
      if (seen.has(ref)) return;
      seen.add(ref);
      stats.entities += 1;
      if (Date.now() >= deadline) {
        stats.deferred += 1;
        return;
      }
      const outcome = await this.evaluateEntity(entity, {
        previous: stored.get(ref),
      });
      if (outcome === 'evaluated') stats.evaluated += 1;
      else if (outcome === 'unchanged') stats.unchanged += 1;
      else stats.errors += 1;
    };
    await Promise.all(ordered.map(entity => limit(() => evaluate(entity))));
    stats.removed = await this.options.store.deleteEntitiesExcept(seen);
    stats.durationMs = Date.now() - started;
    this.options.logger.info(
      `Conformance run: ${stats.entities} entities, ${stats.evaluated} evaluated, ${stats.unchanged} unchanged, ${stats.errors} unreadable, ${stats.deferred} left for the next run, ${stats.removed} removed in ${stats.durationMs} ms`,
    );
    return stats;
  }

  /**
   * Queues an evaluation of the entity and returns at once. One evaluation per entity is
   * pending at a time: a request while one is queued or running joins it (a forced request
   * makes the pending one forced). Evaluations run at most `concurrency` at a time, beside
   * the scheduled run's.
   */
  requestEvaluation(
    entity: Entity,
    options: { force?: boolean } = {},
  ): { outcome: RefreshOutcome; done: Promise<EvaluationOutcome> } {
    const ref = stringifyEntityRef(entity);
    const pending = this.pending.get(ref);
    if (pending && !pending.started) {
      pending.force = pending.force || Boolean(options.force);
      return { outcome: 'joined', done: pending.done };
    }
    if (pending) {
      // running: its result is what the caller asked for unless forced past it
      if (!options.force) return { outcome: 'joined', done: pending.done };
    }
    let resolveDone!: (outcome: EvaluationOutcome) => void;
    const entry = {
      entity,
      force: Boolean(options.force),
      started: false,
      done: new Promise<EvaluationOutcome>(r => {
        resolveDone = r;
      }),
      resolve: (o: EvaluationOutcome) => resolveDone(o),
    };
    // a forced request while one runs waits for it, then runs again
    const after = pending?.done ?? Promise.resolve();
    this.pending.set(ref, entry);
    after.then(() =>
      this.refreshLimit(async () => {
        entry.started = true;
        const outcome = await this.evaluateEntity(entity, {
          force: entry.force,
        }).catch(() => 'error' as const);
        if (this.pending.get(ref) === entry) this.pending.delete(ref);
        entry.resolve(outcome);
      }),
    );
    return { outcome: 'queued', done: entry.done };
  }

  private readonly pending = new Map<
    string,
    {
      entity: Entity;
      force: boolean;
      started: boolean;
      done: Promise<EvaluationOutcome>;
      resolve: (o: EvaluationOutcome) => void;
    }
  >();
  /** Requested evaluations run at most `concurrency` at a time, in the order asked. */
  private readonly refreshLimit: pLimit.Limit;

  /**
   * Evaluates one entity. Skips the rules when the source's ETag, the rule set and the
   * entity's waivers are what the stored results were computed with (unless `force`).
   */
  async evaluateEntity(
    entity: Entity,
    options: {
      force?: boolean;
      previous?: {
        etag?: string;
        fingerprint: string;
        error?: string;
        owner?: string;
      };
    } = {},
  ): Promise<EvaluationOutcome> {
    const { store, reader, logger } = this.options;
    const entityRef = stringifyEntityRef(entity);
    const owner = ownerOf(entity);
    const rules = this.options.rules();
    const previous = options.force
      ? undefined
      : options.previous ?? (await store.getEntity(entityRef));
    const evaluatedAt = this.now().toISOString();
    let location =
      entity.metadata.annotations?.[SOURCE_LOCATION_ANNOTATION] ??
      entity.metadata.annotations?.[MANAGED_BY_LOCATION_ANNOTATION] ??
      '';
    const fingerprint = conformanceFingerprint(entity, rules, location);
    try {
      const target = sourceTargetOf(entity);
      if (!target) throw new SourceReadError('entity names no source location');
      location = target.location;
      const canSkip =
        previous && !previous.error && previous.fingerprint === fingerprint;
      const read = await reader.read(
        target,
        canSkip ? previous.etag : undefined,
      );
      if (!read.changed) {
        // only the owner can have moved; most runs write nothing at all
        if (previous?.owner !== owner)
          await store.touchEntity(entityRef, owner);
        return 'unchanged';
      }
      const maxObjects = this.options.maxObjects ?? MAX_OBJECTS;
      const tooMany = (count: string) =>
        new SourceReadError(
          `too large: ${count} objects; conformance evaluates at most ${maxObjects} per source (guidance.conformance.maxObjects)`,
        );
      let input: RuleInput;
      try {
        input = this.options.parse
          ? await this.options.parse(read.files, { maxObjects })
          : parseManifests(read.files);
      } catch (error) {
        if (error instanceof TooManyDocumentsError) {
          throw tooMany(`more than ${maxObjects}`);
        }
        throw error;
      }
      if (input.objects.length > maxObjects) {
        throw tooMany(String(input.objects.length));
      }
      const evaluations = await evaluateRulesAsync(rules, { ...input, entity });
      const { waivers, invalid } = readWaivers(entity);
      await store.saveEntity(
        {
          entityRef,
          owner,
          location,
          etag: read.etag,
          fingerprint,
          evaluatedAt,
        },
        evaluations.map(e => {
          const waiver = waivers.get(e.rule.id);
          const note = invalid.get(e.rule.id);
          return {
            ruleId: e.rule.id,
            status: e.status,
            findings: [
              ...e.findings.map(toResultFinding),
              ...(note ? [{ message: note }] : []),
            ],
            ...(waiver ? { waiver } : {}),
          };
        }),
      );
      return 'evaluated';
    } catch (error) {
      const message =
        error instanceof SourceReadError
          ? error.message
          : `could not read source: ${(error as Error)?.message ?? error}`;
      // the message can quote an annotation: no control characters reach the log line
      logger.warn(`Conformance of ${entityRef}: ${oneLine(message)}`);
      await store.saveEntity(
        {
          entityRef,
          owner,
          location,
          error: message,
          fingerprint,
          evaluatedAt,
        },
        [],
      );
      return 'error';
    }
  }

  /** Rule metadata as the API shows it: the article's title and the heading's text. */
  ruleSummaries(): RuleSummary[] {
    const articles = this.options.articles();
    return this.options.rules().map(rule => ruleSummary(rule, articles));
  }

  /** Stored rows as the API shape, waivers applied as of now; rules no longer registered drop out. */
  toEntityConformance(
    stored: StoredEntityWithResults,
    summaries: RuleSummary[] = this.ruleSummaries(),
    view: ConformanceView = 'entity',
  ): EntityConformance {
    return entityConformanceOf(stored, summaries, {
      now: this.now(),
      view,
      enforcement: this.options.enforcement,
    });
  }

  async getEntityConformance(
    entityRef: string,
  ): Promise<EntityConformance | undefined> {
    const [stored] = await this.options.store.getEntitiesWithResults([
      entityRef,
    ]);
    return stored ? this.toEntityConformance(stored) : undefined;
  }

  /** Conformance of the given (visible) entities, with their owners as stored. */
  async listConformance(
    entityRefs: string[],
  ): Promise<{ owner?: string; conformance: EntityConformance }[]> {
    const summaries = this.ruleSummaries();
    const stored = await this.options.store.getEntitiesWithResults(entityRefs);
    return stored
      .map(s => ({
        ...(s.owner ? { owner: s.owner } : {}),
        conformance: this.toEntityConformance(s, summaries, 'overview'),
      }))
      .sort((a, b) =>
        a.conformance.entityRef.localeCompare(b.conformance.entityRef),
      );
  }

  /** For callers that read with a user's credentials: the entities that user may see. */
  async visibleEntities(credentials: BackstageCredentials): Promise<Entity[]> {
    const { items } = await this.options.catalog.getEntities(
      { filter: this.filter, fields: CONFORMANCE_ENTITY_FIELDS },
      { credentials },
    );
    return items;
  }
}
