import { pathToFileURL } from 'url';
import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './publishLocal.examples';
import {
  CATALOG_INFO,
  commitWorkspace,
  confinedTarget,
  createRepositoryFolder,
  localReposRoot,
  readEntity,
  registerPublished,
  repositoryName,
} from './publishLocalRepository';

/**
 * Creates `guidance:publish:local`: writes the workspace into a new Git repository in a local folder
 * and registers its catalog-info.yaml with the catalog, so golden paths work offline.
 * @public
 */
export function createPublishLocalAction(options: {
  config: Config;
  catalog: CatalogService;
  /** How long to wait for the catalog to show the new entity; 30 s unless a test says. */
  waitMs?: number;
  pollMs?: number;
  /** With discovery and auth: the new entity's conformance is evaluated at once. */
  discovery?: DiscoveryService;
  auth?: AuthService;
  /** For what happens after the task moved on (the conformance refresh's retries). */
  logger?: LoggerService;
}) {
  const { config } = options;

  return createTemplateAction({
    id: 'guidance:publish:local',
    description:
      'Publishes the workspace as a new Git repository (one commit on main) in a local folder and waits until the catalog shows its entity (found by the guidance catalog module). Refuses to touch a folder that already exists.',
    examples,
    supportsDryRun: true,
    schema: {
      input: z =>
        z.object({
          name: z
            .string()
            .optional()
            .describe(
              'Folder name of the repository. Defaults to the entity name in catalog-info.yaml',
            ),
          root: z
            .string()
            .optional()
            .describe(
              'Folder inside guidance.publishLocal.root that the repository is created in. Defaults to that root itself; paths leading outside it are refused',
            ),
          register: z
            .boolean()
            .optional()
            .describe(
              'Wait until the catalog shows the entity of catalog-info.yaml. Defaults to true',
            ),
          gitCommitMessage: z
            .string()
            .optional()
            .describe(
              'Message of the initial commit. Defaults to scaffolder.defaultCommitMessage, else "Initial commit"',
            ),
        }),
      output: z =>
        z.object({
          repoContentsUrl: z
            .string()
            .describe('file:// URL of the repository folder'),
          path: z.string().describe('Absolute path of the repository folder'),
          catalogInfoPath: z
            .string()
            .describe('Path of the entity file inside the repository'),
          entityRef: z
            .string()
            .optional()
            .describe('Ref of the entity in catalog-info.yaml'),
        }),
    },
    async handler(ctx) {
      const entity = await readEntity(ctx.workspacePath);
      const name = repositoryName(ctx.input.name, entity);
      const { root, target } = confinedTarget(
        localReposRoot(config),
        ctx.input.root,
        name,
      );
      const entityRef = entity ? stringifyEntityRef(entity) : undefined;
      const register = ctx.input.register ?? true;
      const outputs = () => {
        ctx.output('repoContentsUrl', pathToFileURL(target).href);
        ctx.output('path', target);
        ctx.output('catalogInfoPath', `/${CATALOG_INFO}`);
        if (entityRef) ctx.output('entityRef', entityRef);
      };

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would publish the workspace to ${target}${
            register ? ' and register it' : ''
          }`,
        );
        outputs();
        return;
      }

      await createRepositoryFolder(root, target);
      await commitWorkspace({
        workspacePath: ctx.workspacePath,
        target,
        config,
        message: ctx.input.gitCommitMessage,
        logger: ctx.logger,
      });

      if (register) {
        await registerPublished({
          ...options,
          entityRef,
          target,
          credentials: await ctx.getInitiatorCredentials(),
          logger: ctx.logger,
          backgroundLogger: options.logger,
        });
      }
      outputs();
    },
  });
}
