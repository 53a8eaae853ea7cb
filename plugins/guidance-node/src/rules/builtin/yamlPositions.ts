import {
  Document,
  LineCounter,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
} from 'yaml';
import { ManifestFile, RuleInput } from '../types';

/** A 1-based place in a file. */
export type FilePosition = { line: number; column: number };

type ParsedFile = {
  docs: Document.Parsed[];
  lines: LineCounter;
  content: string;
};

/** Per input: its files by path, and the files parsed again for positions (only those with findings). */
const caches = new WeakMap<
  ManifestFile[],
  { byPath: Map<string, ManifestFile>; parsed: Map<string, ParsedFile> }
>();

/**
 * A file of the input parsed with source positions, once per input however many rules ask.
 * Undefined when the file is not among the input's files.
 */
export function parsedYamlFile(
  input: RuleInput,
  path: string,
): ParsedFile | undefined {
  const files = input.files;
  if (!files) return undefined;
  let cache = caches.get(files);
  if (!cache) {
    cache = { byPath: new Map(files.map(f => [f.path, f])), parsed: new Map() };
    caches.set(files, cache);
  }
  let parsed = cache.parsed.get(path);
  if (!parsed) {
    const file = cache.byPath.get(path);
    if (!file) return undefined;
    const lines = new LineCounter();
    const docs = parseAllDocuments(file.content, { lineCounter: lines });
    parsed = {
      docs: Array.isArray(docs) ? docs : [],
      lines,
      content: file.content,
    };
    cache.parsed.set(path, parsed);
  }
  return parsed;
}

/**
 * Where a field of one YAML document is (its key, or its item in a list), for findings that
 * point at a line: the nearest present parent when the field itself is missing, the document's
 * start for an empty path. Undefined when the file is not among the input's files.
 */
export function yamlPosition(
  input: RuleInput,
  file: string,
  index: number,
  path: ReadonlyArray<string | number>,
): FilePosition | undefined {
  const parsed = parsedYamlFile(input, file);
  const doc = parsed?.docs[index];
  if (!parsed || !doc) return undefined;
  const at = (offset: number | undefined) => {
    if (offset === undefined) return undefined;
    const { line, col } = parsed.lines.linePos(offset);
    return { line, column: col };
  };
  let node: unknown = doc.contents;
  let found = at((node as { range?: number[] } | null)?.range?.[0]);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        p => isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) break;
      found = at((pair.key as { range?: number[] }).range?.[0]) ?? found;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as { range?: number[] } | undefined;
      if (!item) break;
      found = at(item.range?.[0]) ?? found;
      node = item;
    } else {
      break;
    }
  }
  return found;
}

/**
 * The line inside a multi-line string field (a file embedded in a ConfigMap with `|`): the
 * field's own line plus the line within the text. Other scalars point at the field.
 */
export function yamlTextLine(
  input: RuleInput,
  file: string,
  index: number,
  path: ReadonlyArray<string | number>,
  lineInText: number,
): FilePosition | undefined {
  const field = yamlPosition(input, file, index, path);
  const parsed = parsedYamlFile(input, file);
  const value = parsed?.docs[index]?.getIn(path as (string | number)[], true);
  if (!field || !isScalar(value)) return field;
  if (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED') {
    // the text starts on the line after the `|` header
    const header = value.range
      ? parsed!.lines.linePos(value.range[0]).line
      : field.line;
    return { line: header + 1 + lineInText, column: 1 };
  }
  return field;
}
