import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { readinessProbeRule } from './readiness-probe';

describe('readiness-probe', () => {
  it('passes when long-running containers have one (init containers and jobs need none)', () => {
    expect(evaluate(readinessProbeRule).status).toBe('pass');
  });

  it('names each long-running container without one', () => {
    expect(
      failuresOf(readinessProbeRule, s => {
        s.deployment.kind = 'StatefulSet';
        delete s.deployment.spec.template.spec.containers[0].readinessProbe;
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: StatefulSet/orders: container "app" has no readinessProbe',
    ]);
  });
});
