import {
  AuthService,
  DiscoveryService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { TEMPLATE_ORIGIN_ANNOTATION } from '@paved-road/plugin-guidance-common';
import { renderThroughDryRun } from '../upgrade/renderTemplate';
import { isomorphicRemoteGit, RemoteGit } from '../upgrade/remoteRepository';
import { runUpgrade, UpgradeDeps } from '../upgrade/runUpgrade';

/**
 * Creates `guidance:upgrade`: renders the current version of the template an entity was
 * created from with its recorded answers (through the scaffolder dry run), commits the render
 * onto `paved-road/template`, and three-way merges it into `paved-road/upgrade-v<N>` cut from main.
 * @public
 */
export function createUpgradeAction(options: {
  config: Config;
  catalog: CatalogService;
  discovery: DiscoveryService;
  auth: AuthService;
  urlReader: UrlReaderService;
  integrations?: ScmIntegrations;
  /** Clone and push for GitHub repositories; tests pass a fake. */
  remoteGit?: RemoteGit;
  /** How a template gets rendered; defaults to the scaffolder dry run. */
  render?: typeof renderThroughDryRun;
  /** For what happens after the task moved on (the conformance refresh's retries). */
  logger?: LoggerService;
}) {
  const deps: UpgradeDeps = {
    ...options,
    integrations:
      options.integrations ?? ScmIntegrations.fromConfig(options.config),
    remoteGit: options.remoteGit ?? isomorphicRemoteGit,
    render: options.render ?? renderThroughDryRun,
    backgroundLogger: options.logger,
  };

  return createTemplateAction({
    id: 'guidance:upgrade',
    description:
      'Upgrades a repository created from a golden path to the current template version: renders it with the recorded answers, commits the render on paved-road/template and three-way merges it into a new branch paved-road/upgrade-v<N> cut from main. User changes are kept; conflicts get markers and are listed.',
    examples: [
      {
        description:
          'Upgrade a service to the current version of its golden path',
        example: [
          'steps:',
          '  - id: upgrade',
          '    action: guidance:upgrade',
          '    input:',
          '      entityRef: component:default/orders',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              `Entity created from a golden path (it carries ${TEMPLATE_ORIGIN_ANNOTATION})`,
            ),
          values: z
            .union([z.record(z.unknown()), z.string()])
            .optional()
            .describe(
              'Answers for parameters the recorded answers lack (new in this version) or to change: a map, or YAML text of one. The others come from the recorded answers; a required parameter without either stops the upgrade',
            ),
        }),
      output: z =>
        z.object({
          branch: z.string().describe('The branch holding the upgrade'),
          conflicts: z
            .array(z.string())
            .describe('Files with conflict markers to resolve'),
          deletedByUser: z
            .array(z.string())
            .describe(
              'Files the template changed that were deleted on main; not restored',
            ),
          removedByTemplate: z
            .array(z.string())
            .describe(
              'Files the template removed that were changed on main; kept',
            ),
          updated: z
            .array(z.string())
            .describe('Files updated cleanly from the template'),
          givenAnswers: z
            .array(z.string())
            .describe(
              'Parameters without a recorded answer that took the value given in values',
            ),
          defaultedAnswers: z
            .array(z.string())
            .describe(
              'Optional parameters without a recorded answer or a given value: their default was used',
            ),
          fromVersion: z.number(),
          toVersion: z.number(),
          repoPath: z
            .string()
            .describe(
              'Folder of the local repository, or the URL of the remote one',
            ),
          repoUrl: z
            .string()
            .optional()
            .describe(
              'For a GitHub repository: the repoUrl publish:github:pull-request takes; the merged files are in the workspace',
            ),
          summary: z
            .string()
            .describe('What the upgrade did, for a pull request body'),
          pullRequestUrl: z.string().optional(),
        }),
    },
    async handler(ctx) {
      await runUpgrade(deps, ctx);
    },
  });
}
