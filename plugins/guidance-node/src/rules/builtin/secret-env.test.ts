import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { secretEnvRule } from './secret-env';

describe('secret-env', () => {
  it('passes secrets from secretKeyRef and paths to mounted secrets', () => {
    expect(evaluate(secretEnvRule).status).toBe('pass');
  });

  it('refuses plain values for secret-looking names', () => {
    expect(
      failuresOf(secretEnvRule, s => {
        s.deployment.spec.template.spec.containers[0].env.push(
          { name: 'STRIPE_API_KEY', value: 'sk_live_123' },
          { name: 'github_token', value: '' },
          { name: 'TOKEN_FILE', value: '/run/secrets/token' },
        );
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: container "app" sets STRIPE_API_KEY as a plain value: use valueFrom.secretKeyRef',
      'deploy/base/deployment.yaml: Deployment/orders: container "app" sets github_token as a plain value: use valueFrom.secretKeyRef',
    ]);
  });
});
