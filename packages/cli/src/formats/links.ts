import { RuleSummary } from '@paved-road/plugin-guidance-common';
import { CheckFinding } from '../report';

/** What every format needs besides the report. */
export type FormatContext = {
  /** The portal's base URL for article links (`--docs-url`, else `--portal`). */
  docsUrl?: string;
  failOn: 'error' | 'warning';
  /** The CLI's version, for SARIF's tool.driver. */
  version: string;
};

/** `<base>/guidance/<article>#<section>`: the heading that explains the rule, when a base is known. */
export function sectionUrl(
  rule: RuleSummary,
  docsUrl?: string,
): string | undefined {
  if (!docsUrl) return undefined;
  const base = docsUrl.replace(/\/+$/, '');
  const anchor = rule.article.section
    ? `#${encodeURIComponent(rule.article.section.id)}`
    : '';
  return `${base}/guidance/${encodeURIComponent(rule.article.id)}${anchor}`;
}

/** The article and heading in words, for reports without a link. */
export function sectionName(rule: RuleSummary): string {
  const section = rule.article.section;
  return section
    ? `${rule.article.title} › ${section.text}`
    : rule.article.title;
}

/** `deploy/app.yaml:12:5`, `deploy/app.yaml:12`, `deploy/app.yaml`, or undefined. */
export function whereOf(finding: CheckFinding): string | undefined {
  if (!finding.file) return undefined;
  if (finding.line === undefined) return finding.file;
  return finding.column !== undefined
    ? `${finding.file}:${finding.line}:${finding.column}`
    : `${finding.file}:${finding.line}`;
}

/** A finding in one line: where, the object, the message. */
export function findingLine(finding: CheckFinding): string {
  const where = whereOf(finding);
  const object = finding.object ? `${finding.object}: ` : '';
  return `${where ? `${where} ` : ''}${object}${finding.message}`;
}

/** The annotation that waives a rule, for the reports that say how. */
export function waiverExample(ruleId: string): string {
  return `paved-road.dev/waive.${ruleId}: "YYYY-MM-DD the reason"`;
}
