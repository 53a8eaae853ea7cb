import { GuidanceRule } from '../types';
import { checkContainers } from './kubernetes';

/** Root in a container is one kernel bug away from root on the node. */
export const nonRootRule: GuidanceRule = {
  id: 'non-root',
  title: 'Containers run as non-root without privilege escalation',
  severity: 'error',
  fileKinds: ['kubernetes'],
  article: { id: 'minikube-deployment-patterns', section: 'rule-non-root' },
  check: input =>
    checkContainers(input, {
      check: ({ container, label }, { pod }) => {
        const problems: string[] = [];
        // the container's securityContext overrides the pod's, field by field
        const runsAsNonRoot =
          container.securityContext?.runAsNonRoot ??
          pod.spec.securityContext?.runAsNonRoot;
        const containerUser = container.securityContext?.runAsUser;
        const runAsUser = containerUser ?? pod.spec.securityContext?.runAsUser;
        if (runAsUser === 0 || runAsUser === '0') {
          problems.push(
            `${label} runs as root: runAsUser is 0 ${
              containerUser !== undefined
                ? 'in its securityContext'
                : 'on the pod'
            }; use a non-zero UID the image owns`,
          );
        } else if (runsAsNonRoot !== true) {
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
