import { CheckReport } from '../report';
import { formatJunit } from './junit';
import { FormatContext } from './links';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatText } from './text';

export type { FormatContext } from './links';

/** The report formats `--format` takes. */
export const FORMATS = ['text', 'sarif', 'junit', 'markdown', 'json'] as const;
export type Format = (typeof FORMATS)[number];

const formatters: Record<
  Format,
  (report: CheckReport, context: FormatContext) => string
> = {
  text: formatText,
  sarif: formatSarif,
  junit: formatJunit,
  markdown: formatMarkdown,
  json: report => `${JSON.stringify(report, null, 2)}\n`,
};

/** The report in a format. */
export function formatReport(
  report: CheckReport,
  format: Format,
  context: FormatContext,
): string {
  return formatters[format](report, context);
}
