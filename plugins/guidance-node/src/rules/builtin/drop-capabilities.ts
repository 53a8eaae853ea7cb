import { GuidanceRule } from '../types';
import { checkContainers } from './kubernetes';

/** The `restricted` Pod Security Standard: start from no Linux capabilities at all. */
export const dropCapabilitiesRule: GuidanceRule = {
  id: 'drop-capabilities',
  title: 'Containers drop all Linux capabilities',
  severity: 'warning',
  fileKinds: ['kubernetes'],
  article: {
    id: 'minikube-deployment-patterns',
    section: 'rule-drop-capabilities',
  },
  check: input =>
    checkContainers(input, {
      check: ({ container, label }) => {
        const drop = container.securityContext?.capabilities?.drop;
        return Array.isArray(drop) && drop.map(String).includes('ALL')
          ? { ok: true, message: `${label} drops all capabilities` }
          : {
              ok: false,
              message: `${label} does not set securityContext.capabilities.drop: ["ALL"]`,
            };
      },
    }),
};
