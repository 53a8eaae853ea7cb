import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { GUIDANCE_ANNOTATION } from '@paved-road/plugin-guidance-common';
import { guidancePlugin } from '../plugin';
import {
  articleFixture,
  specResponseRecorder,
} from '@paved-road/plugin-guidance-node/testUtils';
import { spec } from './openapi.generated';

// The typed router validates requests only; this checks that what the real backend answers is
// what the spec says (status documented, body of its schema), with no field it leaves out.
const recorder = specResponseRecorder(spec, '/api/guidance', {
  reportUndeclaredFields: true,
});
afterEach(() => recorder.throwIfViolated());

function libraryDir(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'guidance-spec-'));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, name), content);
  return dir;
}

describe('the guidance backend answers what its OpenAPI spec describes', () => {
  it('for every route, with the optional fields present', async () => {
    const { server: backend } = await startTestBackend({
      features: [
        guidancePlugin,
        mockServices.rootConfig.factory({
          data: {
            guidance: {
              builtin: false,
              reviewIntervalDays: 90,
              sources: [
                {
                  type: 'directory',
                  path: libraryDir({
                    'connection-pooling.md': articleFixture({
                      title: 'Connection pooling',
                      category: 'databases',
                      tags: ['postgres'],
                      related: ['saga-pattern'],
                      appliesTo: { tags: ['postgres'] },
                      reviewed: '2020-01-01',
                      verifiedAgainst: { kubernetes: '1.25' },
                      body: 'Pools.\n\n## Sizing the pool\n\nPods times size.\n\n### Per pod\n\nSmall.\n',
                    }),
                    'saga-pattern.md': articleFixture({
                      title: 'Saga pattern',
                      category: 'architecture',
                      body: 'Compensations.\n\n## Orchestration\n\nA coordinator.\n',
                    }),
                  }),
                },
              ],
            },
          },
        }),
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'orders',
                title: 'Orders',
                tags: ['postgres'],
                annotations: { [GUIDANCE_ANNOTATION]: 'saga-pattern' },
              },
              spec: { type: 'service' },
            },
          ],
        }),
      ],
    });
    const server = recorder.watch(backend);
    const get = async (url: string) => {
      const res = await request(server).get(`/api/guidance${url}`);
      expect(res.status).toBe(200);
      return res.body;
    };

    const list = await get('/articles');
    expect(list.items.find((a: any) => a.stale)).toBeDefined();

    const article = await get('/articles/connection-pooling');
    expect(article).toMatchObject({
      verifiedAgainst: { kubernetes: '1.25' },
      related: [expect.objectContaining({ id: 'saga-pattern' })],
      sections: expect.arrayContaining([
        expect.objectContaining({ parentId: 'sizing-the-pool' }),
      ]),
    });

    await get('/articles/connection-pooling/sections');
    const entities = await get('/articles/saga-pattern/entities');
    expect(entities.items).toEqual([
      {
        entityRef: 'component:default/orders',
        kind: 'Component',
        title: 'Orders',
      },
    ]);
    await get('/categories');

    const search = await get('/search?q=pool+size');
    expect(search.results[0]).toMatchObject({ section: expect.any(Object) });

    const recommended = await request(server)
      .post('/api/guidance/recommendations')
      .send({
        entity: { kind: 'Component', metadata: { tags: ['postgres'] } },
      });
    expect(recommended.body.items).toHaveLength(1);

    const forEntity = await get('/entities/component/default/orders/articles');
    expect(forEntity.items.length).toBeGreaterThan(0);

    const missing = await request(server).get(
      '/api/guidance/articles/no-such-article',
    );
    expect(missing.status).toBe(404);
    // every answer above was checked against the spec (the 404 too, after the test)
    expect(recorder.checked).toBe(9);
  });
});
