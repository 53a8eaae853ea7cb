import { GuidanceRule } from '../types';
import { LONG_RUNNING_KINDS, checkContainers, isSidecar } from './kubernetes';

/** Without readiness a pod gets traffic before it can serve, and rollouts cannot wait for it. */
export const readinessProbeRule: GuidanceRule = {
  id: 'readiness-probe',
  title: 'Long-running containers have a readiness probe',
  severity: 'error',
  article: { id: 'minikube-deployment-patterns', section: 'why-these-values' },
  check: input =>
    checkContainers(input, {
      kinds: LONG_RUNNING_KINDS,
      include: c => !c.init || isSidecar(c),
      check: ({ container, label }) =>
        container.readinessProbe
          ? { ok: true, message: `${label} has a readinessProbe` }
          : { ok: false, message: `${label} has no readinessProbe` },
    }),
};
