import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import {
  SchedulerService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import searchPlugin from '@backstage/plugin-search-backend';
// The portal engine is tested end to end: the guidance backend asks the real search backend
// (its default engine, Lunr), which indexed this module's section documents.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import guidancePlugin from '@paved-road/plugin-guidance-backend';
import { searchModuleGuidanceCollator } from './module';

// three plugins, a collation and a Lunr index: more than jest's 5 s default
jest.setTimeout(60_000);

const article = (id: string, front: string, body: string) =>
  `---\nid: ${id}\n${front}\nupdated: 2026-11-01\n---\n${body}`;

// The search plugin's scheduler, to run the collation when the test says so.
let searchScheduler: SchedulerService | undefined;
const searchSchedulerProbe = createBackendModule({
  pluginId: 'search',
  moduleId: 'test-scheduler-probe',
  register(env) {
    env.registerInit({
      deps: { scheduler: coreServices.scheduler },
      async init({ scheduler }) {
        searchScheduler = scheduler;
      },
    });
  },
});

// reviewed today: never stale, whenever the test runs
const today = new Date().toISOString().slice(0, 10);

function library() {
  const dir = mkdtempSync(join(tmpdir(), 'guidance-portal-'));
  writeFileSync(
    join(dir, 'pgbouncer.md'),
    article(
      'pgbouncer',
      'title: PgBouncer in front of PostgreSQL\nsummary: Pooling server connections.\ncategory: databases\ntags: [postgres]\nreviewed: 2020-01-01',
      'Why pool at all.\n\n## Pool modes\n\nSession, transaction and statement modes.\n\n## Sizing the pool\n\nMultiply replicas by default_pool_size and stay under max_connections.\n',
    ),
  );
  writeFileSync(
    join(dir, 'dns.md'),
    article(
      'dns',
      `title: DNS resolution\nsummary: How names resolve.\ncategory: networking\ntags: [dns]\nreviewed: ${today}`,
      'Resolvers and caches.\n\n## ndots\n\nSearch domains multiply lookups.\n',
    ),
  );
  return dir;
}

describe('guidance.search.engine: portal', () => {
  it('answers /search from the search backend (Lunr) over the section documents, with deep links', async () => {
    const { server } = await startTestBackend({
      features: [
        searchSchedulerProbe,
        guidancePlugin,
        searchPlugin,
        searchModuleGuidanceCollator,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            guidance: {
              builtin: false,
              sources: [{ type: 'directory', path: library() }],
              search: { engine: 'portal' },
              conformance: { enabled: false },
            },
            search: {
              collators: {
                guidance: {
                  schedule: {
                    frequency: { minutes: 10 },
                    timeout: { minutes: 1 },
                  },
                },
              },
            },
          },
        }),
      ],
    });

    // before the collator ran, the index is missing: a clear 503
    const early = await request(server).get('/api/guidance/search?q=pool');
    expect(early.status).toBe(503);
    expect(early.body.error.message).toMatch(
      /^The portal search index has no guidance documents yet: the guidance collator adds them on its schedule/,
    );
    await searchScheduler!.triggerTask('search_index_guidance');

    const res = await request(server).get(
      '/api/guidance/search?q=default_pool_size%20max_connections',
    );
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.results).toHaveLength(1);
    expect(body.results[0]).toEqual({
      id: 'pgbouncer',
      title: 'PgBouncer in front of PostgreSQL',
      // from the library: documents carry no summary
      summary: 'Pooling server connections.',
      category: 'databases',
      score: expect.any(Number),
      // the section document's own heading is the deep link
      section: { id: 'sizing-the-pool', text: 'Sizing the pool' },
      snippet:
        'Multiply replicas by default_pool_size and stay under max_connections.',
      // staleness as the library computes it today (reviewed 2020)
      stale: true,
      staleReasons: [expect.stringContaining('reviewed 2020-01-01')],
    });

    // one result per article, in the engine's order; the limit holds
    const modes = await request(server).get(
      '/api/guidance/search?q=modes&limit=1',
    );
    expect(modes.body.results.map((r: any) => [r.id, r.section?.id])).toEqual([
      ['pgbouncer', 'pool-modes'],
    ]);
    const dns = await request(server).get('/api/guidance/search?q=ndots');
    expect(dns.body.results[0]).toMatchObject({
      id: 'dns',
      section: { id: 'ndots', text: 'ndots' },
    });
    expect(dns.body.results[0]).not.toHaveProperty('stale');
  });

  it('says what to install when the search backend has no guidance documents', async () => {
    const { server } = await startTestBackend({
      features: [
        guidancePlugin,
        searchPlugin,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            guidance: {
              builtin: false,
              sources: [{ type: 'directory', path: library() }],
              search: { engine: 'portal' },
              conformance: { enabled: false },
            },
          },
        }),
      ],
    });
    const res = await request(server).get('/api/guidance/search?q=pool');
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(
      /^guidance\.search\.engine is "portal", but the search backend does not index "guidance" documents: install @paved-road\/plugin-search-backend-module-guidance/,
    );
  });

  it('refuses an unknown engine at start-up, naming the choices', async () => {
    await expect(
      startTestBackend({
        features: [
          guidancePlugin,
          catalogServiceMock.factory(),
          mockServices.rootConfig.factory({
            data: {
              guidance: { builtin: false, search: { engine: 'elastic' } },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      'guidance.search.engine must be one of builtin, portal; got "elastic"',
    );
  });
});
