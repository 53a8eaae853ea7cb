import { GuidanceRule } from '../types';
import { checkContainers } from './kubernetes';
import { missingResources } from './resources';

/** Without a memory limit one leaking pod can starve its node; CPU limits stay optional. */
export const memoryLimitRule: GuidanceRule = {
  id: 'memory-limit',
  title: 'Every container has a memory limit',
  severity: 'error',
  fileKinds: ['kubernetes'],
  article: { id: 'golden-paths', section: 'rule-memory-limit' },
  check: input =>
    checkContainers(input, {
      check: ({ container, label }) =>
        missingResources(container, ['limits.memory']).length === 0
          ? { ok: true, message: `${label} has a memory limit` }
          : {
              ok: false,
              message: `${label} does not set resources limits.memory`,
            },
    }),
};
