import { GuidanceRule } from '../types';

/** Every YAML file parses: a file that does not is skipped by every other rule. */
export const yamlRule: GuidanceRule = {
  id: 'yaml',
  title: 'Every YAML file parses',
  severity: 'error',
  fileKinds: ['yaml'],
  article: { id: 'minikube-argocd', section: 'rule-yaml' },
  check(input) {
    if (input.parseErrors.length === 0) {
      return input.objects.length > 0
        ? [{ status: 'pass', message: 'every YAML file parses' }]
        : [];
    }
    return input.parseErrors.map(e => ({
      status: 'fail',
      file: e.file,
      ...(e.line !== undefined ? { line: e.line } : {}),
      ...(e.column !== undefined ? { column: e.column } : {}),
      message:
        e.line !== undefined
          ? `does not parse at line ${e.line}${
              e.column !== undefined ? `, column ${e.column}` : ''
            }: ${e.message}`
          : `does not parse: ${e.message}`,
    }));
  },
};
