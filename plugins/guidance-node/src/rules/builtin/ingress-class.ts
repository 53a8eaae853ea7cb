import { GuidanceRule } from '../types';
import { bodyOf, fail, pass } from './kubernetes';

/** Without a class no controller may claim the Ingress: it is accepted and serves nothing. */
export const ingressClassRule: GuidanceRule = {
  id: 'ingress-class',
  title: 'Every Ingress names its IngressClass',
  severity: 'warning',
  fileKinds: ['kubernetes'],
  article: {
    id: 'minikube-deployment-patterns',
    section: 'rule-ingress-class',
  },
  check: input =>
    input.objects
      .filter(o => o.kind === 'Ingress')
      .map(ingress => {
        const body = bodyOf(ingress);
        const className =
          body.spec?.ingressClassName ??
          body.metadata?.annotations?.['kubernetes.io/ingress.class'];
        return typeof className === 'string' && className
          ? pass(ingress, `is served by IngressClass ${className}`)
          : fail(
              ingress,
              'names no IngressClass: set spec.ingressClassName (e.g. nginx)',
            );
      }),
};
