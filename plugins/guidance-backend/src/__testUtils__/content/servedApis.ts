import { findRemovedApiVersion } from '@paved-road/plugin-guidance-node';

/** The identifying head of one manifest: where it is, its apiVersion and kind. */
export type ManifestHead = { where: string; apiVersion: string; kind: string };

const unquote = (v: string) => v.trim().replace(/^(["'])(.*)\1$/, '$2');

/**
 * Top-level `apiVersion`/`kind` pairs of every YAML document in a text, read line by line
 * so that templated files (Nunjucks `${{ }}`), which do not parse as YAML, are covered too.
 */
export function manifestHeads(
  text: string,
  where: string,
  /** The line of the file the text starts at (a code block inside an article). */
  firstLine = 1,
): ManifestHead[] {
  const heads: ManifestHead[] = [];
  let line = firstLine;
  for (const doc of text.split(/^---[ \t]*$/m)) {
    const versionMatch = /^apiVersion:[ \t]*(\S[^#\n]*)/m.exec(doc);
    const apiVersion = versionMatch?.[1];
    const kind = /^kind:[ \t]*(\S[^#\n]*)/m.exec(doc)?.[1];
    if (apiVersion && kind) {
      heads.push({
        where: `${where}:${
          line + doc.slice(0, versionMatch!.index).split('\n').length - 1
        }`,
        apiVersion: unquote(apiVersion),
        kind: unquote(kind),
      });
    }
    line += doc.split('\n').length - 1;
  }
  return heads;
}

/** One line per manifest that uses an API version current releases no longer serve. */
export function removedApiProblems(heads: ManifestHead[]): string[] {
  return heads.flatMap(h => {
    const removed = findRemovedApiVersion(h.apiVersion, h.kind);
    return removed
      ? [
          `${h.where}: ${h.kind} ${h.apiVersion} is not served since ${removed.project} ${removed.removedIn}; use ${removed.replacement}`,
        ]
      : [];
  });
}
