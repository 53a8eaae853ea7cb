import { GuidanceRule, ManifestObject, RuleFinding } from '../types';
import {
  REPLICATED_KINDS,
  Workload,
  bodyOf,
  formatLabels,
  isRecord,
  objectsOfKind,
  pass,
  sameNamespace,
  selectorMatches,
  unmatched,
  workloadsOf,
} from './kubernetes';

/** The PodDisruptionBudgets in the input that select a workload's pods. */
export function budgetsFor(
  workload: Workload,
  objects: ManifestObject[],
): ManifestObject[] {
  return objectsOfKind(objects, 'PodDisruptionBudget').filter(pdb => {
    const selector = bodyOf(pdb).spec?.selector;
    return (
      sameNamespace(pdb, workload.object) &&
      isRecord(selector) &&
      selectorMatches(selector, workload.pod.labels)
    );
  });
}

/** Replicas that are replicated on purpose: `replicas` > 1 (an HPA's minimum counts too). */
export function replicasOf(workload: Workload, objects: ManifestObject[]) {
  const replicas = bodyOf(workload.object).spec?.replicas;
  const hpaMin = objectsOfKind(objects, 'HorizontalPodAutoscaler')
    .map(o => bodyOf(o).spec)
    .filter(
      spec =>
        spec?.scaleTargetRef?.kind === workload.object.kind &&
        spec?.scaleTargetRef?.name === workload.object.name,
    )
    .map(spec => (typeof spec.minReplicas === 'number' ? spec.minReplicas : 1));
  return Math.max(typeof replicas === 'number' ? replicas : 1, ...hpaMin);
}

/** Without a budget a node drain may evict every replica at once. */
export const pdbRule: GuidanceRule = {
  id: 'pdb',
  title:
    'A PodDisruptionBudget for every workload that runs more than one replica',
  severity: 'error',
  fileKinds: ['kubernetes'],
  article: { id: 'minikube-deployment-patterns', section: 'rule-pdb' },
  check(input) {
    const findings: RuleFinding[] = [];
    for (const workload of workloadsOf(input)) {
      if (!REPLICATED_KINDS.includes(workload.object.kind)) continue;
      const replicas = replicasOf(workload, input.objects);
      if (replicas <= 1) continue;
      const budgets = budgetsFor(workload, input.objects);
      findings.push(
        budgets.length > 0
          ? pass(
              workload.object,
              `runs ${replicas} replicas under PodDisruptionBudget/${budgets[0].name}`,
            )
          : unmatched(
              input,
              workload.object,
              `runs ${replicas} replicas but no PodDisruptionBudget selects its pods (${formatLabels(
                workload.pod.labels,
              )})`,
            ),
      );
    }
    return findings;
  },
};
