import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { prestopDelayRule } from './prestop-delay';

describe('prestop-delay', () => {
  it('passes a Deployment behind a Service that pauses in preStop', () => {
    expect(evaluate(prestopDelayRule).status).toBe('pass');
  });

  it('does not apply to a Deployment no Service routes to', () => {
    expect(
      evaluate(prestopDelayRule, s => {
        s.service.spec.selector = { app: 'other' };
        delete s.deployment.spec.template.spec.containers[0].lifecycle;
      }).status,
    ).toBe('not-applicable');
  });

  it('fails a routed container without a preStop hook', () => {
    expect(
      failuresOf(prestopDelayRule, s => {
        delete s.deployment.spec.template.spec.containers[0].lifecycle;
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: container "app" has no preStop hook but Service/orders routes to it: add lifecycle.preStop.sleep (5 seconds) so rollouts do not drop requests',
    ]);
  });
});
