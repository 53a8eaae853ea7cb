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
  /** Every rule is enforced for now; staged rules are a later addition. */
  enforcement: 'enforce';
};

/**
 * What `GET /rules` answers.
 * @public
 */
export type RuleListResponse = { rules: RuleListing[] };
