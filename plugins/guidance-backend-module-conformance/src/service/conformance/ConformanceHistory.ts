import { Knex } from 'knex';
import { dayOf, daysBetween } from './enforcement';

const HISTORY = 'guidance_conformance_history';

/** A rule's status for an entity on a day, waivers applied; not-applicable is not kept. */
export type HistoryStatus = 'pass' | 'fail' | 'waived';

export type HistoryEntry = {
  entityRef: string;
  ruleId: string;
  owner?: string;
  status: HistoryStatus;
};

/** A rule that changed status for an entity since the last day recorded before this one. */
export type HistoryTransition = HistoryEntry & { from: HistoryStatus };

export type TrendDay = {
  date: string;
  pass: number;
  fail: number;
  waived: number;
};

export type TrendFilter = {
  owner?: string;
  rule?: string;
  /** Only these entities (what the caller may see); all when absent. */
  entityRefs?: string[];
  /** Rules left out (those switched off). */
  excludeRules?: string[];
};

type HistoryRow = {
  day: string;
  entity_ref: string;
  rule_id: string;
  owner: string | null;
  status: string;
};

/** SQLite limits bound variables per statement; batches stay well below it. */
const BATCH = 100;

/** Days from `from` to `to`, inclusive, as YYYY-MM-DD. */
export function dayRange(from: string, to: string): string[] {
  const days: string[] = [];
  const count = daysBetween(from, to);
  for (let i = 0; i <= count; i++) {
    days.push(
      dayOf(new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000)),
    );
  }
  return days;
}

/** The day `days` before `day`. */
export function daysBefore(day: string, days: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000));
}

/**
 * Conformance over time in the plugin's database: every run writes each entity x rule's
 * status for its day (a later run the same day overwrites it), so a day holds the last word.
 */
export class ConformanceHistory {
  constructor(private readonly knex: Knex) {}

  /**
   * Upserts `day`'s rows and returns what changed against the entity x rule's latest earlier
   * status (that day's own row first, else the most recent day before it).
   */
  async record(
    day: string,
    entries: HistoryEntry[],
  ): Promise<HistoryTransition[]> {
    const previous = await this.latestBefore(day, entries);
    const rows: HistoryRow[] = entries.map(e => ({
      day,
      entity_ref: e.entityRef,
      rule_id: e.ruleId,
      owner: e.owner ?? null,
      status: e.status,
    }));
    for (let i = 0; i < rows.length; i += BATCH) {
      await this.knex(HISTORY)
        .insert(rows.slice(i, i + BATCH))
        .onConflict(['day', 'entity_ref', 'rule_id'])
        .merge(['owner', 'status']);
    }
    const transitions: HistoryTransition[] = [];
    for (const entry of entries) {
      const from = previous.get(`${entry.entityRef}\n${entry.ruleId}`);
      if (from && from !== entry.status) transitions.push({ ...entry, from });
    }
    return transitions;
  }

  /** The latest status on or before `day` of each entity x rule among `entries`. */
  private async latestBefore(day: string, entries: HistoryEntry[]) {
    const refs = [...new Set(entries.map(e => e.entityRef))];
    const latest = new Map<string, { day: string; status: HistoryStatus }>();
    for (let i = 0; i < refs.length; i += BATCH) {
      const batch = refs.slice(i, i + BATCH);
      // the newest day per entity x rule, then its row
      const newest = this.knex(HISTORY)
        .select('entity_ref', 'rule_id')
        .max({ day: 'day' })
        .whereIn('entity_ref', batch)
        .andWhere('day', '<=', day)
        .groupBy('entity_ref', 'rule_id')
        .as('newest');
      const rows: HistoryRow[] = await this.knex(HISTORY)
        .join(newest, function on() {
          this.on(`${HISTORY}.entity_ref`, '=', 'newest.entity_ref')
            .andOn(`${HISTORY}.rule_id`, '=', 'newest.rule_id')
            .andOn(`${HISTORY}.day`, '=', 'newest.day');
        })
        .select(
          `${HISTORY}.entity_ref`,
          `${HISTORY}.rule_id`,
          `${HISTORY}.day`,
          `${HISTORY}.status`,
        );
      for (const row of rows) {
        latest.set(`${row.entity_ref}\n${row.rule_id}`, {
          day: row.day,
          status: row.status as HistoryStatus,
        });
      }
    }
    return new Map([...latest].map(([key, v]) => [key, v.status]));
  }

  /** Daily counts from `from` to `to` (inclusive); a day without rows counts zero. */
  async trends(
    from: string,
    to: string,
    filter: TrendFilter = {},
  ): Promise<TrendDay[]> {
    const counts = new Map<string, TrendDay>(
      dayRange(from, to).map(date => [
        date,
        { date, pass: 0, fail: 0, waived: 0 },
      ]),
    );
    for (const row of await this.countRows(from, to, filter, [])) {
      const day = counts.get(row.day);
      if (day) day[row.status as HistoryStatus] += Number(row.count);
    }
    return [...counts.values()];
  }

  /**
   * Daily counts per rule or per owner: one series each, days as in `trends`. Entities with no
   * owner are left out of the per-owner series.
   */
  async series(
    by: 'rule' | 'owner',
    from: string,
    to: string,
    filter: TrendFilter = {},
  ): Promise<{ key: string; days: TrendDay[] }[]> {
    const column = by === 'rule' ? 'rule_id' : 'owner';
    const days = dayRange(from, to);
    const series = new Map<string, Map<string, TrendDay>>();
    for (const row of await this.countRows(from, to, filter, [column])) {
      const key = (row as any)[column] as string | null;
      if (!key) continue;
      let byDay = series.get(key);
      if (!byDay) {
        byDay = new Map(
          days.map(date => [date, { date, pass: 0, fail: 0, waived: 0 }]),
        );
        series.set(key, byDay);
      }
      const day = byDay.get(row.day);
      if (day) day[row.status as HistoryStatus] += Number(row.count);
    }
    return [...series.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, byDay]) => ({ key, days: [...byDay.values()] }));
  }

  private async countRows(
    from: string,
    to: string,
    filter: TrendFilter,
    groupBy: string[],
  ): Promise<{ day: string; status: string; count: number | string }[]> {
    const query = (refs?: string[]) => {
      const q = this.knex(HISTORY)
        .select('day', 'status', ...groupBy)
        .count({ count: '*' })
        .whereBetween('day', [from, to])
        .groupBy('day', 'status', ...groupBy);
      if (filter.owner) q.andWhere('owner', filter.owner);
      if (filter.rule) q.andWhere('rule_id', filter.rule);
      if (filter.excludeRules?.length)
        q.whereNotIn('rule_id', filter.excludeRules);
      if (refs) q.whereIn('entity_ref', refs);
      return q;
    };
    if (!filter.entityRefs) return (await query()) as any;
    const rows = [];
    for (let i = 0; i < filter.entityRefs.length; i += BATCH) {
      rows.push(
        ...((await query(filter.entityRefs.slice(i, i + BATCH))) as any[]),
      );
    }
    return rows;
  }

  /** Keeps the last `retentionDays` days, today included; returns how many rows went. */
  async prune(today: string, retentionDays: number): Promise<number> {
    return this.knex(HISTORY)
      .where('day', '<', daysBefore(today, retentionDays - 1))
      .delete();
  }
}

/** One owner's first and last day in a window, and how its share of failures moved. */
export type OwnerMovement = {
  owner: string;
  from: TrendDay;
  to: TrendDay;
  /** Change of the failing share in percentage points: negative is better. */
  failShareChange: number;
};

const failShare = (d: TrendDay) => {
  const total = d.pass + d.fail + d.waived;
  return total === 0 ? 0 : (100 * d.fail) / total;
};

/**
 * Per owner, the first and the last day with data in the series, and how the share of failing
 * results moved between them; most improved first.
 */
export function ownerMovements(
  series: { key: string; days: TrendDay[] }[],
): OwnerMovement[] {
  const movements: OwnerMovement[] = [];
  for (const { key, days } of series) {
    const withData = days.filter(d => d.pass + d.fail + d.waived > 0);
    if (withData.length < 2) continue;
    const from = withData[0];
    const to = withData[withData.length - 1];
    const change = failShare(to) - failShare(from);
    movements.push({
      owner: key,
      from,
      to,
      failShareChange: Math.round(change * 10) / 10,
    });
  }
  return movements.sort(
    (a, b) =>
      a.failShareChange - b.failShareChange || a.owner.localeCompare(b.owner),
  );
}
