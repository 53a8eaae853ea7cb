import { createHash } from 'crypto';
import request from 'supertest';
import {
  coreServices,
  createServiceFactory,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { NotModifiedError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { guidancePlugin } from './plugin';
import { articleFixture } from '@paved-road/plugin-guidance-node/testUtils';

jest.setTimeout(60_000);

const TARGET = 'https://git.example.com/acme/guidance/tree/main/articles';

/** One Git folder that every replica reads; each replica gets its own reader and counts its reads. */
class SharedFolder {
  body = 'Version one of the runbook.\n\n## Paging\n\nPage the owner.\n';
  private get content() {
    return articleFixture({ title: 'Runbook basics', body: this.body });
  }
  private get etag() {
    return createHash('sha1').update(this.content).digest('hex');
  }
  reader(): UrlReaderService & { reads: number } {
    const reader = {
      reads: 0,
      readUrl: async () => {
        throw new Error('not used');
      },
      search: async () => {
        throw new Error('not used');
      },
      readTree: async (url: string, options?: { etag?: string }) => {
        if (url !== TARGET) throw new Error(`unexpected url ${url}`);
        reader.reads += 1;
        const etag = this.etag;
        if (options?.etag === etag) throw new NotModifiedError();
        const content = this.content;
        return {
          etag,
          files: async () => [
            {
              path: 'runbook-basics.md',
              content: async () => Buffer.from(content),
            },
          ],
          archive: async () => {
            throw new Error('not used');
          },
          dir: async () => {
            throw new Error('not used');
          },
        };
      },
    };
    return reader;
  }
}

async function startReplica(
  database: ReturnType<typeof mockServices.database>,
  reader: UrlReaderService,
) {
  const { server } = await startTestBackend({
    features: [
      guidancePlugin,
      mockServices.rootConfig.factory({
        data: {
          guidance: {
            builtin: false,
            sources: [{ type: 'url', target: TARGET }],
            refresh: { frequency: { seconds: 1 } },
          },
        },
      }),
      // The real scheduler against the shared database: a global task would run on one replica only.
      schedulerServiceFactory,
      createServiceFactory({
        service: coreServices.database,
        deps: {},
        factory: () => database,
      }),
      createServiceFactory({
        service: coreServices.urlReader,
        deps: {},
        factory: () => reader,
      }),
      catalogServiceMock.factory({ entities: [] }),
    ],
  });
  return server;
}

async function article(server: Parameters<typeof request>[0]) {
  const res = await request(server).get(
    '/api/guidance/articles/runbook-basics',
  );
  expect(res.status).toBe(200);
  return {
    etag: res.headers.etag as string,
    html: res.body.html as string,
  };
}

describe('two replicas on one database', () => {
  // PostgreSQL runs where BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set (see .ci/run);
  // never through Docker, so SQLite always runs.
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
    disableDocker: true,
  });

  it.each(databases.eachSupportedId())(
    'both refresh the URL source and answer the same ETag, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });
      const folder = new SharedFolder();
      const readerA = folder.reader();
      const readerB = folder.reader();
      const a = await startReplica(database, readerA);
      const b = await startReplica(database, readerB);

      const [a1, b1] = [await article(a), await article(b)];
      expect(a1.html).toContain('Version one');
      expect(a1.etag).toMatch(/^".+"$/);
      expect(b1.etag).toBe(a1.etag);

      folder.body =
        'Version two of the runbook.\n\n## Paging\n\nPage the owner, then the lead.\n';
      const deadline = Date.now() + 20_000;
      let a2 = a1;
      let b2 = b1;
      while (
        Date.now() < deadline &&
        !(
          a2.html.includes('Version two') &&
          b2.html.includes('Version two')
        )
      ) {
        await new Promise(r => setTimeout(r, 250));
        [a2, b2] = [await article(a), await article(b)];
      }
      expect(a2.html).toContain('Version two');
      expect(b2.html).toContain('Version two');
      expect(a2.etag).not.toBe(a1.etag);
      expect(b2.etag).toBe(a2.etag);
      // Each replica read the folder itself: once at start, then on its own schedule.
      expect(readerA.reads).toBeGreaterThanOrEqual(2);
      expect(readerB.reads).toBeGreaterThanOrEqual(2);

      // Unchanged content on a later refresh keeps the ETag: it depends on the bytes only.
      const readsBefore = readerA.reads;
      while (readerA.reads === readsBefore) {
        await new Promise(r => setTimeout(r, 250));
      }
      expect((await article(a)).etag).toBe(a2.etag);
    },
  );

  it('runs SQLite in every environment', () => {
    expect(databases.supports('SQLITE_3')).toBe(true);
    expect(databases.supports('POSTGRES_15')).toBe(
      Boolean(process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING),
    );
  });
});
