import { GuidanceRule } from '../types';
import { bodyOf, fail, pass } from './kubernetes';

/** Where each setting lives in a CronJob, and what it prevents. */
const SETTINGS: { path: string[]; name: string }[] = [
  { path: ['spec', 'concurrencyPolicy'], name: 'concurrencyPolicy' },
  {
    path: ['spec', 'startingDeadlineSeconds'],
    name: 'startingDeadlineSeconds',
  },
  { path: ['spec', 'timeZone'], name: 'timeZone' },
  {
    path: ['spec', 'jobTemplate', 'spec', 'backoffLimit'],
    name: 'jobTemplate.spec.backoffLimit',
  },
  {
    path: ['spec', 'jobTemplate', 'spec', 'activeDeadlineSeconds'],
    name: 'jobTemplate.spec.activeDeadlineSeconds',
  },
];

const at = (body: unknown, path: string[]) =>
  path.reduce<any>((value, key) => value?.[key], body);

/** A hung run with `Forbid` blocks every later run; defaults leave runs unbounded. */
export const cronjobDeadlinesRule: GuidanceRule = {
  id: 'cronjob-deadlines',
  title:
    'CronJobs set concurrencyPolicy, deadlines, a retry limit and a time zone',
  severity: 'warning',
  fileKinds: ['kubernetes'],
  article: {
    id: 'minikube-deployment-patterns',
    section: 'rule-cronjob-deadlines',
  },
  check: input =>
    input.objects
      .filter(o => o.kind === 'CronJob')
      .map(cronJob => {
        const missing = SETTINGS.filter(
          s => at(bodyOf(cronJob), s.path) === undefined,
        ).map(s => s.name);
        return missing.length === 0
          ? pass(cronJob, 'bounds its runs and names its time zone')
          : fail(cronJob, `does not set ${missing.join(', ')}`);
      }),
};
