import fs from 'fs-extra';
import { dirname } from 'path';
import { fileURLToPath } from 'url';
import YAML, { isMap, parseAllDocuments } from 'yaml';
import {
  BackstageCredentials,
  LoggerService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ANSWERS_FILE,
  TEMPLATE_ORIGIN_ANNOTATION,
  TEMPLATE_VERSION_ANNOTATION,
} from '@paved-road/plugin-guidance-common';

import {
  parameterProperties,
  secretParameterNames,
  withoutNestedSecrets,
} from '../upgrade/parameterSchema';

/** The ref the scaffolder gives a dry run's template (it is in no catalog). */
const DRY_RUN_TEMPLATE_REF = 'template:default/dry-run';

/** What `.paved-road/answers.yaml` holds. */
export type TemplateAnswers = {
  template: string;
  version: number;
  values: Record<string, unknown>;
};

export function answersToYaml(answers: TemplateAnswers): string {
  return [
    '# Written by the golden path this repository was created from. guidance:upgrade replays',
    '# these answers when it renders a newer template version; edit them only to change an answer.',
    YAML.stringify(answers, { sortMapEntries: false, lineWidth: 0 }),
  ].join('\n');
}

/** Reads an answers file; throws an InputError naming what is wrong. */
export function parseAnswers(text: string): TemplateAnswers {
  const value = YAML.parse(text);
  if (
    typeof value?.template !== 'string' ||
    !Number.isInteger(Number(value?.version)) ||
    (value.values !== undefined &&
      (typeof value.values !== 'object' || Array.isArray(value.values)))
  ) {
    throw new InputError(
      `${ANSWERS_FILE} must hold template (a name), version (an integer) and values (a map)`,
    );
  }
  return {
    template: value.template,
    version: Number(value.version),
    values: value.values ?? {},
  };
}

/**
 * The running template's `spec.parameters`: from the catalog for a task, from the template.yaml
 * the scaffolder wrote for a dry run (its templateInfo carries only metadata).
 */
async function runningTemplateParameters(options: {
  templateInfo?: { entityRef: string; baseUrl?: string };
  catalog: CatalogService;
  credentials: () => Promise<BackstageCredentials>;
}): Promise<unknown> {
  const { templateInfo, catalog } = options;
  if (!templateInfo) {
    throw new InputError(
      'No running template to read the parameters of; guidance:record:answers runs inside a template',
    );
  }
  if (templateInfo.entityRef !== DRY_RUN_TEMPLATE_REF) {
    const template = await catalog.getEntityByRef(templateInfo.entityRef, {
      credentials: await options.credentials(),
    });
    if (template) return template.spec?.parameters;
  }
  if (templateInfo.baseUrl?.startsWith('file:')) {
    const file = fileURLToPath(templateInfo.baseUrl);
    if (/\.ya?ml$/.test(file) && (await fs.pathExists(file))) {
      return YAML.parse(await fs.readFile(file, 'utf8'))?.spec?.parameters;
    }
  }
  throw new InputError(
    `Cannot read the parameters of ${templateInfo.entityRef} to tell its secret inputs from its answers; nothing recorded`,
  );
}

/** The answers to record: neither excluded nor secret (per the template's schema), nested secrets removed. */
function recordableAnswers(
  parameters: unknown,
  given: Record<string, unknown>,
  exclude: string[],
  logger: LoggerService,
): Record<string, unknown> {
  const secrets = secretParameterNames(parameters);
  const properties = parameterProperties(parameters);
  const excluded = new Set(exclude);
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    if (excluded.has(key) || value === undefined) continue;
    if (secrets.has(key)) {
      logger.info(`Not recording "${key}": the template declares it a secret`);
      continue;
    }
    values[key] = withoutNestedSecrets(properties.get(key), value);
  }
  return values;
}

/**
 * Writes the origin annotation into the first entity of the file, keeping the rest of the file
 * as it is; a file without an entity is an InputError, a missing file is left alone.
 */
async function annotateTemplateOrigin(
  entityFile: string,
  entityPath: string,
  origin: string,
) {
  if (!(await fs.pathExists(entityFile))) return;
  const documents = parseAllDocuments(await fs.readFile(entityFile, 'utf8'));
  const list = Array.isArray(documents) ? documents : [documents];
  const document = list.find(
    d =>
      d.errors.length === 0 &&
      isMap(d.contents) &&
      d.get('kind') &&
      isMap(d.get('metadata')),
  );
  if (!document) {
    throw new InputError(
      `${entityPath} holds no entity (a document with kind and metadata)`,
    );
  }
  document.setIn(
    ['metadata', 'annotations', TEMPLATE_ORIGIN_ANNOTATION],
    origin,
  );
  const layout = { lineWidth: 0, flowCollectionPadding: false };
  await fs.writeFile(entityFile, list.map(d => d.toString(layout)).join(''));
}

/**
 * Creates `guidance:record:answers`: writes `.paved-road/answers.yaml` (template, version and
 * the answers given, never secrets) and sets `paved-road.dev/template: <name>@<version>` on the
 * entity in catalog-info.yaml, so a later template version can be merged into the repository.
 * @public
 */
export function createRecordAnswersAction(options: {
  catalog: CatalogService;
}) {
  const { catalog } = options;
  return createTemplateAction({
    id: 'guidance:record:answers',
    description: `Writes ${ANSWERS_FILE} (template, version, answers; never secrets) and the ${TEMPLATE_ORIGIN_ANNOTATION} annotation, so guidance:upgrade can later replay the answers on a newer template version.`,
    examples: [
      {
        description: 'Remember the answers of this run',
        example: [
          'steps:',
          '  - id: answers',
          '    action: guidance:record:answers',
          '    input:',
          '      values: ${{ parameters }}',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: z =>
        z.object({
          values: z
            .record(z.unknown())
            .describe('The answers to record, usually ${{ parameters }}'),
          exclude: z
            .array(z.string())
            .optional()
            .describe('Answers to leave out of the file'),
          template: z
            .string()
            .optional()
            .describe('Template name. Defaults to the running template'),
          version: z
            .union([z.string(), z.number()])
            .optional()
            .describe(
              `Template version. Defaults to the running template's ${TEMPLATE_VERSION_ANNOTATION}`,
            ),
          entityPath: z
            .string()
            .optional()
            .describe(
              'Entity file to annotate. Defaults to catalog-info.yaml; skipped when absent',
            ),
        }),
      output: z =>
        z.object({
          template: z.string(),
          version: z.number(),
          recorded: z
            .array(z.string())
            .describe('Names of the recorded answers'),
        }),
    },
    async handler(ctx) {
      const metadata = ctx.templateInfo?.entity?.metadata;
      const template = ctx.input.template ?? metadata?.name;
      const rawVersion =
        ctx.input.version ??
        metadata?.annotations?.[TEMPLATE_VERSION_ANNOTATION];
      const version = Number(rawVersion);
      if (!template || !/^[a-z0-9][a-z0-9._-]*$/.test(template)) {
        throw new InputError(
          `No valid template name to record (got ${JSON.stringify(template)})`,
        );
      }
      if (!Number.isInteger(version) || version < 1) {
        throw new InputError(
          `Template ${template} has no valid ${TEMPLATE_VERSION_ANNOTATION} (got ${JSON.stringify(
            rawVersion,
          )})`,
        );
      }

      // Secret-ness comes from the template's parameter schema, never from a name.
      const parameters = await runningTemplateParameters({
        templateInfo: ctx.templateInfo,
        catalog,
        credentials: () => ctx.getInitiatorCredentials(),
      });
      const values = recordableAnswers(
        parameters,
        ctx.input.values,
        ctx.input.exclude ?? [],
        ctx.logger,
      );
      const answersPath = resolveSafeChildPath(ctx.workspacePath, ANSWERS_FILE);
      await fs.ensureDir(dirname(answersPath));
      await fs.writeFile(
        answersPath,
        answersToYaml({ template, version, values }),
      );

      const entityPath = ctx.input.entityPath ?? 'catalog-info.yaml';
      const entityFile = resolveSafeChildPath(ctx.workspacePath, entityPath);
      await annotateTemplateOrigin(
        entityFile,
        entityPath,
        `${template}@${version}`,
      );
      ctx.logger.info(
        `Recorded ${template}@${version} with answers ${
          Object.keys(values).join(', ') || '(none)'
        }`,
      );
      ctx.output('template', template);
      ctx.output('version', version);
      ctx.output('recorded', Object.keys(values));
    },
  });
}
