/**
 * Where the objects and fields of a YAML document are: one implementation for the rule engine
 * in this thread, the backend's YAML worker threads and the command-line checker.
 */

/**
 * Field path → `[line, column]` (1-based) of the field's key (a map entry) or item (a list
 * entry); `''` is the document's content. Keys are {@link fieldPathKey}s.
 *
 * @public
 */
export type FieldPositions = Record<string, [number, number]>;

/**
 * Fields recorded per file at most, shared by its documents in order; a document past the budget
 * records its start only. A report needs places, not a map as large as the file: 1 MiB of small
 * Deployments (about 2,900) would otherwise make some 75,000 entries, four times the file's size,
 * carried from a YAML worker to the event loop. Nesting deeper than 32 levels and keys longer than
 * 200 characters are left out too, so a hostile document (200,000 nested lists) costs a bounded
 * map: the deepest recorded parent stands in.
 *
 * @public
 */
export const MAX_FIELD_POSITIONS = 20000;

/**
 * The key of a field path in {@link FieldPositions}: segments joined by U+0000, never in a key.
 *
 * @public
 */
export const fieldPathKey = (path: ReadonlyArray<string | number>): string =>
  path.map(String).join('\u0000');

/**
 * The positions of a parsed document's fields, from the parser's source ranges. Self-contained
 * on purpose (the `yaml` module and the document's line counter are handed in, no imports, no
 * syntax a transpiler rewrites into helpers): the backend's worker threads run its source text.
 *
 * @public
 */
export function fieldPositionsOf(
  yaml: {
    isMap(node: unknown): boolean;
    isSeq(node: unknown): boolean;
    isScalar(node: unknown): boolean;
  },
  doc: { contents: unknown },
  lineCounter: { linePos(offset: number): { line: number; col: number } },
  limit: number,
): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  let count = 0;
  const at = (node: any): [number, number] | undefined => {
    if (!node || !node.range) return undefined;
    const pos = lineCounter.linePos(node.range[0]);
    return [pos.line, pos.col];
  };
  const record = (key: string, node: any): boolean => {
    const pos = at(node);
    if (!pos || count >= limit) return false;
    out[key] = pos;
    count += 1;
    return true;
  };
  const visit = (node: any, key: string, depth: number) => {
    if (!node || count >= limit || depth >= 32) return;
    const prefix = key === '' ? '' : `${key}\u0000`;
    if (yaml.isMap(node)) {
      for (const pair of node.items) {
        const name =
          pair.key && yaml.isScalar(pair.key) ? String(pair.key.value) : null;
        if (name === null || name.length > 200) continue;
        if (record(prefix + name, pair.key)) {
          visit(pair.value, prefix + name, depth + 1);
        }
      }
    } else if (yaml.isSeq(node)) {
      node.items.forEach((item: any, index: number) => {
        if (record(prefix + index, item))
          visit(item, prefix + index, depth + 1);
      });
    }
  };
  if (record('', doc.contents)) visit(doc.contents, '', 0);
  return out;
}

/**
 * The position of a field: the deepest recorded part of its path (a field a rule says is
 * missing points at its parent), else the document's start.
 *
 * @public
 */
export function positionOfField(
  positions: FieldPositions,
  path: ReadonlyArray<string | number> = [],
): { line: number; column: number } | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const found = positions[fieldPathKey(path.slice(0, depth))];
    if (found) return { line: found[0], column: found[1] };
  }
  return undefined;
}
