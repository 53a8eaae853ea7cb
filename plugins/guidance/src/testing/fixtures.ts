import {
  Article,
  ArticleSummary,
  CategoryCount,
  createHeadingSlugger,
} from '@paved-road/plugin-guidance-common';
import { ResponseError } from '@backstage/errors';
import { GuidanceApi } from '../api/GuidanceApi';

export const pooling: ArticleSummary = {
  id: 'database-connection-pooling',
  title:
    'Database Connection Pooling: PgBouncer, ProxySQL, and Application-Level Patterns',
  summary:
    'Why autoscaled workloads exhaust database connections, and how to pool them.',
  category: 'databases',
  tags: ['postgres', 'pgbouncer', 'kubernetes'],
  updated: '2026-11-20',
  readingTimeMinutes: 14,
};

export const strategy: ArticleSummary = {
  id: 'database-strategy',
  title: 'Database strategy',
  summary: 'In Kubernetes or managed; PostgreSQL, MySQL or CockroachDB.',
  category: 'databases',
  tags: ['postgres', 'mysql'],
  updated: '2026-10-02',
  readingTimeMinutes: 11,
};

export const argocd: ArticleSummary = {
  id: 'minikube-argocd',
  title: 'Argo CD on minikube',
  summary: 'Install Argo CD locally and sync an app-of-apps.',
  category: 'gitops',
  tags: ['argocd', 'kubernetes'],
  updated: '2026-09-15',
  readingTimeMinutes: 8,
};

export const saga: ArticleSummary = {
  id: 'saga-pattern',
  title: 'Saga pattern',
  summary: 'Distributed transactions without two-phase commit.',
  category: 'architecture',
  tags: ['microservices'],
  updated: '2026-08-01',
  readingTimeMinutes: 9,
};

export const summaries = [pooling, strategy, argocd, saga];

export const categories: CategoryCount[] = [
  { id: 'observability', title: 'Observability', count: 0 },
  { id: 'gitops', title: 'GitOps', count: 1 },
  { id: 'databases', title: 'Databases', count: 2 },
  { id: 'architecture', title: 'Architecture', count: 1 },
];

export const poolingMarkdown = `
Connections are heavier than sockets.

## Why connections are expensive

### PostgreSQL: a process per session

Each backend uses \`work_mem\` per sort.

> [!WARNING]
> Raising max_connections is not the fix.

## Sizing arithmetic

| Item | Value |
| --- | --- |
| Server connections | 33 |

\`\`\`yaml
pool_mode: transaction
\`\`\`

## Sizing arithmetic
`;

/** The table of contents the backend would send: the shared slugger over the headings. */
function tocOf(markdown: string) {
  const slug = createHeadingSlugger();
  return [...markdown.matchAll(/^(#{1,6}) (.+)$/gm)].map(([, hashes, text]) => {
    const plain = text.replace(/`/g, '');
    return { id: slug(plain), text: plain, level: hashes.length };
  });
}

export const poolingArticle: Article = {
  ...pooling,
  markdown: poolingMarkdown,
  toc: tocOf(poolingMarkdown),
  related: [strategy],
};

export function mockGuidanceApi(
  overrides: Partial<GuidanceApi> = {},
): jest.Mocked<GuidanceApi> {
  return {
    listArticles: jest.fn().mockResolvedValue(summaries),
    getArticle: jest.fn().mockResolvedValue(poolingArticle),
    listCategories: jest.fn().mockResolvedValue(categories),
    search: jest.fn().mockResolvedValue([]),
    recommend: jest.fn().mockResolvedValue([]),
    getEntityArticles: jest.fn().mockResolvedValue([]),
    getArticleEntities: jest.fn().mockResolvedValue([]),
    getEntityConformance: jest.fn().mockResolvedValue(undefined),
    refreshEntityConformance: jest.fn().mockResolvedValue(undefined),
    getArticleConformance: jest
      .fn()
      .mockResolvedValue({ rules: [], entities: [] }),
    getConformanceOverview: jest
      .fn()
      .mockResolvedValue({ entities: [], rules: [] }),
    getConformanceTrends: jest.fn().mockResolvedValue({ days: [] }),
    getConformanceOwnerMovements: jest.fn().mockResolvedValue({ owners: [] }),
    previewRule: jest.fn().mockResolvedValue({
      rule: '',
      entities: [],
      enforcement: { enforcement: 'enforce' },
      enforcementToday: 'enforce',
    }),
    ...overrides,
  } as jest.Mocked<GuidanceApi>;
}

/** The ResponseError the client throws for a backend error body. */
export function responseError(
  statusCode: number,
  message: string,
): Promise<ResponseError> {
  const body = JSON.stringify({
    error: { name: statusCode === 404 ? 'NotFoundError' : 'Error', message },
    request: { method: 'GET', url: '/api/guidance' },
    response: { statusCode },
  });
  return ResponseError.fromResponse(
    new Response(body, {
      status: statusCode,
      statusText: statusCode === 404 ? 'Not Found' : 'Internal Server Error',
      headers: { 'content-type': 'application/json' },
    }),
  );
}
