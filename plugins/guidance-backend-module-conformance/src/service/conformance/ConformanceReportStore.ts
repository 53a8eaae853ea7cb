import { Knex } from 'knex';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  ConformanceReport,
  ConformanceSummary,
  RuleResult,
  summarize,
} from '@paved-road/plugin-guidance-common';

const REPORTS = 'guidance_conformance_reports';
/**
 * Refs kept per entity: the newest reports win. Pull requests come and go; without a bound
 * an active repository's list would only grow.
 */
export const MAX_REPORT_REFS_PER_ENTITY = 50;

type ReportRow = {
  entity_ref: string;
  ref: string;
  url: string | null;
  title: string | null;
  commit: string | null;
  received_at: string;
  summary: string;
  results: string;
};

/** A report as a CI job sends it, the results already checked against the schema. */
export type IncomingReport = {
  ref: string;
  results: RuleResult[];
  url?: string;
  title?: string;
  commit?: string;
};

/** One stored report, with its results. */
export type StoredReport = IncomingReport & {
  entityRef: string;
  receivedAt: string;
  summary: ConformanceSummary;
};

const toReport = (row: ReportRow): StoredReport => ({
  entityRef: row.entity_ref,
  ref: row.ref,
  ...(row.url ? { url: row.url } : {}),
  ...(row.title ? { title: row.title } : {}),
  ...(row.commit ? { commit: row.commit } : {}),
  receivedAt: row.received_at,
  summary: JSON.parse(row.summary),
  results: JSON.parse(row.results),
});

/**
 * The branch an entity's source location names (`…/tree/<branch>/…` on GitHub,
 * `…/-/tree/<branch>/…` on GitLab, `…/src/<branch>/…` on Bitbucket); otherwise undefined.
 */
export function branchOfLocation(location: string | undefined) {
  if (!location) return undefined;
  const match = /\/(?:-\/)?(?:tree|blob|src)\/([^/?#]+)/.exec(
    location.replace(/^url:/, ''),
  );
  return match ? decodeURIComponent(match[1]) : undefined;
}

/**
 * The reports as the entity conformance answer lists them: the default branch first, then the
 * other refs, newest first. Each with its counts and, per failing rule, where its first finding is.
 */
export function toReportSummaries(
  reports: StoredReport[],
  defaultBranch: string | undefined,
): ConformanceReport[] {
  const isDefault = (ref: string) =>
    defaultBranch ? ref === defaultBranch : ref === 'main' || ref === 'master';
  return [...reports]
    .sort(
      (a, b) =>
        Number(isDefault(b.ref)) - Number(isDefault(a.ref)) ||
        b.receivedAt.localeCompare(a.receivedAt),
    )
    .map(report => ({
      ref: report.ref,
      defaultBranch: isDefault(report.ref),
      ...(report.url ? { url: report.url } : {}),
      ...(report.title ? { title: report.title } : {}),
      ...(report.commit ? { commit: report.commit } : {}),
      receivedAt: report.receivedAt,
      summary: {
        pass: report.summary.pass,
        fail: report.summary.fail,
        waived: report.summary.waived,
      },
      failing: report.results
        .filter(r => r.status === 'fail')
        .map(r => {
          const at = r.findings.find(f => f.file) ?? r.findings[0];
          return {
            ruleId: r.rule.id,
            title: r.rule.title,
            severity: r.rule.severity,
            ...(at?.file ? { file: at.file } : {}),
            ...(at?.line !== undefined ? { line: at.line } : {}),
          };
        }),
    }));
}

/** CI reports in the plugin's database: the latest per entity x ref. */
export class ConformanceReportStore {
  static async create(
    database: DatabaseService,
  ): Promise<ConformanceReportStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      // the same folder and table as ConformanceStore: a second call finds nothing to do
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@paved-road/plugin-guidance-backend-module-conformance',
          'migrations',
        ),
        tableName: 'guidance__knex_migrations',
      });
    }
    return new ConformanceReportStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  /** Stores a report for its ref, replacing that ref's previous one; drops the oldest refs past the bound. */
  async save(
    entityRef: string,
    report: IncomingReport,
    receivedAt: Date,
  ): Promise<StoredReport> {
    const summary = summarize(report.results);
    const row: ReportRow = {
      entity_ref: entityRef,
      ref: report.ref,
      url: report.url ?? null,
      title: report.title ?? null,
      commit: report.commit ?? null,
      received_at: receivedAt.toISOString(),
      summary: JSON.stringify(summary),
      results: JSON.stringify(report.results),
    };
    await this.knex.transaction(async tx => {
      await tx(REPORTS)
        .insert(row)
        .onConflict(['entity_ref', 'ref'])
        .merge(['url', 'title', 'commit', 'received_at', 'summary', 'results']);
      const old = await tx<ReportRow>(REPORTS)
        .where('entity_ref', entityRef)
        .orderBy('received_at', 'desc')
        .offset(MAX_REPORT_REFS_PER_ENTITY)
        .select('ref');
      if (old.length > 0) {
        await tx(REPORTS)
          .where('entity_ref', entityRef)
          .whereIn(
            'ref',
            old.map(r => r.ref),
          )
          .delete();
      }
    });
    return toReport(row);
  }

  async list(entityRef: string): Promise<StoredReport[]> {
    const rows = await this.knex<ReportRow>(REPORTS)
      .where('entity_ref', entityRef)
      .orderBy('received_at', 'desc');
    return rows.map(toReport);
  }
}
