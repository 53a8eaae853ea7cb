import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { memoryLimitRule } from './memory-limit';

describe('memory-limit', () => {
  it('passes with a memory limit and no CPU limit', () => {
    expect(evaluate(memoryLimitRule).status).toBe('pass');
  });

  it('fails a container without a memory limit', () => {
    expect(
      failuresOf(memoryLimitRule, s => {
        s.deployment.spec.template.spec.containers[0].resources = {
          requests: { cpu: '100m', memory: '128Mi' },
          limits: { cpu: '1' },
        };
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: container "app" does not set resources limits.memory',
    ]);
  });
});
