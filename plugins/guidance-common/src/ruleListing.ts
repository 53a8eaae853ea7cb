import { RuleSummary } from './types';

/**
 * One rule as `GET /rules` lists it: built-in and added by modules, with the link to the
 * section that explains it (when the portal's address is configured), the kinds of file it
 * reads and how it is enforced.
 * @public
 */
export type RuleListing = RuleSummary & {
  /** `<app.baseUrl>/guidance/<article>#<section>`, when `app.baseUrl` is set. */
  sectionUrl?: string;
  /** What the rule reads, e.g. `kubernetes`, `dockerfile`; `any` when the rule does not say. */
  fileKinds: string[];
  /**
   * How the rule counts today (`guidance.conformance.rules.<id>`): `off`, `audit` (conformance
   * page only), `warn` (a warning on entities) or `enforce` (the default: a failure).
   */
  enforcement: 'off' | 'audit' | 'warn' | 'enforce';
  /** The day (YYYY-MM-DD) an audit or warn rule becomes enforced, when one is set. */
  enforceFrom?: string;
};

/**
 * What `GET /rules` answers.
 * @public
 */
export type RuleListResponse = { rules: RuleListing[] };
