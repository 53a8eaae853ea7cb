import { GuidanceRule, ManifestObject, RuleFinding } from '../types';
import { bodyOf, fail, pass, workloadsOf } from './kubernetes';
import { budgetsFor, replicasOf } from './pdb';

/** How many pods the budget lets a drain evict at once, for `replicas` pods. */
function allowedDisruptions(pdb: ManifestObject, replicas: number): number {
  const spec = bodyOf(pdb).spec ?? {};
  const resolve = (value: unknown, roundUp: boolean) => {
    if (typeof value === 'number') return value;
    const percent = /^(\d+)%$/.exec(String(value));
    if (!percent) return undefined;
    const exact = (Number(percent[1]) / 100) * replicas;
    return roundUp ? Math.ceil(exact) : Math.floor(exact);
  };
  if (spec.maxUnavailable !== undefined) {
    return resolve(spec.maxUnavailable, false) ?? 1;
  }
  if (spec.minAvailable !== undefined) {
    const min = resolve(spec.minAvailable, true);
    return min === undefined ? 1 : replicas - min;
  }
  return 1;
}

/** A budget that allows no eviction blocks every node drain until a person steps in. */
export const pdbAllowsEvictionRule: GuidanceRule = {
  id: 'pdb-allows-eviction',
  title: 'A PodDisruptionBudget lets at least one pod be evicted',
  severity: 'warning',
  fileKinds: ['kubernetes'],
  article: {
    id: 'minikube-deployment-patterns',
    section: 'rule-pdb-allows-eviction',
  },
  check(input) {
    const findings: RuleFinding[] = [];
    for (const workload of workloadsOf(input)) {
      const replicas = replicasOf(workload, input.objects);
      for (const pdb of budgetsFor(workload, input.objects)) {
        const allowed = allowedDisruptions(pdb, replicas);
        findings.push(
          allowed >= 1
            ? pass(
                pdb,
                `lets ${allowed} of ${replicas} pods of ${workload.object.kind}/${workload.object.name} be evicted at once`,
              )
            : fail(
                pdb,
                replicas === 1
                  ? `allows no eviction of ${workload.object.kind}/${workload.object.name}, which runs one replica: node drains will hang. A budget cannot keep a lone pod up through a drain; delete it (and plan for the restart), or run two or more replicas with maxUnavailable: 1`
                  : `allows no eviction of ${workload.object.kind}/${workload.object.name} (${replicas} replicas): node drains will hang; use maxUnavailable: 1`,
              ),
        );
      }
    }
    return findings;
  },
};
