import { isMap, isScalar } from 'yaml';
import { positionOf } from '../engine';
import { RuleInput } from '../types';
import { parsedYamlFile } from './yamlPositions';

/** Path of keys and indexes to a value inside one YAML document. */
export type YamlPath = (string | number)[];

/**
 * Where a value of a parsed YAML document is in its file (1-based), for findings on documents
 * that are not Kubernetes objects (CI configurations); undefined when the file or the value is
 * not there.
 */
export function yamlPositionFinder(input: RuleInput) {
  return (
    file: string,
    index: number,
    path: YamlPath,
  ): { line: number; column: number } | undefined => {
    // the same parse the object rules' positions use: each file once per input
    const parsed = parsedYamlFile(input, file);
    const doc = parsed?.docs[index];
    if (!parsed || !doc) return undefined;
    // a map entry is shown at its key: its value may be a block that starts lines later
    const parent =
      path.length > 0 ? doc.getIn(path.slice(0, -1), true) : undefined;
    const pair = isMap(parent)
      ? parent.items.find(
          item =>
            isScalar(item.key) && item.key.value === path[path.length - 1],
        )
      : undefined;
    const node = (pair?.key ?? doc.getIn(path, true)) as
      | { range?: number[] }
      | undefined;
    const offset = node?.range?.[0];
    return offset === undefined
      ? undefined
      : positionOf(parsed.content, offset);
  };
}
