import {
  CheckReport,
  CheckResult,
  blockingFailures,
  failsRun,
} from '../report';
import { FormatContext, sectionName, sectionUrl, whereOf } from './links';

/** A comment bot can find and replace its earlier comment by this line. */
export const MARKDOWN_MARKER = '<!-- paved-road-check -->';
/** Findings listed per rule; a pull-request comment is read, and GitHub caps its size. */
const MAX_FINDINGS = 20;

/** Text from a finding, safe inside Markdown: no HTML, no emphasis or links by accident. */
export function markdownText(value: string): string {
  return value
    .replace(/\r?\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~])/g, '\\$1');
}

/** A code span that holds any text, backticks included. */
function code(value: string): string {
  const clean = value.replace(/\r?\n/g, ' ');
  const fence = clean.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${clean}${
    fence.length > 1 ? ' ' : ''
  }${fence}`;
}

function link(result: CheckResult, context: FormatContext): string {
  const url = sectionUrl(result.rule, context.docsUrl);
  const name = markdownText(sectionName(result.rule));
  return url ? `[${name}](${url})` : name;
}

function failing(result: CheckResult, context: FormatContext): string[] {
  const { rule } = result;
  const blocking = failsRun(rule.severity, context.failOn);
  const lines = [
    `#### ${code(rule.id)} ${markdownText(rule.title)} — ${rule.severity}${
      blocking ? '' : ' (not blocking)'
    }`,
    '',
  ];
  for (const finding of result.findings.slice(0, MAX_FINDINGS)) {
    const where = whereOf(finding);
    const object = finding.object ? `${markdownText(finding.object)}: ` : '';
    lines.push(
      `- ${where ? `${code(where)} ` : ''}${object}${markdownText(
        finding.message,
      )}`,
    );
  }
  if (result.findings.length > MAX_FINDINGS) {
    lines.push(`- …and ${result.findings.length - MAX_FINDINGS} more`);
  }
  if (result.waiver) {
    lines.push(
      `- the waiver lapsed on ${result.waiver.until}: ${markdownText(
        result.waiver.reason,
      )}`,
    );
  }
  lines.push('', `Why and how to fix: ${link(result, context)}`, '');
  return lines;
}

/** For a pull-request comment: the failing rules with file:line, the heading that explains each, how to waive. */
export function formatMarkdown(
  report: CheckReport,
  context: FormatContext,
): string {
  const failures = report.results.filter(r => r.status === 'fail');
  const waived = report.results.filter(r => r.status === 'waived');
  const blocking = blockingFailures(report, context.failOn).length;
  const { pass, fail, notApplicable } = report.summary;
  const lines = [
    MARKDOWN_MARKER,
    `### Paved Road check: ${
      blocking > 0
        ? `${blocking} rule${blocking === 1 ? '' : 's'} failing`
        : 'passed'
    }`,
    '',
    `${fail} failing, ${
      waived.length
    } waived, ${pass} passing, ${notApplicable} not applicable (fails on ${
      context.failOn
    }${context.failOn === 'error' ? '' : ' and error'}).`,
    '',
  ];
  for (const result of failures) lines.push(...failing(result, context));
  if (waived.length > 0) {
    lines.push('#### Waived', '', '| rule | until | reason |', '|---|---|---|');
    for (const result of waived) {
      lines.push(
        `| ${code(result.rule.id)} | ${
          result.waiver?.until ?? ''
        } | ${markdownText(result.waiver?.reason ?? '')} |`,
      );
    }
    lines.push('');
  }
  if (failures.length > 0) {
    const example = failures[0].rule.id;
    lines.push(
      '<details><summary>How to waive a rule</summary>',
      '',
      "Fix what the rule asks if you can. If the failure is known and accepted for a while, waive it in the entity's `catalog-info.yaml` with a date and a reason; the waiver lapses the day after that date:",
      '',
      '```yaml',
      'metadata:',
      '  annotations:',
      `    paved-road.dev/waive.${example}: "2027-01-31 the reason it is accepted"`,
      '```',
      '',
      '</details>',
      '',
    );
  }
  return lines.join('\n');
}
