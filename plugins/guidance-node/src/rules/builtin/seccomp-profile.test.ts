import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { seccompProfileRule } from './seccomp-profile';

describe('seccomp-profile', () => {
  it('passes RuntimeDefault on the pod', () => {
    expect(evaluate(seccompProfileRule).status).toBe('pass');
  });

  it('fails without a profile, or with Unconfined on a container', () => {
    expect(
      failuresOf(seccompProfileRule, s => {
        delete s.cronJob.spec.jobTemplate.spec.template.spec.securityContext
          .seccompProfile;
        (
          s.deployment.spec.template.spec.containers[0].securityContext as any
        ).seccompProfile = { type: 'Unconfined' };
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: container "app" sets no seccomp profile: set securityContext.seccompProfile.type: RuntimeDefault on the pod',
      'monitoring/observability.yml: CronJob/orders-report: container "report" sets no seccomp profile: set securityContext.seccompProfile.type: RuntimeDefault on the pod',
    ]);
  });
});
