import { createServiceFactory } from '@backstage/backend-plugin-api';
import { createServiceMock } from '@backstage/backend-test-utils';
import {
  Recommendation,
  RuleResult,
  RuleSummary,
  summarize,
} from '@paved-road/plugin-guidance-common';
// The package by its name, as Backstage's own testUtils entries do: this entry point refers to the
// main entry's types instead of carrying copies of them.
import {
  BUILTIN_RULES,
  evaluateRules,
  GuidanceRule,
  GuidanceService,
  guidanceServiceRef,
  parseManifests,
  toResultFinding,
} from '@paved-road/plugin-guidance-node';
import { articleSummaryFixture } from './articleSummaryFixture';

/**
 * What the in-memory {@link (guidanceServiceMock:function)} answers.
 * @public
 */
export type GuidanceServiceMockOptions = {
  /** Rules that `validate` and `listRules` use, as the guidance backend would. Defaults to the built-in rules. */
  rules?: GuidanceRule[];
  /** Article ids that `recommend` answers, in order. Defaults to none. */
  recommendations?: string[];
};

/**
 * A `GuidanceService` whose methods are `jest.fn`s, so a test can both rely on their
 * answers and assert how they were called.
 * @public
 */
export type GuidanceServiceMock = {
  [K in keyof GuidanceService]: jest.MockedFunction<GuidanceService[K]>;
};

function ruleSummary(rule: GuidanceRule): RuleSummary {
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    article: { id: rule.article.id, title: rule.article.id },
  };
}

function noArticle(id: string): never {
  throw new Error(`guidanceServiceMock has no article ${id}`);
}

/**
 * A guidance service for tests that needs no guidance backend: `validate` evaluates the
 * rules in memory with the engine the backend uses, `listRules` lists those rules,
 * `recommend` answers fixed ids, and the article and conformance calls answer nothing.
 * Every method is a `jest.fn`.
 *
 * @remarks
 * Use {@link (guidanceServiceMock:namespace).factory} to provide it to `startTestBackend`, and
 * {@link (guidanceServiceMock:namespace).mock} for a service whose methods do nothing unless given.
 * @public
 */
export function guidanceServiceMock(
  options: GuidanceServiceMockOptions = {},
): GuidanceServiceMock {
  const rules = options.rules ?? BUILTIN_RULES;
  const recommendations = options.recommendations ?? [];
  const recommend: GuidanceService['recommend'] = async () => ({
    items: recommendations.map(
      (id): Recommendation => ({
        article: articleSummaryFixture(id),
        source: 'rule',
        reasons: ['guidanceServiceMock'],
      }),
    ),
  });
  const validate: GuidanceService['validate'] = async files => {
    const results = evaluateRules(rules, parseManifests(files)).map(
      (evaluation): RuleResult => ({
        rule: ruleSummary(evaluation.rule),
        status: evaluation.status,
        findings: evaluation.findings.map(toResultFinding),
      }),
    );
    return { summary: summarize(results), results };
  };
  const listRules: GuidanceService['listRules'] = async () => ({
    rules: rules.map(rule => ({
      ...ruleSummary(rule),
      fileKinds: rule.fileKinds ?? ['any'],
      enforcement: 'enforce',
    })),
  });
  const getConformanceOverview: GuidanceService['getConformanceOverview'] =
    async () => ({ entities: [], rules: [] });
  const getEntityConformance: GuidanceService['getEntityConformance'] =
    async () => undefined;
  const listArticles: GuidanceService['listArticles'] = async () => ({
    items: [],
  });
  const search: GuidanceService['search'] = async () => ({ results: [] });
  return {
    listArticles: jest.fn(listArticles),
    getArticle: jest.fn(async (id: string) => noArticle(id)),
    getArticleSections: jest.fn(async (id: string) => noArticle(id)),
    search: jest.fn(search),
    recommend: jest.fn(recommend),
    validate: jest.fn(validate),
    getConformanceOverview: jest.fn(getConformanceOverview),
    getEntityConformance: jest.fn(getEntityConformance),
    listRules: jest.fn(listRules),
  };
}

/**
 * Test doubles for `guidanceServiceRef`, in the shape of Backstage's own service mocks
 * (`mockServices`, `catalogServiceMock`).
 * @public
 */
export namespace guidanceServiceMock {
  /**
   * A service factory for `guidanceServiceRef` that provides the in-memory guidance service,
   * for `startTestBackend({ features: [guidanceServiceMock.factory(), ...] })`.
   */
  export const factory = (options?: GuidanceServiceMockOptions) =>
    createServiceFactory({
      service: guidanceServiceRef,
      deps: {},
      factory: () => guidanceServiceMock(options),
    });

  /**
   * A guidance service whose methods are bare `jest.fn()`s (they return undefined),
   * optionally given implementations; its `.factory` provides this very instance.
   */
  export const mock = createServiceMock(guidanceServiceRef, () => ({
    listArticles: jest.fn(),
    getArticle: jest.fn(),
    getArticleSections: jest.fn(),
    search: jest.fn(),
    recommend: jest.fn(),
    validate: jest.fn(),
    getConformanceOverview: jest.fn(),
    getEntityConformance: jest.fn(),
    listRules: jest.fn(),
  }));
}
