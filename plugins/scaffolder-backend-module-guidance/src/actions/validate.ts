import fs from 'fs-extra';
import { relative, sep } from 'path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { RuleResult } from '@paved-road/plugin-guidance-common';
import {
  GuidanceService,
  ManifestFile,
  parseManifests,
} from '@paved-road/plugin-guidance-node';
import { examples } from './validate.examples';

/** Rule ids that `skip` used to take before the rules moved to guidance-node. */
const SKIP_ALIASES: Record<string, string[]> = {
  probes: ['readiness-probe', 'liveness-probe'],
};
const IGNORED_FOLDERS = new Set(['.git', 'node_modules']);

async function findFilesToCheck(path: string): Promise<string[]> {
  const stat = await fs.stat(path);
  // A file named on purpose is read whatever its name: a Dockerfile has rules too.
  if (stat.isFile()) return [path];
  const entries = await fs.readdir(path, { withFileTypes: true });
  // A Helm chart's templates are Go templates, not YAML until rendered.
  const isChart = entries.some(e => e.isFile() && e.name === 'Chart.yaml');
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const child = `${path}${sep}${entry.name}`;
    if (entry.isDirectory()) {
      if (
        IGNORED_FOLDERS.has(entry.name) ||
        (isChart && entry.name === 'templates')
      )
        continue;
      found.push(...(await findFilesToCheck(child)));
    } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
      found.push(child);
    }
  }
  return found;
}

type Problem = {
  rule: RuleResult['rule'];
  file?: string;
  object?: string;
  message: string;
};

/** `<file>: <Kind>/<name>: [<rule>] <what is wrong>`, the report line people grep for. */
function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.object].filter(Boolean).join(': ');
  return `${where ? `${where}: ` : ''}[${problem.rule.id}] ${problem.message}`;
}

/** The failures of the given severity, ordered by file as the files were read, then by rule. */
function problemsOf(
  results: RuleResult[],
  severity: 'error' | 'warning',
  fileOrder: Map<string, number>,
): Problem[] {
  const problems = results
    .filter(r => r.status === 'fail' && r.rule.severity === severity)
    .flatMap(r => r.findings.map(f => ({ rule: r.rule, ...f })));
  const position = (p: Problem) =>
    p.file === undefined ? -1 : fileOrder.get(p.file) ?? fileOrder.size;
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => position(a.p) - position(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Creates `guidance:validate`: sends the generated YAML to the guidance backend
 * (`POST /api/guidance/validate`), so the built-in rules and every rule a module added
 * apply; fails with one line per `error` finding and logs the warnings.
 * @public
 */
export function createValidateAction(options: { guidance: GuidanceService }) {
  const { guidance } = options;
  return createTemplateAction({
    id: 'guidance:validate',
    description:
      'Checks the YAML in the workspace (and any file named in paths, such as a Dockerfile) against the guidance rules of the guidance backend (the built-in ones and any a module adds) and fails with one line per problem (`<file>: <Kind>/<name>: [<rule>] <what is wrong>`); findings of rules with severity `warning` are logged, not fatal. Kustomize patches are parsed but not checked.',
    examples,
    supportsDryRun: true,
    schema: {
      input: z =>
        z.object({
          paths: z
            .array(z.string())
            .optional()
            .describe(
              'Files or folders in the workspace to check: a folder gives its YAML files, a file is read whatever its name (e.g. Dockerfile). Defaults to the whole workspace',
            ),
          skip: z
            .array(z.string())
            .optional()
            .describe(
              'Rule ids not to check, e.g. pdb or servicemonitor-selector (probes skips both probe rules)',
            ),
        }),
      output: z =>
        z.object({
          checked: z.number().describe('Files read'),
          objects: z.number().describe('Kubernetes objects checked'),
          warnings: z
            .number()
            .describe('Findings of warning rules (logged, not fatal)'),
        }),
    },
    async handler(ctx) {
      const files = new Set<string>();
      for (const path of ctx.input.paths ?? ['.']) {
        const absolute = resolveSafeChildPath(ctx.workspacePath, path);
        if (!(await fs.pathExists(absolute))) {
          throw new InputError(
            `Nothing to validate at ${path}: no such file or folder in the workspace`,
          );
        }
        for (const file of await findFilesToCheck(absolute)) files.add(file);
      }
      const manifests: ManifestFile[] = [];
      for (const file of files) {
        manifests.push({
          path: relative(ctx.workspacePath, file).split(sep).join('/'),
          content: await fs.readFile(file, 'utf8'),
        });
      }

      const { results } = await guidance.validate(manifests);

      const known = new Set(results.map(r => r.rule.id));
      const requested = ctx.input.skip ?? [];
      const unknown = requested.filter(
        id => !known.has(id) && !(id in SKIP_ALIASES),
      );
      if (unknown.length > 0) {
        throw new InputError(
          `Unknown rule id(s) in skip: ${unknown.join(', ')}; the rules are ${[
            ...known,
          ].join(', ')}`,
        );
      }
      const skip = new Set(requested.flatMap(id => SKIP_ALIASES[id] ?? [id]));
      const applied = results.filter(r => !skip.has(r.rule.id));

      const fileOrder = new Map(manifests.map((f, i) => [f.path, i]));
      const warnings = problemsOf(applied, 'warning', fileOrder);
      for (const warning of warnings) {
        ctx.logger.warn(`${formatProblem(warning)} (warning)`);
      }
      const errors = problemsOf(applied, 'error', fileOrder);
      if (errors.length > 0) {
        throw new Error(
          `The generated files do not follow the guidance (${plural(
            errors.length,
            'problem',
          )}):\n${errors.map(formatProblem).join('\n')}`,
        );
      }

      const objects = parseManifests(manifests).objects.length;
      ctx.logger.info(
        `Checked ${objects} Kubernetes objects in ${plural(
          manifests.length,
          'file',
        )} against ${plural(applied.length, 'rule')}: all follow the guidance${
          warnings.length > 0 ? ` (${plural(warnings.length, 'warning')})` : ''
        }`,
      );
      ctx.output('checked', manifests.length);
      ctx.output('objects', objects);
      ctx.output('warnings', warnings.length);
    },
  });
}
