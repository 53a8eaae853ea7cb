import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { livenessProbeRule } from './liveness-probe';

describe('liveness-probe', () => {
  it('passes when long-running containers have one', () => {
    expect(evaluate(livenessProbeRule).status).toBe('pass');
  });

  it('names each long-running container without one, sidecars included', () => {
    expect(
      failuresOf(livenessProbeRule, s => {
        delete s.deployment.spec.template.spec.containers[0].livenessProbe;
        s.deployment.spec.template.spec.initContainers[0].restartPolicy =
          'Always';
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: init container "migrate" has no livenessProbe',
      'deploy/base/deployment.yaml: Deployment/orders: container "app" has no livenessProbe',
    ]);
  });
});
