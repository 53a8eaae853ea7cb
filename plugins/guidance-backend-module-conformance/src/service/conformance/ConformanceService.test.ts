import { mkdtempSync, symlinkSync, utimesSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Knex } from 'knex';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { NotModifiedError } from '@backstage/errors';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { GuidanceLibraryArticle } from '@paved-road/plugin-guidance-node';
import { ConformanceService, oneLine } from './ConformanceService';
import { ConformanceStore } from './ConformanceStore';
import { ManifestReader } from './ManifestReader';
import {
  deployment,
  serviceEntity,
  testRules,
  writeTree,
} from './__testUtils__/conformanceFixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  // PostgreSQL where BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set (.ci/run), never Docker
  disableDocker: true,
});

const articles = new Map<string, GuidanceLibraryArticle>([
  [
    'probes',
    {
      summary: { title: 'Health probes' },
      toc: [{ id: 'readiness', text: 'Readiness probes', level: 2 }],
    },
  ],
]);

async function setup(
  databaseId: string,
  entities: Entity[],
  options: {
    localRoots: string[];
    urlReader?: UrlReaderService;
    now?: () => Date;
  },
) {
  const knex: Knex = await databases.init(databaseId as any);
  const store = await ConformanceStore.create({
    getClient: async () => knex,
    migrations: { skip: false },
  });
  const service = new ConformanceService({
    store,
    reader: new ManifestReader({
      urlReader: options.urlReader ?? mockServices.urlReader.mock(),
      localRoots: options.localRoots,
    }),
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    rules: () => testRules,
    articles: () => articles,
    now: options.now,
  });
  return { service, store, knex };
}

describe.each(databases.eachSupportedId())(
  'ConformanceService on %s',
  databaseId => {
    it('stores a result per entity x rule with evidence, and skips an unchanged source', async () => {
      const root = mkdtempSync(join(tmpdir(), 'conformance-root-'));
      const good = writeTree(
        { 'deploy/app.yaml': deployment({ image: 'web:1.2.3', probe: true }) },
        join(root, 'good'),
      );
      const bad = writeTree(
        { 'k8s/app.yaml': deployment({ image: 'web:latest', probe: false }) },
        join(root, 'bad'),
      );
      writeTree({ 'src/ignored.yaml': 'kind: Deployment' }, bad);
      const { service, knex } = await setup(
        databaseId,
        [
          serviceEntity('good', {
            'backstage.io/source-location': `file:${good}/`,
          }),
          serviceEntity('bad', {
            'backstage.io/source-location': `file:${bad}/`,
          }),
        ],
        { localRoots: [root] },
      );

      const first = await service.runAll();
      expect(first).toMatchObject({
        entities: 2,
        evaluated: 2,
        unchanged: 0,
        errors: 0,
      });

      const goodResult = await service.getEntityConformance(
        'component:default/good',
      );
      expect(goodResult?.summary).toEqual({
        pass: 2,
        fail: 0,
        waived: 0,
        notApplicable: 1,
      });
      expect(goodResult?.source.etag).toBeTruthy();

      const badResult = await service.getEntityConformance(
        'component:default/bad',
      );
      expect(badResult?.summary).toEqual({
        pass: 0,
        fail: 2,
        waived: 0,
        notApplicable: 1,
      });
      const probe = badResult!.results.find(
        r => r.rule.id === 'readiness-probe',
      )!;
      expect(probe.status).toBe('fail');
      expect(probe.rule.article).toEqual({
        id: 'probes',
        title: 'Health probes',
        section: { id: 'readiness', text: 'Readiness probes' },
      });
      expect(probe.findings).toEqual([
        {
          file: 'k8s/app.yaml',
          object: 'Deployment/web',
          // the container's list item, stored and served with the result
          line: 9,
          column: 11,
          message: 'container web has no readiness probe',
        },
      ]);
      // failing rules come first
      expect(badResult!.results[0].status).toBe('fail');

      const rows = await knex('guidance_conformance_results').count({ n: '*' });
      expect(Number(rows[0].n)).toBe(6);

      // nothing changed: no rule runs, stored results stay
      const second = await service.runAll();
      expect(second).toMatchObject({ entities: 2, evaluated: 0, unchanged: 2 });

      // a changed file is read again
      writeTree(
        { 'k8s/app.yaml': deployment({ image: 'web:2.0.0', probe: true }) },
        bad,
      );
      utimesSync(
        join(bad, 'k8s/app.yaml'),
        new Date(),
        new Date(Date.now() + 5000),
      );
      const third = await service.runAll();
      expect(third).toMatchObject({ evaluated: 1, unchanged: 1 });
      expect(
        (await service.getEntityConformance('component:default/bad'))?.summary
          .fail,
      ).toBe(0);
    });

    it('survives an unreadable source and keeps going', async () => {
      const root = mkdtempSync(join(tmpdir(), 'conformance-root-'));
      const good = writeTree(
        { 'deploy/app.yaml': deployment({ image: 'web:1', probe: true }) },
        join(root, 'good'),
      );
      const readTree = jest
        .fn()
        .mockRejectedValue(new Error('connection refused'));
      const { service } = await setup(
        databaseId,
        [
          serviceEntity('gone', {
            'backstage.io/source-location': `file:${root}/missing/`,
          }),
          serviceEntity('remote', {
            'backstage.io/source-location':
              'url:https://git.example.com/acme/remote/tree/main/',
          }),
          serviceEntity('good', {
            'backstage.io/source-location': `file:${good}/`,
          }),
        ],
        {
          localRoots: [root],
          urlReader: mockServices.urlReader.mock({ readTree }),
        },
      );
      const stats = await service.runAll();
      expect(stats).toMatchObject({ entities: 3, evaluated: 1, errors: 2 });
      const gone = await service.getEntityConformance('component:default/gone');
      expect(gone?.source.error).toMatch(/^could not read source: .*ENOENT/);
      expect(gone?.results).toEqual([]);
      const remote = await service.getEntityConformance(
        'component:default/remote',
      );
      expect(remote?.source.error).toBe(
        'could not read source: connection refused',
      );
      expect(readTree).toHaveBeenCalledWith(
        'https://git.example.com/acme/remote/tree/main/',
        expect.objectContaining({ etag: undefined }),
      );
      expect(
        (await service.getEntityConformance('component:default/good'))?.summary
          .pass,
      ).toBe(2);
    });

    it('reads url: sources through UrlReader and passes the stored ETag back', async () => {
      const readTree = jest
        .fn()
        .mockResolvedValueOnce({
          etag: 'sha-1',
          files: async () => [
            {
              path: 'deploy/app.yaml',
              content: async () =>
                Buffer.from(deployment({ image: 'web:1', probe: false })),
            },
          ],
        })
        .mockRejectedValueOnce(new NotModifiedError('same'));
      const { service } = await setup(
        databaseId,
        [
          serviceEntity('remote', {
            'backstage.io/source-location':
              'url:https://git.example.com/acme/remote/tree/main/',
          }),
        ],
        {
          localRoots: [],
          urlReader: mockServices.urlReader.mock({ readTree }),
        },
      );
      expect(await service.runAll()).toMatchObject({ evaluated: 1 });
      const filter = readTree.mock.calls[0][1].filter;
      expect(filter('deploy/app.yaml', { size: 10 })).toBe(true);
      expect(filter('src/index.ts', { size: 10 })).toBe(false);
      expect(await service.runAll()).toMatchObject({
        evaluated: 0,
        unchanged: 1,
      });
      expect(readTree.mock.calls[1][1].etag).toBe('sha-1');
      const result = await service.getEntityConformance(
        'component:default/remote',
      );
      expect(result?.source).toEqual({
        location: 'url:https://git.example.com/acme/remote/tree/main/',
        etag: 'sha-1',
      });
      expect(result?.summary.fail).toBe(1);
    });

    it('shows a waived rule until its date and fails it again after', async () => {
      const root = mkdtempSync(join(tmpdir(), 'conformance-root-'));
      const src = writeTree(
        {
          'deploy/app.yaml': deployment({ image: 'web:latest', probe: false }),
        },
        join(root, 'svc'),
      );
      let now = new Date('2027-01-31T23:00:00Z');
      const { service } = await setup(
        databaseId,
        [
          serviceEntity('svc', {
            'backstage.io/source-location': `file:${src}/`,
            'paved-road.dev/waive.image-pinned':
              '2027-01-31 vendor image pins its own tag',
            'paved-road.dev/waive.readiness-probe': 'soon we promise',
          }),
        ],
        { localRoots: [root], now: () => now },
      );
      await service.runAll();
      const before = await service.getEntityConformance(
        'component:default/svc',
      );
      const pinned = before!.results.find(r => r.rule.id === 'image-pinned')!;
      expect(pinned.status).toBe('waived');
      expect(pinned.waiver).toEqual({
        until: '2027-01-31',
        reason: 'vendor image pins its own tag',
      });
      expect(before!.summary).toMatchObject({ fail: 1, waived: 1 });
      // a malformed waiver is not applied, and says why
      const probe = before!.results.find(r => r.rule.id === 'readiness-probe')!;
      expect(probe.status).toBe('fail');
      expect(probe.findings.map(f => f.message)).toContain(
        'waiver ignored: paved-road.dev/waive.readiness-probe must be "<YYYY-MM-DD> <reason>", got "soon we promise"',
      );

      // the day after, with no new run, the rule fails again
      now = new Date('2027-02-01T00:00:01Z');
      const after = await service.getEntityConformance('component:default/svc');
      const lapsed = after!.results.find(r => r.rule.id === 'image-pinned')!;
      expect(lapsed.status).toBe('fail');
      expect(lapsed.waiver).toEqual({
        until: '2027-01-31',
        reason: 'vendor image pins its own tag',
        expired: true,
      });
      expect(lapsed.findings[0].message).toBe(
        'waiver expired on 2027-01-31: vendor image pins its own tag',
      );
      expect(after!.summary).toMatchObject({ fail: 2, waived: 0 });
    });

    it('refuses file: locations outside the local roots, symlinks included', async () => {
      const root = mkdtempSync(join(tmpdir(), 'conformance-root-'));
      const outside = writeTree({
        'deploy/app.yaml': deployment({ image: 'web:1', probe: true }),
      });
      symlinkSync(outside, join(root, 'link'));
      const { service } = await setup(
        databaseId,
        [
          serviceEntity('outside', {
            'backstage.io/source-location': `file:${outside}/`,
          }),
          serviceEntity('dotdot', {
            'backstage.io/source-location': `file:${root}/../${outside
              .split('/')
              .pop()}/`,
          }),
          serviceEntity('linked', {
            'backstage.io/source-location': `file:${root}/link/`,
          }),
        ],
        { localRoots: [root] },
      );
      const stats = await service.runAll();
      expect(stats).toMatchObject({ errors: 3, evaluated: 0 });
      for (const name of ['outside', 'dotdot', 'linked']) {
        const result = await service.getEntityConformance(
          `component:default/${name}`,
        );
        expect(result?.source.error).toMatch(
          /^refused: .* is outside guidance.conformance.localRoots$/,
        );
        expect(result?.results).toEqual([]);
      }
    });

    it('drops entities that left the catalog', async () => {
      const root = mkdtempSync(join(tmpdir(), 'conformance-root-'));
      const src = writeTree(
        { 'deploy/a.yaml': deployment({ image: 'a:1', probe: true }) },
        join(root, 'a'),
      );
      const { service, store } = await setup(
        databaseId,
        [
          serviceEntity('a', {
            'backstage.io/source-location': `file:${src}/`,
          }),
        ],
        { localRoots: [root] },
      );
      await store.saveEntity(
        {
          entityRef: 'component:default/old',
          location: 'file:/x',
          fingerprint: 'f',
          evaluatedAt: new Date().toISOString(),
        },
        [{ ruleId: 'image-pinned', status: 'pass', findings: [] }],
      );
      expect(await service.runAll()).toMatchObject({ removed: 1 });
      expect(
        await service.getEntityConformance('component:default/old'),
      ).toBeUndefined();
    });
  },
);

describe('ConformanceService refreshes and run budget', () => {
  async function sqliteSetup(entities: Entity[], root: string) {
    return setup('SQLITE_3', entities, { localRoots: [root] });
  }

  it('keeps one pending evaluation per entity: repeated requests join it, a forced one waits for the running one', async () => {
    const root = mkdtempSync(join(tmpdir(), 'conformance-queue-'));
    const dir = writeTree(
      { 'deploy/app.yaml': deployment({ image: 'web:1.2.3', probe: true }) },
      join(root, 'web'),
    );
    const entity = serviceEntity('web', {
      'backstage.io/source-location': `file:${dir}/`,
    });
    const { service } = await sqliteSetup([entity], root);
    const evaluate = jest.spyOn(service, 'evaluateEntity');

    const first = service.requestEvaluation(entity);
    const second = service.requestEvaluation(entity);
    expect(first.outcome).toBe('queued');
    expect(second.outcome).toBe('joined');
    expect(second.done).toBe(first.done);
    await first.done;
    expect(evaluate).toHaveBeenCalledTimes(1);

    // while one runs: a plain request joins it, a forced one is queued after it (once)
    const running = service.requestEvaluation(entity);
    await new Promise(r => setImmediate(r));
    const joined = service.requestEvaluation(entity);
    const forced = service.requestEvaluation(entity, { force: true });
    const forcedAgain = service.requestEvaluation(entity, { force: true });
    expect([running.outcome, joined.outcome, forced.outcome]).toEqual([
      'queued',
      'joined',
      'queued',
    ]);
    expect(forcedAgain.outcome).toBe('joined');
    expect(await forced.done).toBe('evaluated');
    expect(evaluate).toHaveBeenCalledTimes(3);
    expect(evaluate.mock.calls[2][1]).toEqual({ force: true });
  });

  it('stops starting evaluations when the run budget is spent, oldest first next time', async () => {
    const root = mkdtempSync(join(tmpdir(), 'conformance-budget-'));
    const entities = ['a', 'b', 'c'].map(name =>
      serviceEntity(name, {
        'backstage.io/source-location': `file:${writeTree(
          {
            'deploy/app.yaml': deployment({ image: 'web:1.2.3', probe: true }),
          },
          join(root, name),
        )}/`,
      }),
    );
    const { service, store } = await sqliteSetup(entities, root);
    const spent = await service.runAll({ budgetMs: 0 });
    expect(spent).toMatchObject({ entities: 3, evaluated: 0, deferred: 3 });
    // nothing is removed for having waited
    expect(spent.removed).toBe(0);

    await service.evaluateEntity(entities[2]);
    const order: string[] = [];
    jest.spyOn(service, 'evaluateEntity').mockImplementation(async entity => {
      order.push(entity.metadata.name);
      return 'evaluated';
    });
    await service.runAll();
    // never evaluated first, the one evaluated last at the end
    expect(order.slice(-1)).toEqual(['c']);
    expect((await store.listEntities()).map(e => e.entityRef)).toEqual([
      'component:default/c',
    ]);
  });
});

describe('oneLine', () => {
  it('escapes a newline from an annotation so it cannot forge a log line', () => {
    expect(
      oneLine('refused: /x\n2026-12-06T00:00:00Z info forged line\u0007'),
    ).toBe('refused: /x\\u000a2026-12-06T00:00:00Z info forged line\\u0007');
  });
});
