import { Knex } from 'knex';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { RuleResultFinding } from '@paved-road/plugin-guidance-common';

const ENTITIES = 'guidance_conformance_entities';
const RESULTS = 'guidance_conformance_results';

/** The stored outcome of one rule for one entity; status before waivers are applied. */
export type StoredRuleResult = {
  ruleId: string;
  status: 'pass' | 'fail' | 'not-applicable';
  findings: RuleResultFinding[];
  waiver?: { until: string; reason: string };
};

/** One evaluated entity: where its manifests came from and what every rule said. */
export type StoredEntity = {
  entityRef: string;
  owner?: string;
  location: string;
  etag?: string;
  error?: string;
  fingerprint: string;
  evaluatedAt: string;
};

export type StoredEntityWithResults = StoredEntity & {
  results: StoredRuleResult[];
};

type EntityRow = {
  entity_ref: string;
  owner: string | null;
  location: string;
  etag: string | null;
  error: string | null;
  fingerprint: string;
  evaluated_at: string;
};

type ResultRow = {
  entity_ref: string;
  rule_id: string;
  status: string;
  findings: string;
  waiver_until: string | null;
  waiver_reason: string | null;
  evaluated_at: string;
};

const toEntity = (row: EntityRow): StoredEntity => ({
  entityRef: row.entity_ref,
  ...(row.owner ? { owner: row.owner } : {}),
  location: row.location,
  ...(row.etag ? { etag: row.etag } : {}),
  ...(row.error ? { error: row.error } : {}),
  fingerprint: row.fingerprint,
  evaluatedAt: row.evaluated_at,
});

const toResult = (row: ResultRow): StoredRuleResult => ({
  ruleId: row.rule_id,
  status: row.status as StoredRuleResult['status'],
  findings: JSON.parse(row.findings),
  ...(row.waiver_until
    ? { waiver: { until: row.waiver_until, reason: row.waiver_reason ?? '' } }
    : {}),
});

/** SQLite limits bound variables per statement; batches stay well below it. */
const BATCH = 100;

/** Conformance rows in the plugin's own database (SQLite in development, PostgreSQL in production). */
export class ConformanceStore {
  static async create(database: DatabaseService): Promise<ConformanceStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@paved-road/plugin-guidance-backend-module-conformance',
          'migrations',
        ),
        tableName: 'guidance__knex_migrations',
      });
    }
    return new ConformanceStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  /** Replaces an entity's row and all its results in one transaction. */
  async saveEntity(entity: StoredEntity, results: StoredRuleResult[]) {
    await this.knex.transaction(async tx => {
      const row: EntityRow = {
        entity_ref: entity.entityRef,
        owner: entity.owner ?? null,
        location: entity.location,
        etag: entity.etag ?? null,
        error: entity.error ?? null,
        fingerprint: entity.fingerprint,
        evaluated_at: entity.evaluatedAt,
      };
      await tx(ENTITIES)
        .insert(row)
        .onConflict('entity_ref')
        .merge([
          'owner',
          'location',
          'etag',
          'error',
          'fingerprint',
          'evaluated_at',
        ]);
      await tx(RESULTS).where('entity_ref', entity.entityRef).delete();
      const rows: ResultRow[] = results.map(r => ({
        entity_ref: entity.entityRef,
        rule_id: r.ruleId,
        status: r.status,
        findings: JSON.stringify(r.findings),
        waiver_until: r.waiver?.until ?? null,
        waiver_reason: r.waiver?.reason ?? null,
        evaluated_at: entity.evaluatedAt,
      }));
      for (let i = 0; i < rows.length; i += BATCH) {
        await tx(RESULTS).insert(rows.slice(i, i + BATCH));
      }
    });
  }

  /** Records that an unchanged source was seen again: only the owner may have moved. */
  async touchEntity(entityRef: string, owner: string | undefined) {
    await this.knex(ENTITIES)
      .where('entity_ref', entityRef)
      .update({ owner: owner ?? null });
  }

  async getEntity(entityRef: string): Promise<StoredEntity | undefined> {
    const row = await this.knex<EntityRow>(ENTITIES)
      .where('entity_ref', entityRef)
      .first();
    return row ? toEntity(row) : undefined;
  }

  /** Every stored entity, without results: what a run compares against. */
  async listEntities(): Promise<StoredEntity[]> {
    const rows = await this.knex<EntityRow>(ENTITIES).select();
    return rows.map(toEntity);
  }

  /** Entities with their results; all of them, or the given refs. */
  async getEntitiesWithResults(
    entityRefs?: string[],
  ): Promise<StoredEntityWithResults[]> {
    const entities: EntityRow[] = [];
    const results: ResultRow[] = [];
    if (entityRefs) {
      for (let i = 0; i < entityRefs.length; i += BATCH) {
        const batch = entityRefs.slice(i, i + BATCH);
        entities.push(
          ...(await this.knex<EntityRow>(ENTITIES).whereIn(
            'entity_ref',
            batch,
          )),
        );
        results.push(
          ...(await this.knex<ResultRow>(RESULTS).whereIn('entity_ref', batch)),
        );
      }
    } else {
      entities.push(...(await this.knex<EntityRow>(ENTITIES).select()));
      results.push(...(await this.knex<ResultRow>(RESULTS).select()));
    }
    const byEntity = new Map<string, StoredRuleResult[]>();
    for (const row of results) {
      const list = byEntity.get(row.entity_ref) ?? [];
      list.push(toResult(row));
      byEntity.set(row.entity_ref, list);
    }
    return entities.map(row => ({
      ...toEntity(row),
      results: byEntity.get(row.entity_ref) ?? [],
    }));
  }

  /** Drops entities that left the catalog (their results go with them). */
  async deleteEntitiesExcept(keep: Set<string>) {
    const stored = await this.knex<EntityRow>(ENTITIES).select('entity_ref');
    const gone = stored.map(r => r.entity_ref).filter(ref => !keep.has(ref));
    for (let i = 0; i < gone.length; i += BATCH) {
      const batch = gone.slice(i, i + BATCH);
      await this.knex(RESULTS).whereIn('entity_ref', batch).delete();
      await this.knex(ENTITIES).whereIn('entity_ref', batch).delete();
    }
    return gone.length;
  }
}
