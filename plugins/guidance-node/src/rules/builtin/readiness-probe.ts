import { GuidanceRule } from '../types';
import { checkProbePresent } from './kubernetes';

/** Without readiness a pod gets traffic before it can serve, and rollouts cannot wait for it. */
export const readinessProbeRule: GuidanceRule = {
  id: 'readiness-probe',
  title: 'Long-running containers have a readiness probe',
  severity: 'error',
  fileKinds: ['kubernetes'],
  article: {
    id: 'minikube-deployment-patterns',
    section: 'rule-readiness-probe',
  },
  check: input => checkProbePresent(input, 'readinessProbe'),
};
