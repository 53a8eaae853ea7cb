import { evaluate, failuresOf } from '../../__testUtils__/manifests';
import { cronjobDeadlinesRule } from './cronjob-deadlines';

describe('cronjob-deadlines', () => {
  it('passes a CronJob that bounds its runs', () => {
    expect(evaluate(cronjobDeadlinesRule).status).toBe('pass');
  });

  it('names the settings a CronJob leaves to the defaults', () => {
    expect(
      failuresOf(cronjobDeadlinesRule, s => {
        delete s.cronJob.spec.timeZone;
        delete s.cronJob.spec.jobTemplate.spec.activeDeadlineSeconds;
      }),
    ).toEqual([
      'monitoring/observability.yml: CronJob/orders-report: does not set timeZone, jobTemplate.spec.activeDeadlineSeconds',
    ]);
  });
});
