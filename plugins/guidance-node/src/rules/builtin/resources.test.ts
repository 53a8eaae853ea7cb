import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { resourcesRule } from './resources';

describe('resources', () => {
  it('passes when every container requests cpu and memory', () => {
    expect(evaluate(resourcesRule).status).toBe('pass');
  });

  it('names the missing requests, init containers and jobs included', () => {
    expect(
      failuresOf(resourcesRule, s => {
        s.deployment.spec.template.spec.initContainers[0].resources = {
          requests: { cpu: '50m' },
        };
        delete s.cronJob.spec.jobTemplate.spec.template.spec.containers[0]
          .resources;
      }),
    ).toEqual([
      'deploy/base/deployment.yaml: Deployment/orders: init container "migrate" does not set resources requests.memory',
      'monitoring/observability.yml: CronJob/orders-report: container "report" does not set resources requests.cpu, requests.memory',
    ]);
  });
});
