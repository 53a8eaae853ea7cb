import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  ArticleSummary,
  Recommendation,
  ValidateResponse,
} from '@paved-road/plugin-guidance-common';
import {
  BUILTIN_RULES,
  evaluateRules,
  GuidanceRule,
  GuidanceService,
  guidanceServiceRef,
  parseManifests,
} from '@paved-road/plugin-guidance-node';

/** @public */
export type GuidanceServiceMockOptions = {
  /** Rules that `validate` evaluates, as the guidance backend would. Defaults to the built-in rules. */
  rules?: GuidanceRule[];
  /** Article ids that `recommend` answers, in order. Defaults to none. */
  recommendations?: string[];
};

/** A {@link GuidanceService} whose methods are `jest.fn`s. @public */
export type GuidanceServiceMock = {
  [K in keyof GuidanceService]: jest.MockedFunction<GuidanceService[K]>;
};

function summary(id: string): ArticleSummary {
  return {
    id,
    title: id,
    summary: '',
    category: 'sre',
    tags: [],
    updated: '2026-01-01',
    readingTimeMinutes: 1,
  } as ArticleSummary;
}

/**
 * A guidance service for tests that needs no guidance backend: `validate` evaluates the
 * rules locally with the same engine the backend uses, `recommend` answers fixed ids, and
 * the article calls answer nothing.
 * @public
 */
export function guidanceServiceMock(
  options: GuidanceServiceMockOptions = {},
): GuidanceServiceMock {
  const rules = options.rules ?? BUILTIN_RULES;
  const recommendations = options.recommendations ?? [];
  const search: GuidanceService['search'] = async () => ({ results: [] });
  const recommend: GuidanceService['recommend'] = async () => ({
    items: recommendations.map(
      (id): Recommendation => ({
        article: summary(id),
        source: 'rule',
        reasons: ['guidanceServiceMock'],
      }),
    ),
  });
  return {
    listArticles: jest.fn(async () => ({ items: [] })),
    getArticle: jest.fn(async (id: string) => {
      throw new Error(`guidanceServiceMock has no article ${id}`);
    }),
    getArticleSections: jest.fn(async (id: string) => {
      throw new Error(`guidanceServiceMock has no article ${id}`);
    }),
    search: jest.fn(search),
    recommend: jest.fn(recommend),
    getConformanceOverview: jest.fn<
      ReturnType<GuidanceService['getConformanceOverview']>,
      Parameters<GuidanceService['getConformanceOverview']>
    >(async () => ({ entities: [], rules: [] })),
    getEntityConformance: jest.fn<
      ReturnType<GuidanceService['getEntityConformance']>,
      Parameters<GuidanceService['getEntityConformance']>
    >(async () => undefined),
    listRules: jest.fn(async () => ({
      rules: rules.map(rule => ({
        id: rule.id,
        title: rule.title,
        severity: rule.severity,
        article: { id: rule.article.id, title: rule.article.id },
        fileKinds: rule.fileKinds ?? ['any'],
        enforcement: 'enforce' as const,
      })),
    })),
    validate: jest.fn(async (files: { path: string; content: string }[]) => {
      const results = evaluateRules(rules, parseManifests(files)).map(e => ({
        rule: {
          id: e.rule.id,
          title: e.rule.title,
          severity: e.rule.severity,
          article: { id: e.rule.article.id, title: e.rule.article.id },
        },
        status: e.status,
        findings: e.findings.map(({ file, object, message }) => ({
          file,
          object,
          message,
        })),
      }));
      const count = (s: string) => results.filter(r => r.status === s).length;
      return {
        summary: {
          pass: count('pass'),
          fail: count('fail'),
          waived: 0,
          notApplicable: count('not-applicable'),
        },
        results,
      } as ValidateResponse;
    }),
  };
}

/**
 * A factory for `guidanceServiceRef` that provides {@link guidanceServiceMock}, for
 * `startTestBackend({ features: [guidanceServiceMock.factory(), ...] })`.
 * @public
 */
/** @public */
guidanceServiceMock.factory = (options: GuidanceServiceMockOptions = {}) =>
  createServiceFactory({
    service: guidanceServiceRef,
    deps: {},
    factory: () => guidanceServiceMock(options),
  });
