/**
 * One block of merge conflict markers left in a file.
 * @public
 */
export type UnresolvedConflict = {
  file: string;
  /** 1-based line of the `<<<<<<<` marker. */
  line: number;
  /** What follows `>>>>>>>`: the side merged in, e.g. `go-service v2` for a Paved Road upgrade. */
  label: string;
};

const START = /^<{7}(?: |$)/;
const BASE = /^\|{7}(?: |$)/;
const SPLIT = /^={7}\s*$/;
const END = /^>{7}(?: (.*))?$/;

/**
 * Finds the conflict blocks a merge left (`<<<<<<<` … `=======` … `>>>>>>>`, with or without a
 * diff3 `|||||||` base) and returns the text with only the first side of each block kept, which
 * is what the branch had before the merge. The other rules read that text, so objects in a
 * conflicted file still count (a Service still finds its Deployment); the conflict itself is
 * reported by the `merge-conflict` rule. A block that never closes is left as it is.
 */
export function withoutConflictMarkers(content: string): {
  content: string;
  conflicts: { line: number; label: string }[];
  /** With conflicts: the 1-based original line of each line of `content`. */
  originalLines?: number[];
} {
  if (!content.includes('<<<<<<<')) return { content, conflicts: [] };
  const lines = content.split('\n');
  const kept: string[] = [];
  const origin: number[] = [];
  const conflicts: { line: number; label: string }[] = [];
  let block:
    | { start: number; keptBefore: number; side: 'ours' | 'other' }
    | undefined;
  lines.forEach((raw, index) => {
    const text = raw.replace(/\r$/, '');
    if (!block) {
      if (START.test(text)) {
        block = { start: index, keptBefore: kept.length, side: 'ours' };
      } else {
        kept.push(raw);
        origin.push(index + 1);
      }
      return;
    }
    if (END.test(text)) {
      conflicts.push({
        line: block.start + 1,
        label: (END.exec(text)?.[1] ?? '').trim(),
      });
      block = undefined;
    } else if (BASE.test(text) || SPLIT.test(text)) {
      block.side = 'other';
    } else if (block.side === 'ours') {
      kept.push(raw);
      origin.push(index + 1);
    }
  });
  if (block) {
    // Not a conflict block after all: give the rest back untouched.
    kept.splice(block.keptBefore);
    origin.splice(block.keptBefore);
    kept.push(...lines.slice(block.start));
    origin.push(
      ...lines.slice(block.start).map((_, i) => block!.start + i + 1),
    );
  }
  return {
    content: kept.join('\n'),
    conflicts,
    ...(conflicts.length > 0 ? { originalLines: origin } : {}),
  };
}
