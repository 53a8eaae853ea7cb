import { isDeepStrictEqual } from 'util';
import { GuidanceRule } from '../types';
import {
  LONG_RUNNING_KINDS,
  Probe,
  checkContainers,
  isSidecar,
} from './kubernetes';

/** The part of a probe that says what is checked, without its timings. */
function target(probe: Probe) {
  const { httpGet, tcpSocket, grpc, exec } = probe;
  return { httpGet, tcpSocket, grpc, exec };
}

/**
 * Readiness answers "can I take traffic now" (may depend on the database); liveness answers
 * "is the process stuck" (must not). The same endpoint for both restarts every pod on a blip.
 */
export const readinessDistinctFromLivenessRule: GuidanceRule = {
  id: 'readiness-distinct-from-liveness',
  title: 'Readiness and liveness probes check different things',
  severity: 'warning',
  fileKinds: ['kubernetes'],
  article: {
    id: 'minikube-deployment-patterns',
    section: 'rule-readiness-distinct-from-liveness',
  },
  check: input =>
    checkContainers(input, {
      kinds: LONG_RUNNING_KINDS,
      include: c =>
        (!c.init || isSidecar(c)) &&
        !!c.container.readinessProbe &&
        !!c.container.livenessProbe,
      check: ({ container, label }) => {
        const readiness = target(container.readinessProbe!);
        // A port check cannot depend on other services: the same one for both is harmless.
        if (readiness.tcpSocket && target(container.livenessProbe!).tcpSocket) {
          return {
            ok: true,
            message: `${label} checks its port for readiness and liveness`,
          };
        }
        return isDeepStrictEqual(readiness, target(container.livenessProbe!))
          ? {
              ok: false,
              message: `${label} uses the same check for readiness and liveness: give liveness an endpoint that does not depend on other services`,
            }
          : {
              ok: true,
              message: `${label} checks readiness and liveness differently`,
            };
      },
    }),
};
