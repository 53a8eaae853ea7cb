import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { GUIDANCE_ANNOTATION } from '@paved-road/plugin-guidance-common';
import { guidancePlugin } from './plugin';
import { articleFixture } from '@paved-road/plugin-guidance-node/testUtils';

function libraryDir(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'guidance-'));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, name), content);
  return dir;
}

const pooling = articleFixture({
  title: 'Connection pooling with PgBouncer',
  category: 'databases',
  tags: ['postgres'],
  related: ['saga-pattern'],
  appliesTo: { tags: ['postgres'], types: ['database'] },
  body: 'Pools keep connections few.\n\n## Sizing the pool\n\nMultiply pods by pool size.\n\n## Transaction mode\n\nPrepared statements need care.\n',
});
const saga = articleFixture({
  title: 'Saga pattern',
  category: 'architecture',
  tags: ['microservices'],
  appliesTo: { annotations: ['argocd/app-name'] },
  body: 'Local transactions with compensations.\n\n## Orchestration\n\nA coordinator keeps state. Connection pooling is out of scope here.\n',
});
const broken = '---\ntitle: [unclosed\n---\nbody';
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'orders',
      namespace: 'default',
      title: 'Orders',
      tags: ['postgres'],
      annotations: {
        [GUIDANCE_ANNOTATION]: 'saga-pattern, unknown-id',
        'argocd/app-name': 'orders',
      },
    },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
    relations: [
      { type: 'dependsOn', targetRef: 'resource:default/payments-db' },
      { type: 'dependsOn', targetRef: 'resource:default/not-in-catalog' },
      { type: 'ownedBy', targetRef: 'group:default/team-a' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'payments-db', namespace: 'default' },
    spec: { type: 'database', owner: 'team-a' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'billing',
      namespace: 'default',
      annotations: { [GUIDANCE_ANNOTATION]: 'connection-pooling' },
    },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  },
];

async function startGuidance(
  files: Record<string, string> = {
    'connection-pooling.md': pooling,
    'saga-pattern.md': saga,
    'broken.md': broken,
  },
) {
  const logger = mockServices.logger.mock();
  const { server } = await startTestBackend({
    features: [
      guidancePlugin,
      mockServices.rootConfig.factory({
        data: {
          guidance: {
            builtin: false,
            sources: [{ type: 'directory', path: libraryDir(files) }],
          },
        },
      }),
      mockServices.logger.factory(),
      catalogServiceMock.factory({ entities }),
    ],
  });
  return { server, logger };
}

describe('guidance backend', () => {
  it('refuses a request without an identity with 401', async () => {
    const { server } = await startGuidance();
    const res = await request(server)
      .get('/api/guidance/articles')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it('serves the valid articles and skips the broken one', async () => {
    const { server } = await startGuidance();
    const res = await request(server).get('/api/guidance/articles');
    expect(res.status).toBe(200);
    expect(res.body.items.map((a: any) => a.id).sort()).toEqual([
      'connection-pooling',
      'saga-pattern',
    ]);
    expect(res.body.items[0]).toMatchObject({
      readingTimeMinutes: 1,
      updated: '2026-11-01',
    });

    const filtered = await request(server).get(
      '/api/guidance/articles?category=databases',
    );
    expect(filtered.body.items.map((a: any) => a.id)).toEqual([
      'connection-pooling',
    ]);
    const byTag = await request(server).get(
      '/api/guidance/articles?tag=microservices',
    );
    expect(byTag.body.items.map((a: any) => a.id)).toEqual(['saga-pattern']);
  });

  it('serves an article with its toc and related summaries, and 304 on a matching ETag', async () => {
    const { server } = await startGuidance();
    const res = await request(server).get(
      '/api/guidance/articles/connection-pooling',
    );
    expect(res.status).toBe(200);
    expect(res.body.toc).toEqual([
      { id: 'sizing-the-pool', text: 'Sizing the pool', level: 2 },
      { id: 'transaction-mode', text: 'Transaction mode', level: 2 },
    ]);
    expect(res.body.related.map((r: any) => r.id)).toEqual(['saga-pattern']);
    // the Markdown is not part of the reader's body: /articles/:id/markdown serves it
    expect(res.body).not.toHaveProperty('markdown');
    // rendered once at load, with the toc's ids, served under the same ETag
    expect(res.body.html).toContain('<h2 id="sizing-the-pool" data-level="2">');
    const etag = res.headers.etag;
    expect(etag).toMatch(/^".+"$/);

    const again = await request(server)
      .get('/api/guidance/articles/connection-pooling')
      .set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    const stale = await request(server)
      .get('/api/guidance/articles/connection-pooling')
      .set('If-None-Match', '"old"');
    expect(stale.status).toBe(200);
  });

  it('serves the one section model: outline on the article, text on the sections route', async () => {
    const { server } = await startGuidance();
    const article = await request(server).get(
      '/api/guidance/articles/connection-pooling',
    );
    expect(article.body.sections).toEqual([
      { id: 'sizing-the-pool', text: 'Sizing the pool', level: 2 },
      { id: 'transaction-mode', text: 'Transaction mode', level: 2 },
    ]);
    const res = await request(server).get(
      '/api/guidance/articles/connection-pooling/sections',
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { level: 0, text: 'Pools keep connections few.' },
      {
        id: 'sizing-the-pool',
        heading: 'Sizing the pool',
        level: 2,
        text: 'Multiply pods by pool size.',
      },
      {
        id: 'transaction-mode',
        heading: 'Transaction mode',
        level: 2,
        text: 'Prepared statements need care.',
      },
    ]);
    const missing = await request(server).get(
      '/api/guidance/articles/nope/sections',
    );
    expect(missing.status).toBe(404);
  });

  it('answers 404 with an error body for an unknown id', async () => {
    const { server } = await startGuidance();
    const res = await request(server).get(
      '/api/guidance/articles/no-such-article',
    );
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining('no-such-article'),
    });
  });

  it.each([
    '..%2F..%2Fetc%2Fpasswd',
    'Saga_Pattern',
    '%00',
    'a'.repeat(101),
    '..',
  ])('refuses the malformed or traversing id %s with 400', async id => {
    const { server } = await startGuidance();
    const res = await request(server).get(`/api/guidance/articles/${id}`);
    expect(res.status).toBe(400);
    // the typed router refuses it by the spec's id pattern and length, naming the parameter
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/^request\/params\/id must /),
    });
  });

  it('never serves a file outside the library for a dot-dot path', async () => {
    const { server } = await startGuidance();
    // The URL parser resolves the dots first, so no guidance route matches at all.
    const res = await request(server).get(
      '/api/guidance/articles/../../../etc/passwd',
    );
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('root:');
  });

  it('lists categories with counts', async () => {
    const { server } = await startGuidance();
    const res = await request(server).get('/api/guidance/categories');
    expect(res.body.items).toHaveLength(11);
    expect(res.body.items.find((c: any) => c.id === 'databases')).toEqual({
      id: 'databases',
      title: 'Databases',
      count: 1,
    });
  });

  it('ranks a title match above a body match and finds a misspelled word', async () => {
    const { server } = await startGuidance();
    const res = await request(server)
      .get('/api/guidance/search')
      .query({ q: 'connection pooling' });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: any) => r.id)).toEqual([
      'connection-pooling',
      'saga-pattern',
    ]);
    expect(res.body.results[0].score).toBeGreaterThan(
      res.body.results[1].score,
    );

    const typo = await request(server)
      .get('/api/guidance/search')
      .query({ q: 'compensaton' });
    expect(typo.body.results[0]).toMatchObject({
      id: 'saga-pattern',
      snippet: expect.stringContaining('compensations'),
    });

    const deep = await request(server)
      .get('/api/guidance/search')
      .query({ q: 'prepared statements' });
    expect(deep.body.results[0]).toMatchObject({
      id: 'connection-pooling',
      section: { id: 'transaction-mode', text: 'Transaction mode' },
    });
  });

  it('refuses an empty or over-long query with 400', async () => {
    const { server } = await startGuidance();
    expect(
      (await request(server).get('/api/guidance/search').query({ q: '  ' }))
        .status,
    ).toBe(400);
    expect((await request(server).get('/api/guidance/search')).status).toBe(
      400,
    );
    const long = await request(server)
      .get('/api/guidance/search')
      .query({ q: 'x'.repeat(501) });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toBe(
      'request/query/q must NOT have more than 500 characters',
    );
    // A pasted error line longer than a sentence is a question, not an attack.
    const pasted = await request(server)
      .get('/api/guidance/search')
      .query({
        q: `Error from server (Forbidden): error when creating "deploy.yaml": pods "api-7d9f" is forbidden: exceeded quota: compute-resources, requested: limits.memory=2Gi, used: limits.memory=7Gi, limited: limits.memory=8Gi; and the pgbouncer sidecar then logs ${'no more connections allowed '.repeat(
          4,
        )}`,
      });
    expect(pasted.status).toBe(200);
    expect(pasted.body.results[0].id).toBe('connection-pooling');
    expect(
      (
        await request(server)
          .get('/api/guidance/search')
          .query({ q: 'x', limit: 1000 })
      ).status,
    ).toBe(400);
  });

  it('recommends annotation links first, then rule matches, with reasons and no repeats', async () => {
    const { server } = await startGuidance();
    const res = await request(server)
      .post('/api/guidance/recommendations')
      .send({
        entity: {
          kind: 'Resource',
          metadata: {
            tags: ['postgres'],
            annotations: {
              [GUIDANCE_ANNOTATION]: 'saga-pattern',
              'argocd/app-name': 'x',
            },
          },
          spec: { type: 'database' },
        },
      });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        source: 'annotation',
        reasons: [`annotation ${GUIDANCE_ANNOTATION}`],
        article: expect.objectContaining({ id: 'saga-pattern' }),
      }),
      expect.objectContaining({
        source: 'rule',
        reasons: ['tag postgres', 'type database'],
        article: expect.objectContaining({ id: 'connection-pooling' }),
      }),
    ]);
    const bad = await request(server)
      .post('/api/guidance/recommendations')
      .send({ entity: 'x' });
    expect(bad.status).toBe(400);
  });

  it('recommends for a catalog entity and 404s for a missing one', async () => {
    const { server } = await startGuidance();
    const res = await request(server).get(
      '/api/guidance/entities/component/default/orders/articles',
    );
    expect(res.body.items.map((r: any) => [r.article.id, r.source])).toEqual([
      ['saga-pattern', 'annotation'],
      ['connection-pooling', 'rule'],
    ]);
    // What it depends on counts too: the catalog's dependsOn relations, with the caller's credentials.
    const payments = await request(server).get(
      '/api/guidance/entities/component/default/payments/articles',
    );
    expect(
      payments.body.items.map((r: any) => [r.article.id, r.reasons]),
    ).toEqual([
      [
        'connection-pooling',
        ['depends on resource:default/payments-db (type database)'],
      ],
    ]);
    const missing = await request(server).get(
      '/api/guidance/entities/component/default/nope/articles',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.name).toBe('NotFoundError');
  });

  it('lists the entities whose annotation names an article', async () => {
    const { server } = await startGuidance();
    const res = await request(server).get(
      '/api/guidance/articles/saga-pattern/entities',
    );
    expect(res.body.items).toEqual([
      {
        entityRef: 'component:default/orders',
        kind: 'Component',
        title: 'Orders',
      },
    ]);
    const none = await request(server).get(
      '/api/guidance/articles/connection-pooling/entities',
    );
    expect(none.body.items).toEqual([
      { entityRef: 'component:default/billing', kind: 'Component' },
    ]);
  });
});

describe('raw Markdown for assistants', () => {
  it('serves an article as text/markdown with an ETag and 304 on a match', async () => {
    const { server } = await startGuidance();
    const res = await request(server).get(
      '/api/guidance/articles/connection-pooling/markdown',
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/markdown/);
    expect(res.text).toContain('## Sizing the pool');
    expect(res.text).toContain('## Transaction mode');
    const again = await request(server)
      .get('/api/guidance/articles/connection-pooling/markdown')
      .set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
  });

  it('serves one section up to the next heading of its level', async () => {
    const { server } = await startGuidance();
    const res = await request(server).get(
      '/api/guidance/articles/connection-pooling/markdown?section=sizing-the-pool',
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe(
      '## Sizing the pool\n\nMultiply pods by pool size.\n',
    );
  });

  it('answers 404 for an unknown article or section and 400 for a bad section id', async () => {
    const { server } = await startGuidance();
    expect(
      (await request(server).get('/api/guidance/articles/nope/markdown'))
        .status,
    ).toBe(404);
    const missing = await request(server).get(
      '/api/guidance/articles/connection-pooling/markdown?section=nope',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('has no section "nope"');
    expect(
      (
        await request(server).get(
          '/api/guidance/articles/connection-pooling/markdown?section=../../x',
        )
      ).status,
    ).toBe(400);
  });
});
