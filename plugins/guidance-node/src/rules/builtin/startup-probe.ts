import { GuidanceRule } from '../types';
import { LONG_RUNNING_KINDS, checkContainers, isSidecar } from './kubernetes';

/** A slow start without a startup probe ends in a liveness restart loop. */
export const startupProbeRule: GuidanceRule = {
  id: 'startup-probe',
  title: 'Long-running containers with a liveness probe have a startup probe',
  severity: 'warning',
  fileKinds: ['kubernetes'],
  article: {
    id: 'minikube-deployment-patterns',
    section: 'rule-startup-probe',
  },
  check: input =>
    checkContainers(input, {
      kinds: LONG_RUNNING_KINDS,
      include: c => (!c.init || isSidecar(c)) && !!c.container.livenessProbe,
      check: ({ container, label }) =>
        container.startupProbe
          ? { ok: true, message: `${label} has a startupProbe` }
          : {
              ok: false,
              message: `${label} has a livenessProbe but no startupProbe: a slow start will be killed and restarted`,
            },
    }),
};
