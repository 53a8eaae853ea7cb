import { parseArticle, ParsedArticle } from './parseArticle';
import { Recommender, evidenceKey } from './recommend';

function article(
  id: string,
  appliesTo: {
    tags?: string[];
    annotations?: string[];
    types?: string[];
    kinds?: string[];
  },
): ParsedArticle {
  const list = (xs: string[] = []) => `[${xs.join(', ')}]`;
  return parseArticle({
    origin: 'test',
    fallbackId: id,
    content: [
      '---',
      `id: ${id}`,
      `title: ${id}`,
      'summary: A test article.',
      'category: platform-engineering',
      'tags: [test]',
      'appliesTo:',
      `  tags: ${list(appliesTo.tags)}`,
      `  annotations: ${list(appliesTo.annotations)}`,
      `  types: ${list(appliesTo.types)}`,
      `  kinds: ${list(appliesTo.kinds)}`,
      'updated: 2026-11-24',
      '---',
      '',
      'Body.',
    ].join('\n'),
  });
}

const library = new Map(
  [
    article('pooling', {
      tags: ['postgres', 'postgresql', 'pgbouncer'],
      types: ['database'],
    }),
    article('gitops', {
      tags: ['argocd', 'flux'],
      annotations: ['argocd/app-name'],
    }),
    article('deploy', { tags: ['kubernetes'] }),
    article('dns', { tags: ['dns', 'route53'] }),
    article('on-call', { tags: ['on-call', 'pagerduty'], kinds: ['Group'] }),
    article('monitoring', { tags: ['kube-prometheus-stack', 'prometheus'] }),
    article('secrets', { tags: ['vault', 'secrets'] }),
  ].map(a => [a.summary.id, a]),
);
const recommender = new Recommender(library);
const ids = (entity: Parameters<Recommender['recommend']>[0]) =>
  recommender.recommend(entity).map(r => r.article.id);

describe('evidenceKey', () => {
  it.each([
    ['PostgreSQL-15', 'postgresql'],
    ['postgresql_15', 'postgresql'],
    ['mysql-8.0', 'mysql'],
    ['Argo CD', 'argocd'],
    ['argo-cd', 'argocd'],
    ['sysctls', 'sysctl'],
    ['route53', 'route53'],
    ['k8s', 'k8s'],
  ])('%s becomes %s', (value, key) => {
    expect(evidenceKey(value)).toBe(key);
  });
});

describe('Recommender', () => {
  it('puts the articles the guidance annotation names first, in their order, then the matched ones', () => {
    const items = recommender.recommend({
      kind: 'Component',
      metadata: {
        tags: ['postgres'],
        annotations: { 'paved-road.dev/guidance': 'dns, secrets, missing-id' },
      },
    });
    expect(items.map(i => [i.article.id, i.source])).toEqual([
      ['dns', 'annotation'],
      ['secrets', 'annotation'],
      ['pooling', 'rule'],
    ]);
  });

  it('matches tags as teams write them: case, versions, separators and known abbreviations', () => {
    expect(ids({ metadata: { tags: ['PostgreSQL-15'] } })).toEqual(['pooling']);
    expect(ids({ metadata: { tags: ['argo-cd'] } })).toEqual(['gitops']);
    expect(ids({ metadata: { tags: ['k8s'] } })).toEqual(['deploy']);
    expect(ids({ metadata: { tags: ['fluxcd'] } })).toEqual(['gitops']);
  });

  it('reads the description, the type and the words of longer tags, and says where', () => {
    const items = recommender.recommend({
      kind: 'Component',
      metadata: {
        description:
          'Handles card payments. Postgres via PgBouncer, deployed with Argo CD.',
        tags: ['hashicorp-vault'],
      },
      spec: { type: 'dns-zone' },
    });
    const reasons = Object.fromEntries(
      items.map(i => [i.article.id, i.reasons]),
    );
    expect(reasons.pooling).toEqual([
      'description mentions postgres, postgresql, pgbouncer',
    ]);
    expect(reasons.gitops).toEqual(['description mentions argocd']);
    expect(reasons.secrets).toEqual(['tag hashicorp-vault mentions vault']);
    expect(reasons.dns).toEqual(['type dns-zone mentions dns']);
  });

  it('orders by the strength of the evidence: annotation, then tag or type, then a mention', () => {
    expect(
      ids({
        metadata: {
          description: 'Exposes metrics to Prometheus.',
          tags: ['dns'],
          annotations: { 'argocd/app-name': 'shop' },
        },
      }),
    ).toEqual(['gitops', 'dns', 'monitoring']);
  });

  it('does not take ordinary words for names: "pages" is not "paged", "routes" is not Route 53', () => {
    expect(
      ids({
        kind: 'Component',
        metadata: {
          description:
            'Marketing pages; the edge routes requests to the origin.',
        },
      }),
    ).toEqual([]);
    expect(
      ids({ metadata: { description: 'The service paged us twice.' } }),
    ).toEqual(['on-call']);
  });

  it('counts what the entity depends on, naming the dependency and what matched', () => {
    const items = recommender.recommend({ kind: 'Component' }, [
      {
        ref: 'resource:default/orders-db',
        entity: {
          kind: 'Resource',
          spec: { type: 'database' },
          metadata: { tags: ['PostgreSQL-16'] },
        },
      },
      {
        ref: 'resource:default/cache',
        entity: { kind: 'Resource', spec: { type: 'cache' } },
      },
    ]);
    expect(items.map(i => [i.article.id, i.reasons])).toEqual([
      [
        'pooling',
        [
          'depends on resource:default/orders-db (type database, tag PostgreSQL-16)',
        ],
      ],
    ]);
    // a dependency is a hint: the entity's own tag outranks it
    expect(ids({ metadata: { tags: ['dns'] } })).toEqual(['dns']);
    expect(
      recommender
        .recommend({ metadata: { tags: ['dns'] } }, [
          {
            ref: 'resource:default/db',
            entity: { spec: { type: 'database' } },
          },
        ])
        .map(i => i.article.id),
    ).toEqual(['dns', 'pooling']);
  });

  it('uses the configured synonyms of the library', () => {
    const custom = new Recommender(library, {
      synonyms: { pgb: ['pgbouncer'] },
    }).recommend({ metadata: { tags: ['pgb'] } });
    expect(custom.map(r => [r.article.id, r.reasons])).toEqual([
      ['pooling', ['tag pgbouncer']],
    ]);
  });

  it('reads only the start of a long description and ignores fields of the wrong type', () => {
    const padding = 'lorem ipsum '.repeat(500);
    expect(ids({ metadata: { description: `${padding} vault` } })).toEqual([]);
    expect(ids({ metadata: { description: 42, title: ['vault'] } })).toEqual(
      [],
    );
    expect(
      ids({ kind: 'Group', spec: { type: { nested: 'database' } } }),
    ).toEqual(['on-call']);
  });
});
