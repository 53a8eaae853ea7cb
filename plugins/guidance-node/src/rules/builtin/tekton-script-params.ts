import { GuidanceRule, RuleFinding } from '../types';
import { isRecord, refOf } from './kubernetes';
import { tektonObjectsOf, tektonPartsOf } from './tekton';
import { yamlPositionFinder } from './yamlPositionFinder';

const PARAM_IN_SCRIPT = /\$\(params(\.[A-Za-z0-9_.-]+|\[['"][^'"]+['"]\])/;

/**
 * Tekton substitutes `$(params.x)` into a script's text before the shell reads it: a param
 * value such as `main; curl … | sh` becomes commands. Through an environment variable it stays
 * a value.
 */
export const tektonScriptParamsRule: GuidanceRule = {
  id: 'tekton-script-params',
  title:
    'Tekton steps pass params to scripts through environment variables, not $(params…) in the script',
  severity: 'warning',
  fileKinds: ['tekton'],
  article: { id: 'tekton-pipelines', section: 'rule-tekton-script-params' },
  check(input) {
    const findings: RuleFinding[] = [];
    const positionOf = yamlPositionFinder(input);
    for (const object of tektonObjectsOf(input)) {
      for (const { spec, path, label } of tektonPartsOf(object).specs) {
        const steps = Array.isArray(spec.steps) ? spec.steps : [];
        steps.forEach((step: unknown, i: number) => {
          if (!isRecord(step) || typeof step.script !== 'string') return;
          const name = `${label}, step ${
            typeof step.name === 'string' ? step.name : i + 1
          }`;
          const match = PARAM_IN_SCRIPT.exec(step.script);
          const at =
            positionOf(object.file, object.index, [
              ...path,
              'steps',
              i,
              'script',
            ]) ?? {};
          findings.push(
            match
              ? {
                  status: 'fail',
                  file: object.file,
                  object: refOf(object),
                  ...at,
                  message: `${name} puts ${match[0]}) into its script: set it as an env value (env: [{ name: X, value: ${match[0]}) }]) and read "$X" in the script`,
                }
              : {
                  status: 'pass',
                  file: object.file,
                  object: refOf(object),
                  ...at,
                  message: `${name} takes no param into its script text`,
                },
          );
        });
      }
    }
    return findings;
  },
};
