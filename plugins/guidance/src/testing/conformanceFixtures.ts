import {
  ArticleConformance,
  ConformanceOverview,
  EntityConformance,
  RuleSummary,
} from '@paved-road/plugin-guidance-common';

const rule = (
  id: string,
  title: string,
  article: RuleSummary['article'],
): RuleSummary => ({ id, title, severity: 'error', article });

const patterns = {
  id: 'minikube-deployment-patterns',
  title: 'Minikube deployment patterns',
};

export const memoryLimit = rule(
  'memory-limit',
  'Every container has a memory limit',
  {
    id: 'golden-paths',
    title: 'Golden paths',
    section: {
      id: 'what-the-deployment-defaults-look-like',
      text: 'What the deployment defaults look like',
    },
  },
);
export const readinessProbe = rule(
  'readiness-probe',
  'Long-running containers have a readiness probe',
  {
    ...patterns,
    section: { id: 'why-these-values', text: 'Why these values' },
  },
);
export const imagePinned = rule(
  'image-pinned',
  'Images are pinned by a specific tag or a digest',
  {
    id: 'golden-paths',
    title: 'Golden paths',
    section: { id: 'checklist', text: 'Checklist' },
  },
);
export const cronjobDeadlines = rule(
  'cronjob-deadlines',
  'CronJobs set deadlines',
  patterns,
);

/** reports-worker: one failing rule with evidence, one waived, one passing, one not applicable. */
export const reportsWorkerConformance: EntityConformance = {
  entityRef: 'component:default/reports-worker',
  evaluatedAt: '2026-11-24T12:00:00.000Z',
  source: { location: 'file:./', etag: '"abc"' },
  summary: { pass: 1, fail: 1, waived: 1, notApplicable: 1 },
  results: [
    {
      rule: memoryLimit,
      status: 'fail',
      findings: [
        {
          file: 'deploy/deployment.yaml',
          object: 'Deployment/reports-worker',
          message: 'container worker does not set resources limits.memory',
        },
      ],
    },
    {
      rule: imagePinned,
      status: 'waived',
      findings: [{ message: 'tag "7" moves' }],
      waiver: {
        until: '2027-03-31',
        reason: 'vendor image publishes major tags only',
      },
    },
    {
      rule: readinessProbe,
      status: 'pass',
      findings: [{ message: 'container worker has a readinessProbe' }],
    },
    { rule: cronjobDeadlines, status: 'not-applicable', findings: [] },
  ],
};

export const overview: ConformanceOverview = {
  entities: [
    {
      entityRef: 'component:default/payments-api',
      owner: 'group:default/payments-team',
      summary: { pass: 3, fail: 0, waived: 0, notApplicable: 1 },
    },
    {
      entityRef: 'component:default/reports-worker',
      owner: 'group:default/platform-team',
      summary: { pass: 1, fail: 1, waived: 1, notApplicable: 1 },
    },
    {
      entityRef: 'component:default/legacy',
      owner: 'group:default/platform-team',
      summary: { pass: 0, fail: 0, waived: 0, notApplicable: 0 },
      error: 'could not read source: ENOENT',
    },
  ],
  rules: [
    { rule: memoryLimit, pass: 1, fail: 1, waived: 0 },
    { rule: imagePinned, pass: 1, fail: 0, waived: 1 },
    { rule: readinessProbe, pass: 2, fail: 0, waived: 0 },
    { rule: cronjobDeadlines, pass: 0, fail: 0, waived: 0 },
  ],
};

export const articleConformance: ArticleConformance = {
  rules: [memoryLimit, imagePinned],
  entities: [
    {
      entityRef: 'component:default/payments-api',
      status: 'pass',
      failing: [],
    },
    {
      entityRef: 'component:default/reports-worker',
      status: 'fail',
      failing: ['memory-limit'],
    },
  ],
};
