import type { Log, ReportingDescriptor, Result } from 'sarif';
import { CheckFinding, CheckReport, CheckResult } from '../report';
import { FormatContext, sectionName, sectionUrl, waiverExample } from './links';

/** The schema GitHub code scanning and the OASIS standard name for SARIF 2.1.0. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const uriOf = (file: string) =>
  file.split('/').map(encodeURIComponent).join('/');

function descriptor(
  result: CheckResult,
  context: FormatContext,
): ReportingDescriptor {
  const { rule } = result;
  const helpUri = sectionUrl(rule, context.docsUrl);
  const explained = `Explained in ${sectionName(rule)}${
    helpUri ? `: ${helpUri}` : ''
  }. Waive it with the annotation ${waiverExample(
    rule.id,
  )} in catalog-info.yaml.`;
  return {
    id: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: `${rule.title}. ${explained}` },
    ...(helpUri ? { helpUri } : {}),
    help: {
      text: explained,
      markdown: `${
        helpUri ? `[${sectionName(rule)}](${helpUri})` : sectionName(rule)
      } explains this rule: what it checks, why, and how to fix it.\n\nTo accept a failure for a while, add \`${waiverExample(
        rule.id,
      )}\` to the entity's annotations in \`catalog-info.yaml\`.`,
    },
    defaultConfiguration: { level: rule.severity },
    properties: { tags: ['paved-road', rule.article.id] },
  };
}

function sarifResult(
  result: CheckResult,
  ruleIndex: number,
  finding: CheckFinding,
): Result {
  return {
    ruleId: result.rule.id,
    ruleIndex,
    level: result.rule.severity,
    message: {
      text: finding.object
        ? `${finding.object}: ${finding.message}`
        : finding.message,
    },
    ...(finding.file
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uriOf(finding.file) },
                // code scanning places a result by its region: a finding about a whole file is on its first line
                region: {
                  startLine: finding.line ?? 1,
                  ...(finding.column !== undefined
                    ? { startColumn: finding.column }
                    : {}),
                },
              },
            },
          ],
        }
      : {}),
    // a waiver sits in catalog-info.yaml, outside the file the result is about
    ...(result.status === 'waived'
      ? {
          suppressions: [
            {
              kind: 'external' as const,
              justification: `waived until ${result.waiver?.until}: ${result.waiver?.reason}`,
            },
          ],
        }
      : {}),
  };
}

/** SARIF 2.1.0 for GitHub code scanning: every rule as metadata, a result per finding of a failing or waived rule. */
export function formatSarif(
  report: CheckReport,
  context: FormatContext,
): string {
  const rules = report.results.map(r => descriptor(r, context));
  const results: Result[] = [];
  report.results.forEach((result, index) => {
    if (result.status !== 'fail' && result.status !== 'waived') return;
    for (const finding of result.findings) {
      results.push(sarifResult(result, index, finding));
    }
  });
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'paved-road',
            informationUri: 'https://github.com/paved-road/paved-road',
            version: context.version,
            rules,
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
