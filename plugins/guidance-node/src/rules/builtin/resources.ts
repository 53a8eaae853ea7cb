import { GuidanceRule } from '../types';
import { Container, checkContainers } from './kubernetes';

const isSet = (value: unknown) =>
  value !== undefined && value !== null && value !== '';

/** Which of `requests.cpu`, `requests.memory`, ... a container leaves unset. */
export function missingResources(
  container: Container,
  keys: string[],
): string[] {
  return keys.filter(key => {
    const [group, resource] = key.split('.') as ['requests' | 'limits', string];
    return !isSet(container.resources?.[group]?.[resource]);
  });
}

/** Requests drive scheduling and are the denominator of autoscaling. */
export const resourcesRule: GuidanceRule = {
  id: 'resources',
  title: 'Every container requests CPU and memory',
  severity: 'error',
  fileKinds: ['kubernetes'],
  article: { id: 'minikube-deployment-patterns', section: 'rule-resources' },
  check: input =>
    checkContainers(input, {
      check: ({ container, label }) => {
        const missing = missingResources(container, [
          'requests.cpu',
          'requests.memory',
        ]);
        return missing.length === 0
          ? { ok: true, message: `${label} requests cpu and memory` }
          : {
              ok: false,
              message: `${label} does not set resources ${missing.join(', ')}`,
            };
      },
    }),
};
