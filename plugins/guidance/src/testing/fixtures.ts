import {
  Article,
  ArticleSummary,
  CategoryCount,
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

/** A heading as the backend renders it: its id, its level and an anchor link. */
const heading = (level: number, id: string, text: string) =>
  `<h${level} id="${id}" data-level="${level}">${text}<a href="#${id}" class="heading-anchor" data-heading-anchor="" aria-label="Link to section: ${text}">#</a></h${level}>`;

/** The article body in the shape the backend serves it (`html`): ids, callouts, tables, code. */
export const poolingHtml = [
  '<p>Connections are heavier than sockets.</p>',
  heading(2, 'why-connections-are-expensive', 'Why connections are expensive'),
  heading(
    3,
    'postgresql-a-process-per-session',
    'PostgreSQL: a process per session',
  ),
  '<p>Each backend uses <code>work_mem</code> per sort.</p>',
  '<div class="callout callout-warning" data-callout="warning" role="note" aria-label="Warning"><p class="callout-title">Warning</p><p>Raising max_connections is not the fix.</p></div>',
  heading(2, 'sizing-arithmetic', 'Sizing arithmetic'),
  '<div class="table-wrapper"><table><thead><tr><th>Item</th><th>Value</th></tr></thead><tbody><tr><td>Server connections</td><td>33</td></tr></tbody></table></div>',
  '<div class="code-block" data-language="yaml"><div class="code-toolbar"><span class="code-language">yaml</span></div><pre class="language-yaml"><code class="language-yaml">pool_mode: transaction</code></pre></div>',
  heading(2, 'sizing-arithmetic-1', 'Sizing arithmetic'),
].join('\n');

export const poolingArticle: Article = {
  ...pooling,
  html: poolingHtml,
  toc: [
    {
      id: 'why-connections-are-expensive',
      text: 'Why connections are expensive',
      level: 2,
    },
    {
      id: 'postgresql-a-process-per-session',
      text: 'PostgreSQL: a process per session',
      level: 3,
    },
    { id: 'sizing-arithmetic', text: 'Sizing arithmetic', level: 2 },
    { id: 'sizing-arithmetic-1', text: 'Sizing arithmetic', level: 2 },
  ],
  sections: [
    {
      id: 'why-connections-are-expensive',
      text: 'Why connections are expensive',
      level: 2,
    },
    {
      id: 'postgresql-a-process-per-session',
      text: 'PostgreSQL: a process per session',
      level: 3,
      parentId: 'why-connections-are-expensive',
    },
    { id: 'sizing-arithmetic', text: 'Sizing arithmetic', level: 2 },
    { id: 'sizing-arithmetic-1', text: 'Sizing arithmetic', level: 2 },
  ],
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
