import { GuidanceRule, RuleFinding } from '../types';
import { argoApplicationsOf, syncOptionsOf } from './argocd';
import { isRecord, namespaceOf, objectsOfKind, refOf } from './kubernetes';
import { yamlPosition } from './yamlPositions';

type Target = { kind: string; name: string; namespace?: string; hpa: string };

/** Workloads an HPA scales: `scaleTargetRef` of every HorizontalPodAutoscaler. */
function targetsOf(
  input: Parameters<GuidanceRule['check']>[0],
): Map<string, Target> {
  const targets = new Map<string, Target>();
  for (const hpa of objectsOfKind(input.objects, 'HorizontalPodAutoscaler')) {
    const ref = (hpa.body as Record<string, any>)?.spec?.scaleTargetRef;
    if (!isRecord(ref) || typeof ref.kind !== 'string' || !ref.name) continue;
    targets.set(`${ref.kind}/${ref.name}`, {
      kind: ref.kind,
      name: String(ref.name),
      namespace: namespaceOf(hpa),
      hpa: refOf(hpa),
    });
  }
  return targets;
}

/** An Argo CD Application that leaves `/spec/replicas` of `kind` to the cluster and respects that when it syncs. */
function argoIgnoresReplicas(
  input: Parameters<GuidanceRule['check']>[0],
  kind: string,
): string | undefined {
  for (const { spec, label } of argoApplicationsOf(input)) {
    const ignores = (
      Array.isArray(spec.ignoreDifferences) ? spec.ignoreDifferences : []
    ).some(
      (d: unknown) =>
        isRecord(d) &&
        d.kind === kind &&
        ((Array.isArray(d.jsonPointers) &&
          d.jsonPointers.includes('/spec/replicas')) ||
          (Array.isArray(d.jqPathExpressions) &&
            d.jqPathExpressions.includes('.spec.replicas'))),
    );
    if (
      ignores &&
      syncOptionsOf(spec).get('RespectIgnoreDifferences') === 'true'
    ) {
      return label;
    }
  }
  return undefined;
}

/**
 * A workload an HPA scales does not also set `spec.replicas` in its manifests (nor in a kustomize
 * patch or a kustomization's `replicas:`): every apply or GitOps sync would reset the count the
 * HPA chose, and the two owners fight.
 */
export const hpaReplicasRule: GuidanceRule = {
  id: 'hpa-replicas',
  title: 'Workloads scaled by an HPA leave replicas out of their manifests',
  severity: 'warning',
  fileKinds: ['kubernetes'],
  article: { id: 'gitops-tool-choice', section: 'rule-hpa-replicas' },
  check(input) {
    const targets = targetsOf(input);
    if (targets.size === 0) return [];
    const findings: RuleFinding[] = [];
    const judged = new Set<string>();
    for (const doc of input.documents ?? []) {
      const body = isRecord(doc.body) ? doc.body : {};
      const place = { file: doc.file };
      // a kustomization's replicas: [{ name, count }] sets the count as well
      const kustomization =
        typeof body.apiVersion === 'string'
          ? body.apiVersion.startsWith('kustomize.config.k8s.io/')
          : /(^|\/)kustomization\.ya?ml$/i.test(doc.file);
      if (kustomization) {
        const entries = Array.isArray(body.replicas) ? body.replicas : [];
        entries.forEach((entry: unknown, i: number) => {
          if (!isRecord(entry)) return;
          for (const target of targets.values()) {
            if (target.name !== entry.name) continue;
            judged.add(`${target.kind}/${target.name}`);
            findings.push({
              ...place,
              ...yamlPosition(input, doc.file, doc.index, ['replicas', i]),
              status: 'fail',
              message: `the kustomization sets replicas: ${entry.count} for ${target.name}, which ${target.hpa} scales`,
            });
          }
        });
        continue;
      }
      const target = targets.get(`${body.kind}/${body.metadata?.name}`);
      if (!target) continue;
      const ns = body.metadata?.namespace;
      if (target.namespace && typeof ns === 'string' && ns !== target.namespace)
        continue;
      const ref = `${target.kind}/${target.name}`;
      judged.add(ref);
      const replicas = isRecord(body.spec) ? body.spec.replicas : undefined;
      if (replicas === undefined || replicas === null) {
        // a kustomize patch without replicas says nothing about them
        const isObject = input.objects.some(
          o => o.file === doc.file && o.index === doc.index,
        );
        if (!isObject) continue;
        findings.push({
          ...place,
          object: ref,
          status: 'pass',
          message: `sets no replicas: ${target.hpa} owns the count`,
        });
        continue;
      }
      const ignoredBy = argoIgnoresReplicas(input, target.kind);
      findings.push({
        ...place,
        object: ref,
        ...yamlPosition(input, doc.file, doc.index, ['spec', 'replicas']),
        status: ignoredBy ? 'pass' : 'fail',
        message: ignoredBy
          ? `sets replicas: ${replicas}, which ${ignoredBy} ignores (ignoreDifferences with RespectIgnoreDifferences=true); kubectl apply of this file would still reset what ${target.hpa} chose`
          : `sets replicas: ${replicas} while ${target.hpa} scales it: every apply or sync resets the count the HPA chose; leave replicas out`,
      });
    }
    for (const [ref, target] of targets) {
      if (judged.has(ref)) continue;
      findings.push({
        status: 'not-applicable',
        object: ref,
        message: `${target.hpa} scales ${ref}, which is not among the files`,
      });
    }
    return findings;
  },
};
