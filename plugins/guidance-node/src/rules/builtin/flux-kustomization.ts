import { GuidanceRule, RuleFinding } from '../types';
import { bodyOf, refOf } from './kubernetes';
import { yamlPosition } from './yamlPositions';

const isFluxKustomization = (apiVersion: string, kind: string) =>
  kind === 'Kustomization' &&
  apiVersion.startsWith('kustomize.toolkit.fluxcd.io/');

/**
 * A Flux Kustomization deletes from the cluster what was deleted from Git (`prune`) and is
 * Ready only once what it applied is healthy (`wait`, or `healthChecks` naming the objects),
 * so a broken rollout shows as a failed reconciliation instead of a green one.
 */
export const fluxKustomizationRule: GuidanceRule = {
  id: 'flux-kustomization',
  title: 'Flux Kustomizations prune and check the health of what they apply',
  severity: 'warning',
  fileKinds: ['flux'],
  article: { id: 'gitops-tool-choice', section: 'rule-flux-kustomization' },
  check(input) {
    const findings: RuleFinding[] = [];
    for (const object of input.objects) {
      if (!isFluxKustomization(object.apiVersion, object.kind)) continue;
      const spec = bodyOf(object).spec ?? {};
      const where = (field: string) =>
        yamlPosition(input, object.file, object.index, ['spec', field]);
      const base = { file: object.file, object: refOf(object) };
      if (spec.suspend === true) {
        findings.push({
          ...base,
          ...where('suspend'),
          status: 'not-applicable',
          message:
            'suspended (observe-only while the diff is brought to zero): judged once it reconciles',
        });
        continue;
      }
      const healthChecks = Array.isArray(spec.healthChecks)
        ? spec.healthChecks.length
        : 0;
      const missing: string[] = [];
      if (spec.prune !== true) {
        missing.push(
          'prune: true (objects deleted from Git keep running in the cluster)',
        );
      }
      if (spec.wait !== true && healthChecks === 0) {
        missing.push(
          'wait: true or healthChecks (it turns Ready as soon as the apply succeeds, healthy or not)',
        );
      }
      findings.push(
        missing.length > 0
          ? {
              ...base,
              ...where(spec.prune !== true ? 'prune' : 'wait'),
              status: 'fail',
              message: `sets no ${missing.join(', and no ')}`,
            }
          : {
              ...base,
              ...where('prune'),
              status: 'pass',
              message: `prunes and ${
                spec.wait === true
                  ? 'waits for every applied object to be healthy'
                  : `checks the health of ${healthChecks} object${
                      healthChecks === 1 ? '' : 's'
                    }`
              }`,
            },
      );
    }
    return findings;
  },
};
