/**
 * An article without its body, as lists and cards show it.
 *
 * @public
 */
export type ArticleSummary = {
  id: string;
  title: string;
  summary: string;
  category: string;
  tags: string[];
  /** YYYY-MM-DD */
  updated: string;
  readingTimeMinutes: number;
  /** YYYY-MM-DD: when an expert last checked the article (so a card can show its age). */
  reviewed?: string;
  /**
   * True when `reviewed` is missing or older than `guidance.reviewIntervalDays`, or a
   * `verifiedAgainst` version is past its end of life.
   */
  stale?: boolean;
  /** Why the article is stale, one sentence each (`Kubernetes 1.34: end of life since 2026-10-27`); empty when fresh. */
  staleReasons?: string[];
};

/**
 * A heading in an article's table of contents; `id` is its anchor (`#id`).
 *
 * @public
 */
export type TocEntry = { id: string; text: string; level: number };

/**
 * An article as the reader needs it (`GET /articles/:id`). The source Markdown is not part of
 * it: `GET /articles/:id/markdown` serves that, whole or by section.
 *
 * @public
 */
export type Article = ArticleSummary & {
  toc: TocEntry[];
  related: ArticleSummary[];
  editUrl?: string;
  /** Rendered once per reload on the backend: sanitized, heading ids, code highlighted to classes. */
  html: string;
  /** The one section model: every heading the article has, in order. */
  sections: ArticleSection[];
  /** YYYY-MM-DD: when an expert last checked the article against its sources. */
  reviewed?: string;
  /** Tool name to the version the article was checked against. */
  verifiedAgainst?: Record<string, string>;
  /** True when `reviewed` is older than `guidance.reviewIntervalDays` (or missing), or a version it was verified against is past its end of life. */
  stale?: boolean;
  /**
   * Softer than a stale reason: a newer release of a still supported version it was verified
   * against (`PostgreSQL 17.10: newer release available (17.11)`). Never makes the article stale.
   */
  versionNotes?: string[];
};

/**
 * A heading of an article in the one section model: its anchor, text, level and the heading it sits under.
 *
 * @public
 */
export type ArticleSection = {
  id: string;
  text: string;
  level: number;
  /** The id of the heading this one sits under (an H3's H2). */
  parentId?: string;
};

/**
 * One section with its plain text, as search indexes it (`GET /articles/:id/sections`):
 * the same parse as `sections`, so a search document always opens its own heading.
 *
 * @public
 */
export type ArticleSectionContent = {
  /** Heading id; absent for the text before the first heading. */
  id?: string;
  /** Heading text; absent for the text before the first heading. */
  heading?: string;
  /** Heading level (2 for `##`); 0 for the text before the first heading. */
  level: number;
  parentId?: string;
  /** Text up to the next heading: no markup, table cells as words, code kept as words. */
  text: string;
  /** The author's search keywords for the section (`<!-- search: … -->`), never shown. */
  keywords?: string[];
};

/**
 * `GET /articles/:id/sections`: every section of an article with its plain text, as search indexes them.
 *
 * @public
 */
export type ArticleSectionsResponse = { items: ArticleSectionContent[] };

/**
 * A category and how many articles it has (`GET /categories`).
 *
 * @public
 */
export type CategoryCount = { id: string; title: string; count: number };

/**
 * One article in the answer to `GET /search`, with the section its best hit sits under.
 *
 * @public
 */
export type SearchResult = {
  id: string;
  title: string;
  summary: string;
  category: string;
  score: number;
  /** The heading the best hit sits under: deep link with `#${section.id}`. */
  section?: { id: string; text: string };
  snippet: string;
  /** As on the article: the result may be out of date, and why. */
  stale?: boolean;
  staleReasons?: string[];
};

/**
 * An article suggested for an entity, and why: its annotation names the article (`annotation`) or the article's `appliesTo` matches it (`rule`, with the reasons).
 *
 * @public
 */
export type Recommendation = {
  article: ArticleSummary;
  source: 'annotation' | 'rule';
  reasons: string[];
};

/**
 * A catalog entity whose guidance annotation names an article (`GET /articles/:id/entities`).
 *
 * @public
 */
export type ArticleEntityLink = {
  entityRef: string;
  kind: string;
  title?: string;
};

/**
 * A list as the API answers it: `{ items }`.
 *
 * @public
 */
export type ListResponse<T> = { items: T[] };
/**
 * What `GET /search` answers: the results, best first.
 *
 * @public
 */
export type SearchResponse = { results: SearchResult[] };

/**
 * Conformance and validation shapes (docs/conformance.md).
 *
 * @public
 */
export type RuleSeverity = 'error' | 'warning';
/**
 * How a rule came out for a set of files or an entity.
 *
 * @public
 */
export type RuleStatus = 'pass' | 'fail' | 'waived' | 'not-applicable';

/**
 * A rule as the API names it: its id, title, severity and the article heading that explains it.
 *
 * @public
 */
export type RuleSummary = {
  id: string;
  title: string;
  severity: RuleSeverity;
  article: {
    id: string;
    title: string;
    section?: { id: string; text: string };
  };
};

/**
 * One thing a rule found, as the API shows it: where (file, object, line and column, when known) and what.
 *
 * @public
 */
export type RuleResultFinding = {
  file?: string;
  object?: string;
  /** 1-based line in `file`, when the rule knows where. */
  line?: number;
  /** 1-based column on that line. */
  column?: number;
  message: string;
};

/**
 * A waiver an entity declares for a rule (`paved-road.dev/waive.<rule-id>`). `expired` is set
 * once its date has passed: the rule then fails again, and says so.
 *
 * @public
 */
export type RuleWaiver = { until: string; reason: string; expired?: boolean };

/**
 * One rule's outcome: its status, its findings, and the waiver or staging that applied.
 *
 * @public
 */
export type RuleResult = {
  rule: RuleSummary;
  status: RuleStatus;
  findings: RuleResultFinding[];
  waiver?: RuleWaiver;
  /** Set when the rule is staged (not yet enforced): a failure then only warns. */
  enforcement?: 'audit' | 'warn';
};

/**
 * Rule results counted by status.
 *
 * @public
 */
export type ConformanceSummary = {
  pass: number;
  /** Failures of enforced rules. */
  fail: number;
  waived: number;
  notApplicable: number;
  /** Failures of staged (`audit` or `warn`) rules: shown as warnings. */
  warn?: number;
};

/**
 * What `POST /validate` answers: the counts and each rule's result.
 *
 * @public
 */
export type ValidateResponse = {
  summary: ConformanceSummary;
  results: RuleResult[];
  /**
   * Set when a `catalog-info.yaml` among the files declares waivers: which file they came from
   * and which rules they name (applied as the conformance service applies them).
   */
  waivers?: {
    file: string;
    entityRef: string;
    applied: string[];
    expired: string[];
    invalid: string[];
  };
};

/**
 * A CI report on an entity as `GET …/conformance` lists it: what `paved-road check` found on a
 * ref (`main`, `pull/42`), pushed to `POST …/conformance/reports`.
 *
 * @public
 */
export type ConformanceReport = {
  ref: string;
  /** The ref is the entity's default branch (named by its source location, else main or master). */
  defaultBranch: boolean;
  /** The pull request or CI run. */
  url?: string;
  title?: string;
  commit?: string;
  receivedAt: string;
  summary: { pass: number; fail: number; waived: number };
  /** Per failing rule, where its first finding is. */
  failing: {
    ruleId: string;
    title?: string;
    severity?: RuleSeverity;
    file?: string;
    line?: number;
  }[];
};

/**
 * One entity's conformance (`GET /entities/:kind/:namespace/:name/conformance`): its last evaluation and CI reports.
 *
 * @public
 */
export type EntityConformance = {
  entityRef: string;
  evaluatedAt: string;
  source: { location: string; etag?: string; error?: string };
  summary: ConformanceSummary;
  results: RuleResult[];
  /** CI reports, the default branch first; absent where reports are not served. */
  reports?: ConformanceReport[];
};

/**
 * `GET /articles/:id/conformance`: the rules an article backs and who follows them.
 *
 * @public
 */
export type ArticleConformance = {
  rules: RuleSummary[];
  entities: { entityRef: string; status: 'pass' | 'fail'; failing: string[] }[];
};

/**
 * `GET /conformance?owner=&rule=`: every visible evaluated entity and every rule's counts.
 *
 * @public
 */
export type ConformanceOverview = {
  entities: {
    entityRef: string;
    owner: string | null;
    summary: ConformanceSummary;
    /** Set when the entity's source could not be read. */
    error?: string;
    /** With `?rule=`: that rule's status for this entity. */
    ruleStatus?: RuleStatus;
    /** The golden path and version it was created or last upgraded from. */
    template?: { template: string; version: number };
  }[];
  rules: { rule: RuleSummary; pass: number; fail: number; waived: number }[];
  /** Services per golden path and version (drift at a glance). */
  templates?: { template: string; version: number; count: number }[];
};
