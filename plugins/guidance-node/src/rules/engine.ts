import { parseAllDocuments } from 'yaml';
import {
  GuidanceRule,
  ManifestFile,
  ManifestObject,
  ManifestParseError,
  RuleEvaluation,
  RuleFinding,
  RuleInput,
} from './types';

const isYamlFile = (path: string) => /\.ya?ml$/i.test(path);
/** A rule that reports more than this keeps the first ones: a report is read by people. */
const MAX_FINDINGS_PER_RULE = 50;

/** Parses every YAML file into objects; files that do not parse are listed, not thrown. */
export function parseManifests(files: ManifestFile[]): RuleInput {
  const objects: ManifestObject[] = [];
  const parseErrors: ManifestParseError[] = [];
  for (const file of files) {
    if (!isYamlFile(file.path)) continue;
    const docs = parseAllDocuments(file.content);
    const list = Array.isArray(docs) ? docs : [docs];
    list.forEach((doc, index) => {
      if (doc.errors.length > 0) {
        parseErrors.push({ file: file.path, message: doc.errors[0].message });
        return;
      }
      const body = doc.toJS() as Record<string, any> | null;
      if (!body || typeof body !== 'object' || Array.isArray(body)) return;
      objects.push({
        file: file.path,
        index,
        apiVersion: typeof body.apiVersion === 'string' ? body.apiVersion : '',
        kind: typeof body.kind === 'string' ? body.kind : '',
        name: typeof body.metadata?.name === 'string' ? body.metadata.name : '',
        body,
      });
    });
  }
  return { objects, parseErrors };
}

/** Runs each rule over the input; a rule that throws fails with its error rather than stopping the rest. */
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
