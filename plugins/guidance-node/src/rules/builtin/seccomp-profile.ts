import { GuidanceRule } from '../types';
import { checkContainers } from './kubernetes';

const CONFINED = ['RuntimeDefault', 'Localhost'];

/** `Unconfined` (the default without a profile) lets a container make any system call. */
export const seccompProfileRule: GuidanceRule = {
  id: 'seccomp-profile',
  title: 'Pods run under the RuntimeDefault (or a Localhost) seccomp profile',
  severity: 'warning',
  fileKinds: ['kubernetes'],
  article: {
    id: 'minikube-deployment-patterns',
    section: 'rule-seccomp-profile',
  },
  check: input =>
    checkContainers(input, {
      check: ({ container, label }, { pod }) => {
        const type =
          container.securityContext?.seccompProfile?.type ??
          pod.spec.securityContext?.seccompProfile?.type;
        return CONFINED.includes(type)
          ? { ok: true, message: `${label} runs under seccomp ${type}` }
          : {
              ok: false,
              message: `${label} sets no seccomp profile: set securityContext.seccompProfile.type: RuntimeDefault on the pod`,
            };
      },
    }),
};
