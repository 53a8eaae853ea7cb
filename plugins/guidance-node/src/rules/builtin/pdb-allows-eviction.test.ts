import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { pdbAllowsEvictionRule } from './pdb-allows-eviction';

describe('pdb-allows-eviction', () => {
  it('passes a budget that lets one pod go', () => {
    expect(evaluate(pdbAllowsEvictionRule).status).toBe('pass');
    expect(
      evaluate(pdbAllowsEvictionRule, s => {
        s.pdb.spec.maxUnavailable = undefined;
        s.pdb.spec.minAvailable = '50%';
      }).status,
    ).toBe('pass');
  });

  it('fails a budget that allows no eviction', () => {
    expect(
      failuresOf(pdbAllowsEvictionRule, s => {
        s.pdb.spec.maxUnavailable = undefined;
        s.pdb.spec.minAvailable = 2;
      }),
    ).toEqual([
      'deploy/base/pdb.yaml: PodDisruptionBudget/orders: allows no eviction of Deployment/orders (2 replicas): node drains will hang; use maxUnavailable: 1',
    ]);
    expect(
      failuresOf(pdbAllowsEvictionRule, s => {
        s.pdb.spec.maxUnavailable = '0%';
      }),
    ).toHaveLength(1);
  });

  it('does not advise maxUnavailable: 1 for a workload of one replica', () => {
    expect(
      failuresOf(pdbAllowsEvictionRule, s => {
        s.deployment.spec.replicas = 1;
        s.pdb.spec.maxUnavailable = 0;
      }),
    ).toEqual([
      'deploy/base/pdb.yaml: PodDisruptionBudget/orders: allows no eviction of Deployment/orders, which runs one replica: node drains will hang. A budget cannot keep a lone pod up through a drain; delete it (and plan for the restart), or run two or more replicas with maxUnavailable: 1',
    ]);
  });
});
