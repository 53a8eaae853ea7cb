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

  it('fails runAsUser: 0, on the pod or the container, the container winning', () => {
    expect(
      failuresOf(nonRootRule, s => {
        // runAsNonRoot: true on the pod does not save a container that says UID 0
        (
          s.deployment.spec.template.spec.containers[0].securityContext as any
        ).runAsUser = 0;
        (s.cronJob.spec.jobTemplate.spec.template.spec as any).securityContext =
          {
            runAsNonRoot: true,
            runAsUser: 0,
          };
        // the container's own UID overrides the pod's 0
        (
          s.cronJob.spec.jobTemplate.spec.template.spec.containers[0]
            .securityContext as any
        ).runAsUser = 10001;
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: container "app" runs as root: runAsUser is 0 in its securityContext; use a non-zero UID the image owns',
    ]);
    expect(
      failuresOf(nonRootRule, s => {
        s.deployment.spec.template.spec.securityContext.runAsUser = 0;
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: init container "migrate" runs as root: runAsUser is 0 on the pod; use a non-zero UID the image owns',
      'deploy/base/deployment.yaml: Deployment/orders: container "app" runs as root: runAsUser is 0 on the pod; use a non-zero UID the image owns',
    ]);
  });
});
