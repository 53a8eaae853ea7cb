import { createHash } from 'crypto';
import {
  ConformanceHistory,
  HistoryEntry,
  daysBefore,
} from './ConformanceHistory';
import { dayOf } from './enforcement';

/**
 * Demo and browser-test seeding (`guidance.conformance.history.demoSeedDays`, never for
 * production): writes the `days` days before today through the same history store the
 * scheduled run writes, simulated backwards from today's statuses. Each entity x rule changed to
 * its current status on a day chosen from a hash of its key: a failing rule passed before that
 * day (a regression), and about a third of the passing ones failed before it (a fix), so the
 * charts and the owners' movements have something to show. Days that already have rows are
 * left alone.
 */
export async function seedDemoHistory(
  history: ConformanceHistory,
  today: HistoryEntry[],
  options: { days: number; now: Date },
): Promise<number> {
  const todayDay = dayOf(options.now);
  const firstDay = daysBefore(todayDay, options.days);
  const existing = await history.trends(firstDay, daysBefore(todayDay, 1));
  let written = 0;
  for (const [index, day] of existing.entries()) {
    if (day.pass + day.fail + day.waived > 0) continue;
    const daysAgo = options.days - index;
    const entries = today.map(entry => {
      const hash = createHash('sha256')
        .update(`${entry.entityRef}\n${entry.ruleId}`)
        .digest()
        .readUInt32BE(0);
      const changedDaysAgo = 1 + (hash % options.days);
      if (daysAgo < changedDaysAgo || entry.status === 'waived') return entry;
      if (entry.status === 'fail') return { ...entry, status: 'pass' as const };
      return hash % 3 === 0 ? { ...entry, status: 'fail' as const } : entry;
    });
    await history.record(day.date, entries);
    written += entries.length;
  }
  return written;
}
