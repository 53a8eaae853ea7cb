import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, resolve } from 'path';
import { parseAllDocuments, stringify } from 'yaml';
import { CodeBlock, isYaml } from './codeBlocks';

/** Prometheus rule groups found in an article: a rule file or a PrometheusRule's spec. */
export type RuleGroupsExample = { where: string; path?: string; text: string };
/** A `promtool test rules` file, with the rule files it names. */
export type RuleTestExample = {
  where: string;
  text: string;
  ruleFiles: string[];
};

const isObject = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Finds rule groups and rule unit tests in an article's YAML blocks. */
export function findRuleExamples(
  blocks: CodeBlock[],
  article: string,
): { groups: RuleGroupsExample[]; tests: RuleTestExample[] } {
  const groups: RuleGroupsExample[] = [];
  const tests: RuleTestExample[] = [];
  for (const b of blocks.filter(isYaml)) {
    const where = `${article} line ${b.line}`;
    for (const doc of parseAllDocuments(b.code)) {
      if (doc.errors.length) continue;
      const obj = doc.toJS();
      if (!isObject(obj)) continue;
      if (Array.isArray(obj.groups) && !obj.kind) {
        groups.push({ where, path: b.path, text: b.code });
      } else if (obj.kind === 'PrometheusRule' && isObject(obj.spec)) {
        groups.push({ where, text: stringify({ groups: obj.spec.groups }) });
      } else if (Array.isArray(obj.tests) && Array.isArray(obj.rule_files)) {
        tests.push({ where, text: b.code, ruleFiles: obj.rule_files });
      }
    }
  }
  return { groups, tests };
}

function run(args: string[], cwd: string): string | undefined {
  const result = spawnSync('promtool', args, { cwd, encoding: 'utf8' });
  if (result.error) throw result.error;
  return result.status === 0
    ? undefined
    : `${result.stdout}${result.stderr}`
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 800);
}

/** `promtool check rules`: undefined when the groups are valid, else promtool's complaint. */
export function checkRules(example: RuleGroupsExample): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'promtool-'));
  try {
    writeFileSync(join(dir, 'rules.yml'), example.text);
    const problem = run(['check', 'rules', 'rules.yml'], dir);
    return problem && `${example.where}: promtool check rules: ${problem}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `promtool test rules` with the rule files the test names, taken from the same article by
 * file name (the `# path` comment of their block). A rule file the article does not
 * show is a problem: the test could not be run as written.
 */
export function testRules(
  test: RuleTestExample,
  ruleFiles: RuleGroupsExample[],
): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'promtool-'));
  try {
    const testDir = join(dir, 'tests');
    mkdirSync(testDir, { recursive: true });
    for (const name of test.ruleFiles) {
      const base = name.split('/').pop();
      const source = ruleFiles.find(r => r.path?.split('/').pop() === base);
      if (!source) {
        return `${test.where}: rule test names ${name}, which no rule block of the article provides`;
      }
      const target = resolve(testDir, name);
      if (!target.startsWith(dir))
        return `${test.where}: rule file ${name} points outside the test`;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, source.text);
    }
    writeFileSync(join(testDir, 'test.yml'), test.text);
    const problem = run(['test', 'rules', 'test.yml'], testDir);
    return problem && `${test.where}: promtool test rules: ${problem}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
