import { Entity } from '@backstage/catalog-model';
import { LifecycleTable } from '@paved-road/plugin-guidance-common';
import { UnresolvedConflict } from './conflictMarkers';
import { FieldPositions } from './positions';

/**
 * One Kubernetes (or other YAML) object found in the files under check.
 *
 * @public
 */
export type ManifestObject = {
  /** Path of the file it came from, relative to the repository root. */
  file: string;
  /** Position of the document inside its file, from 0. */
  index: number;
  apiVersion: string;
  kind: string;
  name: string;
  body: unknown;
};

/**
 * A file that could not be parsed, with the parser's reason and, when known, where (1-based).
 *
 * @public
 */
export type ManifestParseError = {
  file: string;
  message: string;
  line?: number;
  column?: number;
};

/**
 * The release cycles a rule judges versions by, and the day it judges them on.
 *
 * @public
 */
export type RuleLifecycle = {
  table: LifecycleTable;
  /** YYYY-MM-DD */
  today: string;
};

/**
 * What a rule sees: every object of every file, and the files that did not parse.
 *
 * @public
 */
export type RuleInput = {
  objects: ManifestObject[];
  parseErrors: ManifestParseError[];
  /**
   * Every parsed YAML document of every file, Kubernetes object or not: for rules on YAML that
   * has no apiVersion and kind (GitHub Actions workflows, CI configurations).
   */
  documents?: { file: string; index: number; body: unknown }[];
  /** Every file under check as text, for rules on files that are not YAML (Dockerfile, go.mod). */
  files?: ManifestFile[];
  /** Set by the backend (a refreshed table); without it rules use the shipped table and today. */
  lifecycle?: RuleLifecycle;
  /** Merge conflict blocks left in the files (their objects are read from the first side). */
  conflicts?: UnresolvedConflict[];
  /** What the kustomizations among the files say about the other files. */
  /**
   * Per file, per document index: where its fields are, from the parser. The engine gives
   * findings their line and column from it.
   */
  positions?: Map<string, FieldPositions[]>;
  kustomize?: {
    /** Image names a kustomization pins (`images[].newTag` other than latest, or a digest). */
    pinnedImages: string[];
  };
  /**
   * The catalog entity the files belong to, for rules on the entity itself (its owner, its
   * on-call annotations). The conformance service passes the entity it evaluates; otherwise it
   * is read from a `catalog-info.yaml` among the files.
   */
  entity?: Entity;
};

/**
 * One thing a rule found: a pass, a failure or a note that it does not apply.
 *
 * @public
 */
export type RuleFinding = {
  status: 'pass' | 'fail' | 'not-applicable';
  file?: string;
  /** `<Kind>/<name>` of the object the finding is about. */
  object?: string;
  /**
   * The field of the object the finding is about (`['spec', 'template', 'spec', 'containers', 0]`):
   * the engine sets `line` and `column` from it (the object's start without it). A field that is
   * missing points at its nearest present parent.
   */
  path?: (string | number)[];
  /** 1-based line in `file` the finding points at, when the rule knows it. */
  line?: number;
  /** 1-based column on that line. */
  column?: number;
  message: string;
};

/**
 * A rule: data (id, title, severity, the heading that explains it) plus a check.
 *
 * @public
 */
export type GuidanceRule = {
  /** kebab-case and stable, e.g. `readiness-probe`, `served-api-version`. */
  id: string;
  /** 'Containers have a readiness probe' */
  title: string;
  severity: 'error' | 'warning';
  /**
   * The kinds of file the rule reads, for people and tools choosing what to check: `kubernetes`,
   * `yaml`, `github-actions`, `circleci`, `buildkite`, `tekton`, `dockerfile`, `argocd`, `flux`,
   * `prometheus-rules`, `pgbouncer`, `catalog-entity`, `go-mod`, `package-json`… A module's rule
   * may name a kind of its own. `GET /rules` lists them; unset means it may read any file.
   */
  fileKinds?: string[];
  /**
   * The article, and the heading id inside it, that explains the rule: what it checks, why,
   * how to fix a finding and how to waive it. Each rule has a section of its own.
   */
  article: { id: string; section?: string };
  /**
   * Set only when the rule shares its section with another rule because both give the same
   * advice: why one explanation serves both.
   */
  sharedSectionReason?: string;
  check(input: RuleInput): RuleFinding[];
};

/**
 * A file handed to the engine.
 *
 * @public
 */
export type ManifestFile = { path: string; content: string };

/**
 * The outcome of one rule over one set of files.
 *
 * @public
 */
export type RuleEvaluation = {
  rule: GuidanceRule;
  status: 'pass' | 'fail' | 'not-applicable';
  /** Only the failures when the rule fails; the passes otherwise (bounded). */
  findings: RuleFinding[];
};
