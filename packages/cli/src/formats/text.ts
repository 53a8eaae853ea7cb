import { CheckReport, blockingFailures, failsRun } from '../report';
import { FormatContext, findingLine, sectionName, sectionUrl } from './links';

const LABEL = {
  fail: 'FAIL',
  waived: 'WAIVED',
  pass: 'PASS',
  'not-applicable': 'N/A',
} as const;

/** For a terminal: failing and waived rules with their findings, then a one-line verdict. */
export function formatText(
  report: CheckReport,
  context: FormatContext,
): string {
  const lines: string[] = [];
  for (const result of report.results) {
    if (result.status !== 'fail' && result.status !== 'waived') continue;
    const { rule } = result;
    const blocking =
      result.status === 'fail' && failsRun(rule.severity, context.failOn);
    lines.push(
      `${LABEL[result.status]} ${rule.severity}${
        result.status === 'fail' && !blocking ? ' (not blocking)' : ''
      }  ${rule.id}  ${rule.title}`,
    );
    if (result.status === 'waived' && result.waiver) {
      lines.push(
        `  waived until ${result.waiver.until}: ${result.waiver.reason}`,
      );
    } else if (result.waiver) {
      lines.push(
        `  waiver lapsed on ${result.waiver.until}: ${result.waiver.reason}`,
      );
    }
    if (result.status === 'fail') {
      for (const finding of result.findings) {
        lines.push(`  ${findingLine(finding)}`);
      }
    }
    lines.push(
      `  why: ${sectionUrl(rule, context.docsUrl) ?? sectionName(rule)}`,
    );
    lines.push('');
  }
  const passed = report.results
    .filter(r => r.status === 'pass')
    .map(r => r.rule.id);
  if (passed.length > 0) lines.push(`passed: ${passed.join(', ')}`, '');
  const { pass, fail, waived, notApplicable } = report.summary;
  const blocking = blockingFailures(report, context.failOn).length;
  lines.push(
    `${fail} failing, ${waived} waived, ${pass} passing, ${notApplicable} not applicable — ${
      blocking > 0
        ? `${blocking} at or above ${context.failOn}: check failed`
        : 'check passed'
    }`,
  );
  return `${lines.join('\n')}\n`;
}
