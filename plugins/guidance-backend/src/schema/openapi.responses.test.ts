import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import Ajv from 'ajv';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { GUIDANCE_ANNOTATION } from '@paved-road/plugin-guidance-common';
import { guidancePlugin } from '../plugin';
import { articleFixture } from '@paved-road/plugin-guidance-node/testUtils';
import { spec } from './openapi.generated';

// The typed router validates requests only; this checks that what the real backend answers is
// what the spec says, with no field it leaves out.
type Schema = {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
};

const document = JSON.parse(JSON.stringify(spec));
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
ajv.addSchema({ ...document, $id: 'spec.json' });

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return resolve(document.components.schemas[name]);
}

function responseSchema(path: string, method: 'get' | 'post'): Schema {
  return document.paths[path][method].responses['200'].content[
    'application/json'
  ].schema;
}

/** Paths in a body that the schema does not declare (objects without additionalProperties). */
function undeclared(value: unknown, schema: Schema, at = ''): string[] {
  const s = resolve(schema);
  if (Array.isArray(value) && s.items) {
    return value.flatMap((v, i) => undeclared(v, s.items!, `${at}[${i}]`));
  }
  if (!value || typeof value !== 'object') return [];
  const parts = s.allOf ? s.allOf.map(resolve) : [s];
  const properties = Object.assign(
    {},
    ...parts.map(p => p.properties ?? {}),
  ) as Record<string, Schema>;
  if (!parts.some(p => p.properties)) return [];
  return Object.entries(value).flatMap(([key, v]) =>
    properties[key]
      ? undeclared(v, properties[key], `${at}.${key}`)
      : [`${at}.${key}`],
  );
}

function expectToKeepSpec(
  body: unknown,
  path: string,
  method: 'get' | 'post' = 'get',
) {
  const schema = responseSchema(path, method);
  const validate = ajv.compile({ $ref: `spec.json${schema.$ref}` });
  const valid = validate(body);
  expect(valid ? [] : validate.errors).toEqual([]);
  expect(undeclared(body, schema)).toEqual([]);
}

function libraryDir(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'guidance-spec-'));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, name), content);
  return dir;
}

describe('the guidance backend answers what its OpenAPI spec describes', () => {
  it('for every route, with the optional fields present', async () => {
    const { server } = await startTestBackend({
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
    const get = async (url: string) => {
      const res = await request(server).get(`/api/guidance${url}`);
      expect(res.status).toBe(200);
      return res.body;
    };

    const list = await get('/articles');
    expect(list.items.find((a: any) => a.stale)).toBeDefined();
    expectToKeepSpec(list, '/articles');

    const article = await get('/articles/connection-pooling');
    expect(article).toMatchObject({
      verifiedAgainst: { kubernetes: '1.25' },
      related: [expect.objectContaining({ id: 'saga-pattern' })],
      sections: expect.arrayContaining([
        expect.objectContaining({ parentId: 'sizing-the-pool' }),
      ]),
    });
    expectToKeepSpec(article, '/articles/{id}');

    expectToKeepSpec(
      await get('/articles/connection-pooling/sections'),
      '/articles/{id}/sections',
    );
    const entities = await get('/articles/saga-pattern/entities');
    expect(entities.items).toEqual([
      {
        entityRef: 'component:default/orders',
        kind: 'Component',
        title: 'Orders',
      },
    ]);
    expectToKeepSpec(entities, '/articles/{id}/entities');
    expectToKeepSpec(await get('/categories'), '/categories');

    const search = await get('/search?q=pool+size');
    expect(search.results[0]).toMatchObject({ section: expect.any(Object) });
    expectToKeepSpec(search, '/search');

    const recommended = await request(server)
      .post('/api/guidance/recommendations')
      .send({
        entity: { kind: 'Component', metadata: { tags: ['postgres'] } },
      });
    expect(recommended.body.items).toHaveLength(1);
    expectToKeepSpec(recommended.body, '/recommendations', 'post');

    const forEntity = await get('/entities/component/default/orders/articles');
    expect(forEntity.items.length).toBeGreaterThan(0);
    expectToKeepSpec(forEntity, '/entities/{kind}/{namespace}/{name}/articles');

    const missing = await request(server).get(
      '/api/guidance/articles/no-such-article',
    );
    expect(missing.status).toBe(404);
    const errorSchema = ajv.compile({
      $ref: 'spec.json#/components/schemas/Error',
    });
    expect(errorSchema(missing.body)).toBe(true);
    expect(
      undeclared(missing.body, { $ref: '#/components/schemas/Error' }),
    ).toEqual([]);
  });
});
