import { diff3Merge } from 'node-diff3';

/** A file of a tree: its bytes and whether it is executable. */
export type TreeFile = { content: Buffer; executable?: boolean };
export type FileTree = Map<string, TreeFile>;

export type MergeLabels = { ours: string; base: string; theirs: string };

export type TreeMergeResult = {
  files: FileTree;
  /** Files where both sides changed the same lines: they hold conflict markers. */
  conflicts: string[];
  /** Files the template changed that were deleted on main: left deleted. */
  deletedByUser: string[];
  /** Files the template removed that were changed on main: kept as they are on main. */
  removedByTemplate: string[];
  /** Files the template changed and that merged cleanly. */
  updated: string[];
};

function same(a?: TreeFile, b?: TreeFile): boolean {
  if (!a || !b) return a === b;
  return a.content.equals(b.content);
}

function isBinary(file?: TreeFile): boolean {
  return !!file && file.content.includes(0);
}

function splitLines(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

/**
 * Merges one text file line by line. Both sides changing the same lines differently gives
 * git-style conflict markers with the base in between (diff3 style), so nothing is lost.
 */
export function mergeText(
  ours: string,
  base: string,
  theirs: string,
  labels: MergeLabels,
): { text: string; conflict: boolean } {
  const regions = diff3Merge(
    splitLines(ours),
    splitLines(base),
    splitLines(theirs),
    { excludeFalseConflicts: true },
  );
  const lines: string[] = [];
  let conflict = false;
  for (const region of regions) {
    if (region.ok) {
      lines.push(...region.ok);
    } else if (region.conflict) {
      conflict = true;
      lines.push(
        `<<<<<<< ${labels.ours}`,
        ...region.conflict.a,
        `||||||| ${labels.base}`,
        ...region.conflict.o,
        '=======',
        ...region.conflict.b,
        `>>>>>>> ${labels.theirs}`,
      );
    }
  }
  return { text: lines.join('\n'), conflict };
}

/**
 * Three-way merge of whole trees: `ours` is main, `base` the previous pristine render,
 * `theirs` the new render. User changes win where the template did not change a file; the
 * template wins where the user did not; both changes are merged line by line otherwise.
 */
export function mergeTrees(
  ours: FileTree,
  base: FileTree,
  theirs: FileTree,
  labels: MergeLabels,
): TreeMergeResult {
  const files: FileTree = new Map(ours);
  const result: TreeMergeResult = {
    files,
    conflicts: [],
    deletedByUser: [],
    removedByTemplate: [],
    updated: [],
  };
  const paths = [
    ...new Set([...ours.keys(), ...base.keys(), ...theirs.keys()]),
  ].sort();
  for (const path of paths) {
    const o = ours.get(path);
    const b = base.get(path);
    const t = theirs.get(path);
    if (same(t, b) || same(o, t)) continue; // template did not change it, or both agree
    if (same(o, b)) {
      // Only the template changed it.
      if (t) files.set(path, t);
      else files.delete(path);
      result.updated.push(path);
      continue;
    }
    if (!o) {
      // Deleted on main, changed by the template: a deletion is a decision; report it.
      result.deletedByUser.push(path);
      continue;
    }
    if (!t) {
      // Removed by the template, changed on main: keep the user's work.
      result.removedByTemplate.push(path);
      continue;
    }
    if (isBinary(o) || isBinary(t) || isBinary(b)) {
      result.conflicts.push(path); // main's version stays; a binary cannot hold markers
      continue;
    }
    const merged = mergeText(
      o.content.toString('utf8'),
      b ? b.content.toString('utf8') : '',
      t.content.toString('utf8'),
      labels,
    );
    files.set(path, {
      content: Buffer.from(merged.text, 'utf8'),
      executable: o.executable || t.executable,
    });
    if (merged.conflict) result.conflicts.push(path);
    else result.updated.push(path);
  }
  return result;
}
