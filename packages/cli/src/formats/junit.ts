import { CheckReport, CheckResult } from '../report';
import { FormatContext, findingLine, sectionName, sectionUrl } from './links';

// XML 1.0 has no way to write most control characters, not even escaped: they are dropped
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for an element's content. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Text for a double-quoted attribute (line breaks kept as character references). */
export function xmlAttr(value: string): string {
  return xmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function testcase(result: CheckResult, context: FormatContext): string {
  const { rule } = result;
  const attrs = `classname="paved-road.${xmlAttr(
    rule.article.id,
  )}" name="${xmlAttr(`${rule.id}: ${rule.title}`)}"${
    result.findings[0]?.file && result.status === 'fail'
      ? ` file="${xmlAttr(result.findings[0].file)}"`
      : ''
  }`;
  const why = `why: ${sectionUrl(rule, context.docsUrl) ?? sectionName(rule)}`;
  if (result.status === 'fail') {
    const count = result.findings.length;
    const message = `${rule.severity}: ${count} finding${
      count === 1 ? '' : 's'
    } — ${result.findings[0]?.message ?? rule.title}`;
    const body = [...result.findings.map(findingLine), why].join('\n');
    return `    <testcase ${attrs}>\n      <failure message="${xmlAttr(
      message,
    )}" type="${rule.severity}">${xmlText(body)}</failure>\n    </testcase>`;
  }
  if (result.status === 'waived') {
    return `    <testcase ${attrs}>\n      <skipped message="${xmlAttr(
      `waived until ${result.waiver?.until}: ${result.waiver?.reason}`,
    )}"/>\n    </testcase>`;
  }
  if (result.status === 'not-applicable') {
    return `    <testcase ${attrs}>\n      <skipped message="not applicable: nothing in these files for this rule"/>\n    </testcase>`;
  }
  return `    <testcase ${attrs}/>`;
}

/** JUnit XML for CI test reports: one testsuite, a testcase per rule, a failure per failing rule. */
export function formatJunit(
  report: CheckReport,
  context: FormatContext,
): string {
  const { fail, waived, notApplicable } = report.summary;
  const tests = report.results.length;
  const skipped = waived + notApplicable;
  const suite = `name="paved-road check" tests="${tests}" failures="${fail}" errors="0" skipped="${skipped}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${suite}>`,
    `  <testsuite ${suite}>`,
    ...report.results.map(r => testcase(r, context)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
