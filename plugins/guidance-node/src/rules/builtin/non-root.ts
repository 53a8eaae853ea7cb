import { GuidanceRule } from '../types';
import { checkContainers } from './kubernetes';

/** Root in a container is one kernel bug away from root on the node. */
export const nonRootRule: GuidanceRule = {
  id: 'non-root',
  title: 'Containers run as non-root without privilege escalation',
  severity: 'error',
  article: { id: 'minikube-deployment-patterns', section: 'why-these-values' },
  check: input =>
    checkContainers(input, {
      check: ({ container, label }, { pod }) => {
        const problems: string[] = [];
        const runsAsNonRoot =
          container.securityContext?.runAsNonRoot ??
          pod.spec.securityContext?.runAsNonRoot;
        if (runsAsNonRoot !== true) {
          problems.push(
            `${label} may run as root: set securityContext.runAsNonRoot: true on the pod or the container`,
          );
        }
        if (container.securityContext?.allowPrivilegeEscalation !== false) {
          problems.push(
            `${label} does not set securityContext.allowPrivilegeEscalation: false`,
          );
        }
        return problems.length === 0
          ? {
              ok: true,
              message: `${label} runs as non-root without privilege escalation`,
            }
          : problems.map(message => ({ ok: false, message }));
      },
    }),
};
