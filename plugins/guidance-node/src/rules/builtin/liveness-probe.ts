import { GuidanceRule } from '../types';
import { LONG_RUNNING_KINDS, checkContainers, isSidecar } from './kubernetes';

/** A hung process that still holds its port is only restarted by a liveness probe. */
export const livenessProbeRule: GuidanceRule = {
  id: 'liveness-probe',
  title: 'Long-running containers have a liveness probe',
  severity: 'error',
  article: { id: 'minikube-deployment-patterns', section: 'why-these-values' },
  check: input =>
    checkContainers(input, {
      kinds: LONG_RUNNING_KINDS,
      include: c => !c.init || isSidecar(c),
      check: ({ container, label }) =>
        container.livenessProbe
          ? { ok: true, message: `${label} has a livenessProbe` }
          : { ok: false, message: `${label} has no livenessProbe` },
    }),
};
