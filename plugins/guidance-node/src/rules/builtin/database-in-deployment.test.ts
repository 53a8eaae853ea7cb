import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { databaseInDeploymentRule } from './database-in-deployment';

describe('database-in-deployment', () => {
  it('passes an application Deployment and a database in a StatefulSet', () => {
    expect(evaluate(databaseInDeploymentRule).status).toBe('pass');
    expect(
      evaluate(databaseInDeploymentRule, s => {
        s.deployment.kind = 'StatefulSet';
        s.deployment.spec.template.spec.containers[0].image =
          'docker.io/library/postgres:16.4';
      }).status,
    ).toBe('not-applicable');
  });

  it('fails a database image in a Deployment', () => {
    expect(
      failuresOf(databaseInDeploymentRule, s => {
        s.deployment.spec.template.spec.containers[0].image =
          'bitnami/postgresql:16.4.0';
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: container "app" runs postgresql in a Deployment: use a StatefulSet with volumeClaimTemplates, an operator or a managed service',
    ]);
  });
});
