import { GuidanceRule } from '../types';
import { checkProbePresent } from './kubernetes';

/** A hung process that still holds its port is only restarted by a liveness probe. */
export const livenessProbeRule: GuidanceRule = {
  id: 'liveness-probe',
  title: 'Long-running containers have a liveness probe',
  severity: 'error',
  fileKinds: ['kubernetes'],
  article: {
    id: 'minikube-deployment-patterns',
    section: 'rule-liveness-probe',
  },
  check: input => checkProbePresent(input, 'livenessProbe'),
};
