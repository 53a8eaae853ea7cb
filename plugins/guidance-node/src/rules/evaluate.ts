import { GuidanceRule, RuleEvaluation, RuleFinding, RuleInput } from './types';
import { positionOfField } from './positions';

/** A rule that reports more than this keeps the first ones: a report is read by people. */
const MAX_FINDINGS_PER_RULE = 50;

const objectIndexes = new WeakMap<RuleInput, Map<string, number>>();

/** The document index of `<Kind>/<name>` in a file (the first one of that name). */
function documentIndexOf(
  input: RuleInput,
  file: string,
  object: string,
): number | undefined {
  let index = objectIndexes.get(input);
  if (!index) {
    index = new Map();
    for (const o of input.objects) {
      const key = `${o.file}\u0000${o.kind}/${o.name}`;
      if (!index.has(key)) index.set(key, o.index);
    }
    objectIndexes.set(input, index);
  }
  return index.get(`${file}\u0000${object}`);
}

/**
 * A finding about an object (or a field of it, by `path`) gets the line and column the parser
 * saw it at, unless the rule gave its own. A file of one document locates findings without an
 * object too (a CI configuration).
 *
 * @public
 */
export function locateFinding(
  finding: RuleFinding,
  input: RuleInput,
): RuleFinding {
  if (finding.line !== undefined || !finding.file) return finding;
  const docs = input.positions?.get(finding.file);
  if (!docs) return finding;
  let index: number | undefined;
  if (finding.object) {
    index = documentIndexOf(input, finding.file, finding.object);
  } else if (finding.path && docs.length === 1) {
    index = 0;
  }
  const positions = index === undefined ? undefined : docs[index];
  const position = positions && positionOfField(positions, finding.path);
  return position ? { ...finding, ...position } : finding;
}

/**
 * Runs each rule over the input; a rule that throws fails with its error rather than stopping the rest.
 *
 * @public
 */
export function evaluateRules(
  rules: GuidanceRule[],
  input: RuleInput,
): RuleEvaluation[] {
  return rules.map(rule => {
    let findings: RuleFinding[];
    try {
      findings = rule.check(input);
    } catch (error) {
      findings = [
        { status: 'fail', message: `rule ${rule.id} could not run: ${error}` },
      ];
    }
    findings = findings.map(f => locateFinding(f, input));
    const failures = findings.filter(f => f.status === 'fail');
    if (failures.length > 0) {
      return {
        rule,
        status: 'fail',
        findings: failures.slice(0, MAX_FINDINGS_PER_RULE),
      };
    }
    const passes = findings.filter(f => f.status === 'pass');
    return {
      rule,
      status: passes.length > 0 ? 'pass' : 'not-applicable',
      findings: (passes.length > 0 ? passes : findings).slice(
        0,
        MAX_FINDINGS_PER_RULE,
      ),
    };
  });
}

/**
 * {@link evaluateRules}, giving the event loop a turn between rules: a server evaluating a
 * large source answers other requests meanwhile.
 *
 * @public
 */
export async function evaluateRulesAsync(
  rules: GuidanceRule[],
  input: RuleInput,
): Promise<RuleEvaluation[]> {
  const evaluations: RuleEvaluation[] = [];
  for (const rule of rules) {
    await new Promise(resolve => setImmediate(resolve));
    evaluations.push(...evaluateRules([rule], input));
  }
  return evaluations;
}
