import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { startupProbeRule } from './startup-probe';

describe('startup-probe', () => {
  it('passes when a container with a liveness probe has a startup probe', () => {
    expect(evaluate(startupProbeRule).status).toBe('pass');
  });

  it('fails a container whose liveness probe can kill a slow start', () => {
    expect(
      failuresOf(startupProbeRule, s => {
        delete s.deployment.spec.template.spec.containers[0].startupProbe;
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: container "app" has a livenessProbe but no startupProbe: a slow start will be killed and restarted',
    ]);
  });
});
