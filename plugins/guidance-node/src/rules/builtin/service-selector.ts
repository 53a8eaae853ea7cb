import { GuidanceRule, RuleFinding } from '../types';
import {
  bodyOf,
  formatLabels,
  isRecord,
  mapMatches,
  pass,
  sameNamespace,
  unmatched,
  workloadsOf,
} from './kubernetes';

/** A Service whose selector matches no pod has no endpoints: the classic silent 503. */
export const serviceSelectorRule: GuidanceRule = {
  id: 'service-selector',
  title: 'Every Service selects the pods of a workload',
  severity: 'error',
  fileKinds: ['kubernetes'],
  article: {
    id: 'minikube-deployment-patterns',
    section: 'rule-service-selector',
  },
  check(input) {
    // workloads by pod label (key=value): a Service's candidates are those with one of its
    // selector's pairs, so thousands of Services and workloads stay linear, not quadratic
    const byLabel = new Map<string, ReturnType<typeof workloadsOf>>();
    for (const workload of workloadsOf(input)) {
      for (const [key, value] of Object.entries(workload.pod.labels)) {
        const pair = `${key}=${value}`;
        const list = byLabel.get(pair);
        if (list) list.push(workload);
        else byLabel.set(pair, [workload]);
      }
    }
    const findings: RuleFinding[] = [];
    for (const service of input.objects) {
      if (service.kind !== 'Service') continue;
      const spec = bodyOf(service).spec;
      const selector = spec?.selector;
      // ExternalName Services and Services with hand-made endpoints select nothing on purpose.
      if (
        spec?.type === 'ExternalName' ||
        !isRecord(selector) ||
        Object.keys(selector).length === 0
      ) {
        continue;
      }
      const [key, value] = Object.entries(selector)[0];
      const candidates = byLabel.get(`${key}=${value}`) ?? [];
      const matched = candidates.find(
        w =>
          sameNamespace(w.object, service) &&
          mapMatches(selector, w.pod.labels),
      );
      findings.push(
        matched
          ? pass(
              service,
              `selects the pods of ${matched.object.kind}/${matched.object.name}`,
            )
          : unmatched(
              input,
              service,
              `selector ${formatLabels(
                selector,
              )} matches the pod labels of no workload`,
            ),
      );
    }
    return findings;
  },
};
