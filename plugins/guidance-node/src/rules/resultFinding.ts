import { RuleResultFinding } from '@paved-road/plugin-guidance-common';
import { RuleFinding } from './types';

/**
 * A rule's finding as the API shows it (`RuleResult.findings`): the engine's status left out,
 * absent fields omitted. The conformance module, `paved-road check` and the test mock all use it.
 * @public
 */
export function toResultFinding(finding: RuleFinding): RuleResultFinding {
  const { file, object, line, column, message } = finding;
  return {
    ...(file ? { file } : {}),
    ...(object ? { object } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    message,
  };
}
