import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { findRemovedApiVersion } from '../servedApiVersions';
import { servedApiVersionRule } from './served-api-version';

describe('served-api-version', () => {
  it('passes objects on served versions', () => {
    expect(evaluate(servedApiVersionRule).status).toBe('pass');
  });

  it('fails objects on removed versions and names the replacement', () => {
    expect(
      failuresOf(servedApiVersionRule, s => {
        s.pdb.apiVersion = 'policy/v1beta1';
        s.cronJob.apiVersion = 'batch/v1beta1';
      }),
    ).toEqual([
      'deploy/base/pdb.yaml: PodDisruptionBudget/orders: policy/v1beta1 PodDisruptionBudget is no longer served since kubernetes 1.25: use policy/v1',
      'monitoring/observability.yml: CronJob/orders-report: batch/v1beta1 CronJob is no longer served since kubernetes 1.25: use batch/v1',
    ]);
  });

  it('looks versions up by kind where only some kinds were removed', () => {
    expect(
      findRemovedApiVersion('extensions/v1beta1', 'Ingress')?.removedIn,
    ).toBe('1.22');
    expect(
      findRemovedApiVersion('extensions/v1beta1', 'Deployment')?.replacement,
    ).toBe('apps/v1');
    expect(findRemovedApiVersion('apps/v1', 'Deployment')).toBeUndefined();
  });
});
