/**
 * Template annotation: the golden path's version, an integer bumped on every change.
 *
 * @public
 */
export const TEMPLATE_VERSION_ANNOTATION = 'paved-road.dev/template-version';

/**
 * Entity annotation: the golden path and version an entity was created or last upgraded from.
 *
 * @public
 */
export const TEMPLATE_ORIGIN_ANNOTATION = 'paved-road.dev/template';

/**
 * Where a generated repository records the template, version and answers it was made with.
 *
 * @public
 */
export const ANSWERS_FILE = '.paved-road/answers.yaml';

/**
 * Branch holding the pristine render of the template, the base of every upgrade merge.
 *
 * @public
 */
export const TEMPLATE_BRANCH = 'paved-road/template';

/**
 * The branch an upgrade to `version` is merged into.
 *
 * @public
 */
export function upgradeBranchName(version: number): string {
  return `paved-road/upgrade-v${version}`;
}

/**
 * `go-service@4` → `{ template: 'go-service', version: 4 }`; undefined when malformed.
 *
 * @public
 */
export function parseTemplateOrigin(
  value: string | undefined,
): { template: string; version: number } | undefined {
  const match = /^\s*([a-z0-9][a-z0-9._-]*)@(\d+)\s*$/.exec(value ?? '');
  if (!match) return undefined;
  return { template: match[1], version: Number(match[2]) };
}

/**
 * One version's entry in a template's CHANGELOG.md.
 *
 * @public
 */
export type TemplateChangelogEntry = {
  version: number;
  date?: string;
  /** The Markdown under the version's heading. */
  body: string;
};

/**
 * Reads a template CHANGELOG.md: `## v<N> — <date>` headings, newest first, each followed by
 * what changed and why. Entries come back newest first whatever the file order.
 *
 * @public
 */
export function parseTemplateChangelog(
  markdown: string,
): TemplateChangelogEntry[] {
  const entries: TemplateChangelogEntry[] = [];
  let current: { version: number; date?: string; lines: string[] } | undefined;
  const flush = () => {
    if (current) {
      entries.push({
        version: current.version,
        date: current.date,
        body: current.lines.join('\n').trim(),
      });
    }
  };
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^##\s+v?(\d+)\b(?:\s*[—–-]\s*(\S.*))?$/.exec(line);
    if (heading) {
      flush();
      current = {
        version: Number(heading[1]),
        date: heading[2]?.trim(),
        lines: [],
      };
    } else if (current) {
      current.lines.push(line);
    }
  }
  flush();
  return entries.sort((a, b) => b.version - a.version);
}
