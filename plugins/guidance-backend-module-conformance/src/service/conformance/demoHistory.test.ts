import { TestDatabases } from '@backstage/backend-test-utils';
import { ConformanceStore } from './ConformanceStore';
import { ConformanceHistory, HistoryEntry } from './ConformanceHistory';
import { seedDemoHistory } from './demoHistory';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('demo history seeding', () => {
  it('fills the days before today from today, a failing rule passing before its change day, once', async () => {
    const knex = await databases.init('SQLITE_3');
    await ConformanceStore.create({
      getClient: async () => knex,
      migrations: { skip: false },
    });
    const history = new ConformanceHistory(knex);
    const today: HistoryEntry[] = [
      {
        entityRef: 'component:default/a',
        ruleId: 'r1',
        owner: 'group:default/t',
        status: 'fail',
      },
      {
        entityRef: 'component:default/a',
        ruleId: 'r2',
        owner: 'group:default/t',
        status: 'waived',
      },
    ];
    const now = new Date('2026-12-06T10:00:00Z');
    expect(await seedDemoHistory(history, today, { days: 30, now })).toBe(60);
    const days = await history.trends('2026-11-06', '2026-12-05');
    expect(days).toHaveLength(30);
    // every simulated day holds both rules; the waived one never changes
    expect(
      days.every(d => d.pass + d.fail + d.waived === 2 && d.waived === 1),
    ).toBe(true);
    // the failing rule passed at first and fails from its change day on: one step, no flapping
    const fails = days.map(d => d.fail);
    expect(fails[0]).toBe(0);
    expect(fails[29]).toBe(1);
    expect(fails.join('')).toMatch(/^0+1+$/);
    // days that have rows are left alone
    expect(await seedDemoHistory(history, today, { days: 30, now })).toBe(0);
  });
});
