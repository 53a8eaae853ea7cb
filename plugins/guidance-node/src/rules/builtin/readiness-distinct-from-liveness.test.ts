import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { readinessDistinctFromLivenessRule } from './readiness-distinct-from-liveness';

describe('readiness-distinct-from-liveness', () => {
  it('passes when the probes check different endpoints, or both only check the port', () => {
    expect(evaluate(readinessDistinctFromLivenessRule).status).toBe('pass');
    expect(
      evaluate(readinessDistinctFromLivenessRule, s => {
        const c = s.deployment.spec.template.spec.containers[0];
        c.readinessProbe = { tcpSocket: { port: 'http' }, periodSeconds: 5 };
        c.livenessProbe = { tcpSocket: { port: 'http' } };
      }).status,
    ).toBe('pass');
  });

  it('fails when both probes make the same check, whatever their timings', () => {
    expect(
      failuresOf(readinessDistinctFromLivenessRule, s => {
        s.deployment.spec.template.spec.containers[0].livenessProbe = {
          httpGet: { path: '/ready', port: 'http' },
          periodSeconds: 20,
        };
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: container "app" uses the same check for readiness and liveness: give liveness an endpoint that does not depend on other services',
    ]);
  });
});
