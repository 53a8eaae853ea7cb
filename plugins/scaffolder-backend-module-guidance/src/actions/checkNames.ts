import fs from 'fs-extra';
import { parseAllDocuments } from 'yaml';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';

/** The refs of the entities an entity file in the workspace describes. */
async function entityRefsIn(file: string, path: string): Promise<string[]> {
  const refs: string[] = [];
  for (const document of parseAllDocuments(await fs.readFile(file, 'utf8'))) {
    if (document.errors.length > 0) {
      throw new InputError(
        `${path} does not parse: ${document.errors[0].message}`,
      );
    }
    const value = document.toJS();
    if (
      typeof value?.kind === 'string' &&
      typeof value?.metadata?.name === 'string'
    ) {
      refs.push(
        stringifyEntityRef({
          kind: value.kind,
          namespace: value.metadata.namespace ?? 'default',
          name: value.metadata.name,
        }),
      );
    }
  }
  return refs;
}

function describeExisting(ref: string, existing: Entity): string {
  const owner = (existing.spec as { owner?: unknown } | undefined)?.owner;
  const location = existing.metadata.annotations?.[ANNOTATION_LOCATION];
  return `${ref} already exists${
    typeof owner === 'string' ? `, owned by ${owner}` : ''
  }${location ? ` (registered from ${location})` : ''}`;
}

/**
 * Creates `guidance:check:names`: refuses, before anything is published, the entities of the
 * workspace's catalog-info.yaml whose refs the catalog already holds. A new repository must
 * never point "Open in catalog" at another team's entity. Asks the catalog with the credentials
 * of the user running the template. In a dry run (a preview, also how guidance:upgrade renders
 * an existing service) a taken name is logged, not refused.
 * @public
 */
export function createCheckNamesAction(options: { catalog: CatalogService }) {
  const { catalog } = options;
  return createTemplateAction({
    id: 'guidance:check:names',
    description:
      'Refuses entity names that already exist in the catalog (read from the workspace catalog-info.yaml), before anything is published.',
    examples: [
      {
        description: 'Stop before publishing when the new entity name is taken',
        example: [
          'steps:',
          '  - id: check-names',
          '    action: guidance:check:names',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: z =>
        z.object({
          entityPath: z
            .string()
            .optional()
            .describe(
              'Entity file in the workspace. Defaults to catalog-info.yaml',
            ),
        }),
      output: z =>
        z.object({
          checked: z
            .array(z.string())
            .describe('Refs of the entities checked, all free'),
        }),
    },
    async handler(ctx) {
      const entityPath = ctx.input.entityPath ?? 'catalog-info.yaml';
      const file = resolveSafeChildPath(ctx.workspacePath, entityPath);
      if (!(await fs.pathExists(file))) {
        throw new InputError(
          `${entityPath} is not in the workspace: there is no entity name to check`,
        );
      }
      const refs = await entityRefsIn(file, entityPath);
      if (refs.length === 0) {
        throw new InputError(
          `${entityPath} holds no entity (a document with kind and metadata.name)`,
        );
      }
      const credentials = await ctx.getInitiatorCredentials();
      const taken: string[] = [];
      for (const ref of refs) {
        const existing = await catalog.getEntityByRef(ref, { credentials });
        if (existing) taken.push(describeExisting(ref, existing));
      }
      if (taken.length > 0) {
        const message = `${taken.join(
          '; ',
        )}. Choose another name: nothing was published`;
        if (ctx.isDryRun) {
          ctx.logger.warn(`A real run would stop here: ${message}`);
        } else {
          throw new ConflictError(message);
        }
      } else {
        ctx.logger.info(`No entity named ${refs.join(', ')} in the catalog`);
      }
      ctx.output('checked', refs);
    },
  });
}
