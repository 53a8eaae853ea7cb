import { LifecycleService, LoggerService } from '@backstage/backend-plugin-api';
import {
  BUILTIN_RULES,
  GuidanceLibraryExtensionPoint,
  GuidanceRule,
} from '@paved-road/plugin-guidance-node';
import { YamlWorkerPool } from '../conformance/YamlWorkerPool';
import { RuleRegistry } from './RuleRegistry';

/** The built-in rules and those modules added, parsing YAML in worker threads. */
export function createRuleRegistry(options: {
  addedRules: GuidanceRule[];
  library: GuidanceLibraryExtensionPoint;
  logger: LoggerService;
  lifecycle: LifecycleService;
}): RuleRegistry {
  const { addedRules, library, logger } = options;
  // YAML is parsed in worker threads: a large or hostile file never stalls other requests
  const yamlParser = new YamlWorkerPool({
    logger: logger.child({ task: 'yaml-parser' }),
  });
  options.lifecycle.addShutdownHook(() => yamlParser.close());
  const rules = new RuleRegistry({
    builtin: BUILTIN_RULES,
    added: addedRules,
    articles: () => library.articles(),
    lifecycle: () => library.lifecycle(),
    parseYaml: yamlParser.parse,
  });
  if (addedRules.length > 0) {
    logger.info(
      `Guidance rules added by modules: ${addedRules
        .map(r => r.id)
        .join(', ')}`,
    );
  }
  return rules;
}
