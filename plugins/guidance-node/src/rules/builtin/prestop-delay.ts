import { GuidanceRule, RuleFinding } from '../types';
import {
  bodyOf,
  containersOf,
  fail,
  isRecord,
  mapMatches,
  pass,
  sameNamespace,
  workloadsOf,
} from './kubernetes';

/**
 * Endpoint removal and SIGTERM happen at the same time: without a short preStop pause a pod
 * that a Service routes to exits while traffic still arrives, and every rollout shows 502s.
 */
export const prestopDelayRule: GuidanceRule = {
  id: 'prestop-delay',
  title: 'Pods behind a Service pause in preStop before shutting down',
  severity: 'warning',
  fileKinds: ['kubernetes'],
  article: {
    id: 'minikube-deployment-patterns',
    section: 'rule-prestop-delay',
  },
  check(input) {
    const selectors = input.objects
      .filter(o => o.kind === 'Service')
      .map(service => ({ service, selector: bodyOf(service).spec?.selector }))
      .filter(
        ({ selector }) =>
          isRecord(selector) && Object.keys(selector).length > 0,
      );
    const findings: RuleFinding[] = [];
    for (const workload of workloadsOf(input)) {
      if (workload.object.kind !== 'Deployment') continue;
      const routed = selectors.find(
        ({ service, selector }) =>
          sameNamespace(service, workload.object) &&
          mapMatches(selector, workload.pod.labels),
      );
      if (!routed) continue;
      for (const { container, label, init } of containersOf(workload.pod)) {
        if (init) continue;
        const preStop = (container as Record<string, any>).lifecycle?.preStop;
        findings.push(
          isRecord(preStop)
            ? pass(workload.object, `${label} pauses in preStop`)
            : fail(
                workload.object,
                `${label} has no preStop hook but Service/${routed.service.name} routes to it: add lifecycle.preStop.sleep (5 seconds) so rollouts do not drop requests`,
              ),
        );
      }
    }
    return findings;
  },
};
