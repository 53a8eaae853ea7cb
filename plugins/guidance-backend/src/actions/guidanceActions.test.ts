import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { GUIDANCE_ANNOTATION } from '@paved-road/plugin-guidance-common';
import { guidancePlugin } from '../plugin';
import { articleFixture } from '@paved-road/plugin-guidance-node/testUtils';

const pooling = articleFixture({
  id: 'connection-pooling',
  title: 'Connection pooling with PgBouncer',
  category: 'databases',
  tags: ['postgres'],
  appliesTo: { tags: ['postgres'] },
  body: [
    'Pools keep connections few.',
    '',
    '## Sizing the pool',
    '',
    'Multiply the pods by the pool size and keep the total under max_connections.',
    '',
    '### Worked example',
    '',
    'Fifty pods with ten connections each need five hundred server slots.',
    '',
    '## Transaction mode',
    '',
    'Prepared statements need care.',
    '',
  ].join('\n'),
});

async function startWithActions(options: { sourceRoot?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'guidance-actions-'));
  writeFileSync(join(dir, 'connection-pooling.md'), pooling);
  const registry = actionsRegistryServiceMock();
  const { server } = await startTestBackend({
    features: [
      guidancePlugin,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'https://portal.example.com' },
          guidance: {
            builtin: false,
            sources: [{ type: 'directory', path: dir }],
            conformance: {
              enabled: false,
              localRoots: options.sourceRoot ? [options.sourceRoot] : [],
            },
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
              tags: ['postgres'],
              annotations: {
                [GUIDANCE_ANNOTATION]: 'connection-pooling',
                ...(options.sourceRoot
                  ? {
                      'backstage.io/source-location': `file:${options.sourceRoot}/`,
                    }
                  : {}),
              },
            },
            spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
          },
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'ledger' },
            spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
            relations: [
              { type: 'dependsOn', targetRef: 'resource:default/ledger-db' },
            ],
          },
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Resource',
            metadata: { name: 'ledger-db', tags: ['postgres'] },
            spec: { type: 'database', owner: 'team-a' },
          },
        ],
      }),
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
    ],
  });
  const invoke = (name: string, input: Record<string, any>) =>
    registry.invoke({
      id: `test:${name}`,
      input,
      credentials: mockCredentials.user(),
    });
  return { registry, invoke, server };
}

describe('guidance actions', () => {
  it('registers the actions with descriptions written for a model', async () => {
    const { registry } = await startWithActions();
    const { actions } = await registry.list();
    const names = actions.map(a => a.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'search-guidance',
        'get-guidance-article',
        'recommend-guidance-for-entity',
      ]),
    );
    for (const action of actions) {
      expect(action.description.length).toBeGreaterThan(80);
      expect(action.attributes.readOnly).toBe(true);
    }
  });

  it('search-guidance returns sections with a deep link', async () => {
    const { invoke } = await startWithActions();
    const { output } = (await invoke('search-guidance', {
      query: 'how many server slots for fifty pods',
    })) as any;
    expect(output.results[0]).toMatchObject({
      articleId: 'connection-pooling',
      title: 'Connection pooling with PgBouncer',
    });
    expect(output.results[0].section.id).toMatch(
      /sizing-the-pool|worked-example/,
    );
    expect(output.results[0].url).toBe(
      `https://portal.example.com/guidance/connection-pooling#${output.results[0].section.id}`,
    );
    expect(output.results[0].snippet).not.toBe('');
  });

  it('search-guidance refuses an empty or over-long query and caps the count', async () => {
    const { invoke } = await startWithActions();
    await expect(invoke('search-guidance', { query: '  ' })).rejects.toThrow(
      /query must not be empty/,
    );
    await expect(
      invoke('search-guidance', { query: 'x'.repeat(501) }),
    ).rejects.toThrow(/at most 500 characters/);
    await expect(
      invoke('search-guidance', { query: 'pool', limit: 500 }),
    ).rejects.toThrow();
  });

  it('get-guidance-article returns the whole article with its sections, or one section', async () => {
    const { invoke } = await startWithActions();
    const whole = (await invoke('get-guidance-article', {
      id: 'connection-pooling',
    })) as any;
    expect(whole.output.markdown).toContain('## Transaction mode');
    expect(whole.output.sections.map((s: any) => s.id)).toEqual([
      'sizing-the-pool',
      'worked-example',
      'transaction-mode',
    ]);
    expect(whole.output.stale).toBe(true); // the fixture has no reviewed date

    const one = (await invoke('get-guidance-article', {
      id: 'connection-pooling',
      section: 'sizing-the-pool',
    })) as any;
    expect(one.output.title).toBe(
      'Connection pooling with PgBouncer — Sizing the pool',
    );
    expect(one.output.markdown).toContain('Fifty pods');
    expect(one.output.markdown).not.toContain('Prepared statements');
    expect(one.output.url).toBe(
      'https://portal.example.com/guidance/connection-pooling#sizing-the-pool',
    );
  });

  it('get-guidance-article gives clear errors for unknown ids, sections and traversal', async () => {
    const { invoke } = await startWithActions();
    await expect(
      invoke('get-guidance-article', { id: 'nope' }),
    ).rejects.toThrow(/No guidance article with id "nope"/);
    await expect(
      invoke('get-guidance-article', { id: '../etc/passwd' }),
    ).rejects.toThrow(/kebab-case/);
    await expect(
      invoke('get-guidance-article', {
        id: 'connection-pooling',
        section: 'missing',
      }),
    ).rejects.toThrow(/has no section "missing"/);
  });

  it('recommend-guidance-for-entity works for a catalog entity and for a body', async () => {
    const { invoke } = await startWithActions();
    const byRef = (await invoke('recommend-guidance-for-entity', {
      entityRef: 'component:default/orders',
    })) as any;
    expect(byRef.output.items[0]).toMatchObject({
      article: { id: 'connection-pooling' },
      source: 'annotation',
      url: 'https://portal.example.com/guidance/connection-pooling',
    });
    // what the catalog entity depends on counts, looked up with the caller's credentials
    const ledger = (await invoke('recommend-guidance-for-entity', {
      entityRef: 'component:default/ledger',
    })) as any;
    expect(ledger.output.items).toEqual([
      expect.objectContaining({
        article: expect.objectContaining({ id: 'connection-pooling' }),
        reasons: ['depends on resource:default/ledger-db (tag postgres)'],
      }),
    ]);
    const byBody = (await invoke('recommend-guidance-for-entity', {
      entity: { kind: 'Component', metadata: { tags: ['postgres'] } },
    })) as any;
    expect(byBody.output.items[0]).toMatchObject({
      source: 'rule',
      reasons: ['tag postgres'],
    });
  });

  it('recommend-guidance-for-entity refuses missing, double and unknown input', async () => {
    const { invoke } = await startWithActions();
    await expect(invoke('recommend-guidance-for-entity', {})).rejects.toThrow(
      /exactly one of entityRef or entity/,
    );
    await expect(
      invoke('recommend-guidance-for-entity', {
        entityRef: 'component:default/ghost',
      }),
    ).rejects.toThrow(/No entity component:default\/ghost/);
  });
});
