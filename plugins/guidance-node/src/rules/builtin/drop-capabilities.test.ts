import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { dropCapabilitiesRule } from './drop-capabilities';

describe('drop-capabilities', () => {
  it('passes containers that drop ALL', () => {
    expect(evaluate(dropCapabilitiesRule).status).toBe('pass');
  });

  it('fails a container that keeps the default capabilities', () => {
    expect(
      failuresOf(dropCapabilitiesRule, s => {
        s.deployment.spec.template.spec.containers[0].securityContext = {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['NET_RAW'] },
        };
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: container "app" does not set securityContext.capabilities.drop: ["ALL"]',
    ]);
  });
});
