import { GuidanceRule, RuleFinding } from '../types';

/** `go-service v2` → "from the go-service v2 upgrade"; any other label is quoted as it is. */
function origin(label: string): string {
  if (/^[a-z0-9][a-z0-9._-]* v\d+$/.test(label)) {
    return ` from the ${label} upgrade`;
  }
  return label ? ` (merging "${label}")` : '';
}

/**
 * No file keeps merge conflict markers. Checks read the first side of each conflict (what the
 * branch had), so the objects of a conflicted file are still checked; this rule says that the
 * file is not finished.
 */
export const mergeConflictRule: GuidanceRule = {
  id: 'merge-conflict',
  title: 'No file keeps unresolved merge conflict markers',
  severity: 'error',
  fileKinds: ['yaml'],
  article: { id: 'golden-paths', section: 'rule-merge-conflict' },
  check(input) {
    const conflicts = input.conflicts ?? [];
    if (conflicts.length === 0) {
      return input.objects.length > 0
        ? [{ status: 'pass', message: 'no file keeps conflict markers' }]
        : [];
    }
    const byFile = new Map<string, typeof conflicts>();
    for (const conflict of conflicts) {
      byFile.set(conflict.file, [
        ...(byFile.get(conflict.file) ?? []),
        conflict,
      ]);
    }
    const findings: RuleFinding[] = [];
    for (const [file, list] of byFile) {
      const labels = [...new Set(list.map(c => c.label))];
      const lines = list.map(c => c.line).join(', ');
      findings.push({
        status: 'fail',
        file,
        message: `${
          list.length === 1
            ? 'unresolved merge conflict'
            : `${list.length} unresolved merge conflicts`
        }${labels.length === 1 ? origin(labels[0]) : ''} (line${
          list.length === 1 ? '' : 's'
        } ${lines}): keep the lines you want, delete the <<<<<<<, |||||||, ======= and >>>>>>> lines and commit. Until then the other checks read the side before the merge`,
      });
    }
    return findings;
  },
};
