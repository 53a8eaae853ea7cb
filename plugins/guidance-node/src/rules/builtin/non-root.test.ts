import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { nonRootRule } from './non-root';

describe('non-root', () => {
  it('passes with runAsNonRoot on the pod and no privilege escalation', () => {
    expect(evaluate(nonRootRule).status).toBe('pass');
  });

  it('needs runAsNonRoot on pod or container and allowPrivilegeEscalation false', () => {
    expect(
      failuresOf(nonRootRule, s => {
        delete s.deployment.spec.template.spec.securityContext.runAsNonRoot;
        // the container level counts as well
        (
          s.deployment.spec.template.spec.containers[0].securityContext as any
        ).runAsNonRoot = true;
        delete (
          s.cronJob.spec.jobTemplate.spec.template.spec.containers[0]
            .securityContext as any
        ).allowPrivilegeEscalation;
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: init container "migrate" may run as root: set securityContext.runAsNonRoot: true on the pod or the container',
      'monitoring/observability.yml: CronJob/orders-report: container "report" does not set securityContext.allowPrivilegeEscalation: false',
    ]);
  });
});
