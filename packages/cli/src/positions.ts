import { LineCounter, parseAllDocuments } from 'yaml';
import { CheckFinding, CheckResult } from './report';

type Position = { line: number; column: number };

/**
 * Where each object of a YAML file starts (`<Kind>/<name>` → line and column of the document's
 * content), read from the parser's source ranges. The first document of a name wins.
 */
export function objectPositions(content: string): Map<string, Position> {
  const positions = new Map<string, Position>();
  const lineCounter = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(content, { lineCounter });
  } catch {
    return positions;
  }
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const start = doc.contents?.range?.[0];
    if (start === undefined) continue;
    const kind = doc.get('kind');
    const name = doc.getIn(['metadata', 'name']);
    if (typeof kind !== 'string') continue;
    const key = `${kind}/${typeof name === 'string' ? name : ''}`;
    if (!positions.has(key)) {
      const { line, col } = lineCounter.linePos(start);
      positions.set(key, { line, column: col });
    }
  }
  return positions;
}

/**
 * Findings that name their file and object but carry no line get the object's start. Findings
 * with a line (from the rules or the portal) keep it.
 */
export function withPositions(
  results: CheckResult[],
  contents: ReadonlyMap<string, string>,
): CheckResult[] {
  const cache = new Map<string, Map<string, Position>>();
  const positionsOf = (file: string) => {
    let positions = cache.get(file);
    if (!positions) {
      const content = contents.get(file);
      positions =
        content !== undefined && /\.ya?ml$/i.test(file)
          ? objectPositions(content)
          : new Map();
      cache.set(file, positions);
    }
    return positions;
  };
  const locate = (finding: CheckFinding): CheckFinding => {
    if (finding.line !== undefined || !finding.file || !finding.object) {
      return finding;
    }
    const position = positionsOf(finding.file).get(finding.object);
    return position ? { ...finding, ...position } : finding;
  };
  return results.map(result =>
    result.status === 'fail' || result.status === 'waived'
      ? { ...result, findings: result.findings.map(locate) }
      : result,
  );
}
