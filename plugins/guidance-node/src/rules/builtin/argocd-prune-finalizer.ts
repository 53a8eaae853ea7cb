import { GuidanceRule, RuleFinding } from '../types';
import { argoApplicationsOf, syncOptionsOf } from './argocd';
import { refOf } from './kubernetes';
import { yamlPosition } from './yamlPositions';

/** The finalizers that make deleting an Application delete what it deployed (foreground, background). */
export const RESOURCES_FINALIZERS = [
  'resources-finalizer.argocd.argoproj.io',
  'resources-finalizer.argocd.argoproj.io/background',
];

const isTrue = (v: unknown) => v === true || v === 'true';

/**
 * An Application that prunes carries the resources finalizer, so that removing the Application
 * (a deleted file under an app-of-apps root that prunes) removes its workloads instead of
 * orphaning them; and it never prunes with `PrunePropagationPolicy=orphan`, which deletes a
 * Deployment but leaves its ReplicaSets and pods running.
 */
export const argocdPruneFinalizerRule: GuidanceRule = {
  id: 'argocd-prune-finalizer',
  title:
    'Argo CD Applications that prune carry the resources finalizer and do not orphan',
  severity: 'warning',
  fileKinds: ['argocd'],
  article: { id: 'minikube-argocd', section: 'rule-argocd-prune-finalizer' },
  check(input) {
    const findings: RuleFinding[] = [];
    for (const { object, metadata, spec, at, label } of argoApplicationsOf(
      input,
    )) {
      if (!isTrue(spec.syncPolicy?.automated?.prune)) continue;
      const position = (path: string[]) =>
        yamlPosition(input, object.file, object.index, [...at, ...path]);
      const finding = (
        status: 'pass' | 'fail',
        message: string,
        path: string[],
      ): RuleFinding => ({
        status,
        file: object.file,
        object: refOf(object),
        ...position(path),
        message,
      });
      const finalizers: unknown[] = Array.isArray(metadata.finalizers)
        ? metadata.finalizers
        : [];
      const finalizer = finalizers.find(
        (f): f is string =>
          typeof f === 'string' && RESOURCES_FINALIZERS.includes(f),
      );
      const propagation = syncOptionsOf(spec).get('PrunePropagationPolicy');
      const problems: string[] = [];
      if (!finalizer) {
        problems.push(
          `has no ${RESOURCES_FINALIZERS[0]} finalizer: deleting it (or pruning it from an app-of-apps) leaves everything it deployed running, unmanaged`,
        );
      }
      if (propagation?.toLowerCase() === 'orphan') {
        problems.push(
          'prunes with PrunePropagationPolicy=orphan: a pruned Deployment leaves its ReplicaSets and pods running',
        );
      }
      if (problems.length > 0) {
        findings.push(
          finding(
            'fail',
            `${label} prunes automatically but ${problems.join('; and it ')}`,
            !finalizer ? ['metadata'] : ['spec', 'syncPolicy', 'syncOptions'],
          ),
        );
      } else {
        findings.push(
          finding(
            'pass',
            `${label} prunes with the ${finalizer} finalizer${
              propagation ? ` and PrunePropagationPolicy=${propagation}` : ''
            }`,
            ['metadata', 'finalizers'],
          ),
        );
      }
    }
    return findings;
  },
};
