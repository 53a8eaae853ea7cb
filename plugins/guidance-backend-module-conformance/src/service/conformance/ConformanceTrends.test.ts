import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Knex } from 'knex';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { GuidanceLibraryArticle } from '@paved-road/plugin-guidance-node';
import { ConformanceService } from './ConformanceService';
import { ConformanceStore } from './ConformanceStore';
import { ConformanceTrends } from './ConformanceTrends';
import { ManifestReader } from './ManifestReader';
import { RuleEnforcement, readRuleEnforcement } from './enforcement';
import { previewRule } from './rulePreview';
import {
  deployment,
  serviceEntity,
  testRules,
  writeTree,
} from './__testUtils__/conformanceFixtures';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  // PostgreSQL where BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set, never Docker
  disableDocker: true,
});

const articles = new Map([
  [
    'probes',
    {
      summary: { id: 'probes', title: 'Health probes' },
      toc: [{ id: 'readiness', text: 'Readiness probes', level: 2 }],
    } as unknown as GuidanceLibraryArticle,
  ],
]);

/** A clock the test moves: midday UTC of the given day. */
function clock(start: string) {
  let current = new Date(`${start}T12:00:00Z`);
  return {
    now: () => current,
    set: (day: string) => {
      current = new Date(`${day}T12:00:00Z`);
    },
    next: () => {
      current = new Date(current.getTime() + 86_400_000);
      return current.toISOString().slice(0, 10);
    },
  };
}

async function setup(
  databaseId: string,
  entities: Entity[],
  options: { root: string; config?: object; start: string },
) {
  const knex: Knex = await databases.init(databaseId as any);
  const database = {
    getClient: async () => knex,
    migrations: { skip: false },
  };
  const store = await ConformanceStore.create(database);
  const time = clock(options.start);
  const conformanceConfig = new ConfigReader(options.config ?? {});
  const enforcement = new RuleEnforcement(
    readRuleEnforcement(conformanceConfig),
  );
  const sent: NotificationSendOptions[] = [];
  const notifications = {
    send: jest.fn(async (n: NotificationSendOptions) => {
      sent.push(n);
    }),
  };
  const service = new ConformanceService({
    store,
    reader: new ManifestReader({
      urlReader: mockServices.urlReader.mock(),
      localRoots: [options.root],
    }),
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    rules: () => testRules,
    articles: () => articles,
    now: time.now,
    enforcement,
  });
  const trends = await ConformanceTrends.create({
    database,
    store,
    conformanceConfig,
    enforcement,
    notifications,
    logger: mockServices.logger.mock(),
    appBaseUrl: 'http://portal.test',
    now: time.now,
  });
  /** What the scheduled task does: a run, then the history and notifications. */
  const scheduledRun = async () => {
    await service.runAll();
    return trends.afterRun();
  };
  return { knex, store, service, trends, time, sent, scheduledRun };
}

const good = deployment({ image: 'web:1.2.3', probe: true });
const noProbe = deployment({ image: 'web:1.2.3', probe: false });
const unpinned = deployment({ image: 'web:latest', probe: true });

describe.each(databases.eachSupportedId())(
  'conformance history and notifications on %s',
  databaseId => {
    it('writes one row per day per entity x rule and draws 30 days of trends from them', async () => {
      const root = mkdtempSync(join(tmpdir(), 'trends-'));
      const web = writeTree({ 'deploy/app.yaml': good }, join(root, 'web'));
      const api = writeTree({ 'deploy/app.yaml': good }, join(root, 'api'));
      const { trends, time, scheduledRun, knex } = await setup(
        databaseId,
        [
          serviceEntity(
            'web',
            { 'backstage.io/source-location': `file:${web}/` },
            'team-a',
          ),
          serviceEntity(
            'api',
            { 'backstage.io/source-location': `file:${api}/` },
            'team-b',
          ),
        ],
        { root, start: '2026-11-01' },
      );
      const days: string[] = ['2026-11-01'];
      for (let i = 0; i < 30; i++) {
        // day 11: web loses its probe; day 21: api ships an unpinned image
        if (i === 10) writeFileSync(join(web, 'deploy/app.yaml'), noProbe);
        if (i === 20) writeFileSync(join(api, 'deploy/app.yaml'), unpinned);
        await scheduledRun();
        // a second run the same day overwrites the day's rows, it adds none
        if (i === 5) await scheduledRun();
        if (i < 29) days.push(time.next());
      }
      const [{ count }] = await knex('guidance_conformance_history').count({
        count: '*',
      });
      // 30 days x 2 entities x 2 applicable rules (the CronJob rule never applies)
      expect(Number(count)).toBe(120);

      const all = await trends.history.trends(days[0], days[29]);
      expect(all).toHaveLength(30);
      expect(all[0]).toEqual({
        date: '2026-11-01',
        pass: 4,
        fail: 0,
        waived: 0,
      });
      expect(all[10]).toEqual({
        date: '2026-11-11',
        pass: 3,
        fail: 1,
        waived: 0,
      });
      expect(all[29]).toEqual({
        date: '2026-11-30',
        pass: 2,
        fail: 2,
        waived: 0,
      });

      const teamB = await trends.history.trends(days[0], days[29], {
        owner: 'group:default/team-b',
      });
      expect(teamB[19]).toEqual({
        date: '2026-11-20',
        pass: 2,
        fail: 0,
        waived: 0,
      });
      expect(teamB[20]).toEqual({
        date: '2026-11-21',
        pass: 1,
        fail: 1,
        waived: 0,
      });

      const probe = await trends.history.trends(days[0], days[29], {
        rule: 'readiness-probe',
        entityRefs: ['component:default/web'],
      });
      expect(probe.map(d => d.fail)).toEqual([
        ...Array(10).fill(0),
        ...Array(20).fill(1),
      ]);

      const byRule = await trends.history.series('rule', days[0], days[29]);
      expect(byRule.map(s => s.key)).toEqual([
        'image-pinned',
        'readiness-probe',
      ]);
      expect(byRule[0].days[29]).toMatchObject({ pass: 1, fail: 1 });

      // a day before any row counts zero, not missing
      const before = await trends.history.trends('2026-10-30', '2026-11-01');
      expect(before.map(d => d.pass)).toEqual([0, 0, 4]);

      // kept 20 days: the first ten days go
      expect(await trends.history.prune('2026-11-30', 20)).toBe(40);
      const kept = await trends.history.trends(days[0], days[29]);
      expect(kept.slice(0, 10).every(d => d.pass + d.fail === 0)).toBe(true);
      expect(kept[10].pass + kept[10].fail).toBe(4);
    });

    it('tells the owner once about a regression and about an expiring, then expired, waiver', async () => {
      const root = mkdtempSync(join(tmpdir(), 'notify-'));
      const web = writeTree({ 'deploy/app.yaml': good }, join(root, 'web'));
      const vendor = writeTree(
        { 'deploy/app.yaml': unpinned },
        join(root, 'vendor'),
      );
      const { time, sent, scheduledRun, knex } = await setup(
        databaseId,
        [
          serviceEntity(
            'web',
            { 'backstage.io/source-location': `file:${web}/` },
            'team-a',
          ),
          serviceEntity(
            'vendor',
            {
              'backstage.io/source-location': `file:${vendor}/`,
              'paved-road.dev/waive.image-pinned':
                '2026-11-20 vendor pins its own tag',
            },
            'team-b',
          ),
        ],
        { root, start: '2026-11-01' },
      );
      await scheduledRun();
      expect(sent).toEqual([]); // nothing regressed; the waiver has 19 days left

      writeFileSync(join(web, 'deploy/app.yaml'), noProbe);
      await scheduledRun();
      await scheduledRun(); // the same regression, seen again: no second notification
      time.next();
      await scheduledRun();
      expect(sent).toHaveLength(1);
      expect(sent[0]).toEqual({
        recipients: { type: 'entity', entityRef: 'group:default/team-a' },
        payload: expect.objectContaining({
          title: 'component:default/web: now fails (readiness-probe)',
          link: 'http://portal.test/catalog/default/component/web',
          severity: 'high',
          topic: 'conformance',
        }),
      });

      // 2026-11-06: 14 days before the waiver's date
      time.set('2026-11-05');
      await scheduledRun();
      expect(sent).toHaveLength(1);
      time.set('2026-11-06');
      await scheduledRun();
      time.set('2026-11-07');
      await scheduledRun();
      expect(sent).toHaveLength(2);
      expect(sent[1].recipients).toEqual({
        type: 'entity',
        entityRef: 'group:default/team-b',
      });
      expect(sent[1].payload.title).toBe(
        'component:default/vendor: waiver expires soon (image-pinned)',
      );
      expect(sent[1].payload.description).toContain('expires on 2026-11-20');

      // the day after its date the waiver has lapsed: told once
      time.set('2026-11-21');
      await scheduledRun();
      time.set('2026-11-22');
      await scheduledRun();
      expect(sent).toHaveLength(3);
      expect(sent[2].payload.title).toBe(
        'component:default/vendor: waiver expired (image-pinned)',
      );
      // the lapsed waiver turned a waived result into a failure: that is not a second regression
      expect(
        sent.filter(n => n.payload.title.includes('now fails')),
      ).toHaveLength(1);

      const rows = await knex('guidance_conformance_notifications').orderBy(
        'reason',
      );
      expect(rows.map(r => [r.entity_ref, r.rule_id, r.reason])).toEqual([
        ['component:default/web', 'readiness-probe', 'regression'],
        ['component:default/vendor', 'image-pinned', 'waiver-expired'],
        ['component:default/vendor', 'image-pinned', 'waiver-expiring'],
      ]);
      expect(rows.every(r => r.sent_at)).toBe(true);
    });

    it('holds the notifications of a digest owner for one weekly digest', async () => {
      const root = mkdtempSync(join(tmpdir(), 'digest-'));
      const web = writeTree({ 'deploy/app.yaml': good }, join(root, 'web'));
      const { trends, sent, scheduledRun } = await setup(
        databaseId,
        [
          serviceEntity(
            'web',
            { 'backstage.io/source-location': `file:${web}/` },
            'team-a',
          ),
        ],
        {
          root,
          start: '2026-11-01',
          config: { notifications: { weeklyDigest: ['team-a'] } },
        },
      );
      await scheduledRun();
      writeFileSync(
        join(web, 'deploy/app.yaml'),
        deployment({ image: 'web:latest', probe: false }),
      );
      await scheduledRun();
      expect(sent).toEqual([]);
      expect(await trends.notifier!.sendDigests()).toBe(1);
      expect(sent).toHaveLength(1);
      expect(sent[0].recipients).toEqual({
        type: 'entity',
        entityRef: 'group:default/team-a',
      });
      expect(sent[0].payload.title).toBe(
        'Conformance this week: 2 items for group:default/team-a',
      );
      expect(sent[0].payload.description).toContain('rule image-pinned');
      expect(sent[0].payload.description).toContain('rule readiness-probe');
      // sent once: the next digest has nothing
      expect(await trends.notifier!.sendDigests()).toBe(0);
    });

    it('stages a rule: audit, then warn with a preview and a notice, then enforced on its date', async () => {
      const root = mkdtempSync(join(tmpdir(), 'staged-'));
      const web = writeTree({ 'deploy/app.yaml': unpinned }, join(root, 'web'));
      const entities = [
        serviceEntity(
          'web',
          { 'backstage.io/source-location': `file:${web}/` },
          'team-a',
        ),
      ];
      // audit: stored and on the overview, not on the entity; owners not told
      const audit = await setup(databaseId, entities, {
        root,
        start: '2026-11-01',
        config: { rules: { 'image-pinned': { enforcement: 'audit' } } },
      });
      await audit.scheduledRun();
      const onEntity = await audit.service.getEntityConformance(
        'component:default/web',
      );
      expect(
        onEntity!.results
          .filter(r => r.status !== 'not-applicable')
          .map(r => r.rule.id),
      ).toEqual(['readiness-probe']);
      expect(onEntity!.summary).toMatchObject({ pass: 1, fail: 0 });
      expect(onEntity!.summary.warn).toBeUndefined();
      const [overview] = await audit.service.listConformance([
        'component:default/web',
      ]);
      const audited = overview.conformance.results.find(
        r => r.rule.id === 'image-pinned',
      );
      expect(audited).toMatchObject({ status: 'fail', enforcement: 'audit' });
      expect(overview.conformance.summary).toMatchObject({ fail: 0, warn: 1 });
      // the preview shows who enforcing it would turn red, before anyone is affected
      const preview = previewRule(
        'image-pinned',
        await audit.store.getEntitiesWithResults(),
        audit.time.now(),
      );
      expect(preview).toEqual({
        rule: 'image-pinned',
        entities: [
          {
            entityRef: 'component:default/web',
            owner: 'group:default/team-a',
            findings: [
              expect.objectContaining({
                message: 'image web:latest is not pinned',
              }),
            ],
          },
        ],
      });
      expect(audit.sent).toEqual([]);

      // warn, enforced from 2026-12-01
      const staged = await setup(databaseId, entities, {
        root,
        start: '2026-11-10',
        config: {
          rules: {
            'image-pinned': { enforcement: 'warn', enforceFrom: '2026-12-01' },
          },
        },
      });
      await staged.scheduledRun();
      const warned = await staged.service.getEntityConformance(
        'component:default/web',
      );
      expect(
        warned!.results.find(r => r.rule.id === 'image-pinned'),
      ).toMatchObject({
        status: 'fail',
        enforcement: 'warn',
      });
      expect(warned!.summary).toMatchObject({ pass: 1, fail: 0, warn: 1 });
      // 21 days ahead: no notice yet; 14 days ahead: one
      expect(staged.sent).toEqual([]);
      staged.time.set('2026-11-17');
      await staged.scheduledRun();
      staged.time.set('2026-11-18');
      await staged.scheduledRun();
      expect(staged.sent).toHaveLength(1);
      expect(staged.sent[0].payload.title).toBe(
        'component:default/web: rule will be enforced soon (image-pinned)',
      );
      expect(staged.sent[0].payload.description).toBe(
        'Rule image-pinned is enforced from 2026-12-01 (in 14 days) and component:default/web fails it.',
      );

      staged.time.set('2026-11-30');
      expect(
        (await staged.service.getEntityConformance('component:default/web'))!
          .summary,
      ).toMatchObject({ fail: 0, warn: 1 });
      staged.time.set('2026-12-01');
      const enforced = await staged.service.getEntityConformance(
        'component:default/web',
      );
      const result = enforced!.results.find(r => r.rule.id === 'image-pinned')!;
      expect(result.status).toBe('fail');
      expect(result.enforcement).toBeUndefined();
      expect(enforced!.summary).toMatchObject({ pass: 1, fail: 1 });
      expect(enforced!.summary.warn).toBeUndefined();
    });
  },
);
