import fs from 'fs-extra';
import { dirname, isAbsolute, join, relative, resolve } from 'path';
import {
  AuthService,
  DiscoveryService,
  resolveSafeChildPath,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ANSWERS_FILE,
  parseTemplateOrigin,
  TEMPLATE_BRANCH,
  TEMPLATE_ORIGIN_ANNOTATION,
  TEMPLATE_VERSION_ANNOTATION,
  upgradeBranchName,
} from '@paved-road/plugin-guidance-common';
import { parseAnswers } from './recordAnswers';
import {
  branchOid,
  commitTree,
  readCommitTree,
  rootCommit,
  writeFileTree,
} from '../upgrade/gitTrees';
import {
  answersWithDefaults,
  renderThroughDryRun,
  templateDirectoryContents,
} from '../upgrade/renderTemplate';
import { mergeTrees, TreeMergeResult } from '../upgrade/threeWayMerge';
import {
  GithubRepository,
  githubRepositoryOf,
  githubToken,
  isomorphicRemoteGit,
  RemoteGit,
  trackRemoteBranches,
} from '../upgrade/remoteRepository';
import { ScmIntegrations } from '@backstage/integration';

const DEFAULT_ROOT = './local-repos';

function upgradeMessage(options: {
  template: string;
  from: number;
  to: number;
  merge: TreeMergeResult;
}): string {
  const { template, from, to, merge } = options;
  const section = (title: string, paths: string[]) =>
    paths.length ? [``, title, ...paths.map(p => `- ${p}`)] : [];
  return [
    `Upgrade to ${template} v${to} (from v${from})`,
    ``,
    `Three-way merge of the new template render into main; base: the v${from} render on ${TEMPLATE_BRANCH}.`,
    ...section('Conflicts (resolve the markers):', merge.conflicts),
    ...section(
      'Changed by the template but deleted on main (left deleted):',
      merge.deletedByUser,
    ),
    ...section(
      'Removed by the template but changed on main (kept):',
      merge.removedByTemplate,
    ),
    ...section('Updated from the template:', merge.updated),
  ].join('\n');
}

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
}) {
  const { config, catalog, discovery, auth, urlReader } = options;
  const integrations =
    options.integrations ?? ScmIntegrations.fromConfig(config);
  const remoteGit = options.remoteGit ?? isomorphicRemoteGit;
  const render = options.render ?? renderThroughDryRun;

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
            .record(z.unknown())
            .optional()
            .describe(
              'Answers for parameters the new version added (or changed answers); the others come from the recorded answers and defaults',
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
      const credentials = await ctx.getInitiatorCredentials();
      const entity = await catalog.getEntityByRef(ctx.input.entityRef, {
        credentials,
      });
      if (!entity) {
        throw new NotFoundError(
          `No entity ${ctx.input.entityRef} in the catalog`,
        );
      }
      const entityRef = stringifyEntityRef(entity);
      const originAnnotation =
        entity.metadata.annotations?.[TEMPLATE_ORIGIN_ANNOTATION];
      const origin = parseTemplateOrigin(originAnnotation);
      if (!origin) {
        throw new InputError(
          `${entityRef} was not created from a versioned golden path: its ${TEMPLATE_ORIGIN_ANNOTATION} annotation is ${JSON.stringify(
            originAnnotation ?? null,
          )}, expected <template>@<version>`,
        );
      }
      const templateRef = stringifyEntityRef({
        kind: 'Template',
        namespace: 'default',
        name: origin.template,
      });
      const template = await catalog.getEntityByRef(templateRef, {
        credentials,
      });
      if (!template) {
        throw new NotFoundError(
          `${entityRef} was created from ${templateRef}, which is not in the catalog`,
        );
      }
      const toVersion = Number(
        template.metadata.annotations?.[TEMPLATE_VERSION_ANNOTATION],
      );
      if (!Number.isInteger(toVersion) || toVersion < 1) {
        throw new InputError(
          `${templateRef} has no valid ${TEMPLATE_VERSION_ANNOTATION}`,
        );
      }
      if (toVersion <= origin.version) {
        throw new InputError(
          `${entityRef} is on ${origin.template} v${origin.version}; the template is at v${toVersion}, there is nothing to upgrade`,
        );
      }

      const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
      const parsed = location ? parseLocationRef(location) : undefined;
      const branch = upgradeBranchName(toVersion);
      let dir: string;
      const github: GithubRepository | undefined =
        parsed?.type === 'url'
          ? githubRepositoryOf(parsed.target, integrations)
          : undefined;
      let token: string | undefined;
      if (parsed?.type === 'file') {
        // Only repositories published by publish:local, inside its root, are ours to write to.
        const root = resolve(
          process.cwd(),
          config.getOptionalString('guidance.publishLocal.root') ??
            DEFAULT_ROOT,
        );
        dir = dirname(parsed.target);
        const inside = relative(root, dir);
        if (!inside || inside.startsWith('..') || isAbsolute(inside)) {
          throw new InputError(
            `${dir} is outside the local repositories root ${root}`,
          );
        }
        if (!(await fs.pathExists(join(dir, '.git')))) {
          throw new InputError(`${dir} is not a Git repository`);
        }
      } else if (github) {
        token = await githubToken(integrations, github.cloneUrl);
        dir = await ctx.createTemporaryDirectory();
        await remoteGit.clone({ url: github.cloneUrl, dir, token });
        await trackRemoteBranches(dir, ['main', TEMPLATE_BRANCH, branch]);
      } else {
        throw new InputError(
          `${entityRef} lives neither in a local repository nor on GitHub (its location is ${JSON.stringify(
            location ?? null,
          )}); upgrades support publish:local and GitHub repositories`,
        );
      }

      if (await branchOid(dir, branch)) {
        throw new ConflictError(
          `${dir} already has a branch ${branch}; merge or delete it before upgrading again`,
        );
      }
      const mainOid = await branchOid(dir, 'main');
      if (!mainOid) throw new InputError(`${dir} has no main branch`);
      const ours = await readCommitTree(dir, mainOid);
      const answersFile = ours.get(ANSWERS_FILE);
      if (!answersFile) {
        throw new InputError(`${dir} has no ${ANSWERS_FILE} on main to replay`);
      }
      const answers = parseAnswers(answersFile.content.toString('utf8'));
      if (answers.template !== origin.template) {
        throw new InputError(
          `${ANSWERS_FILE} is for ${answers.template} but the entity says ${origin.template}`,
        );
      }
      const values = answersWithDefaults(template.spec?.parameters, {
        ...answers.values,
        ...ctx.input.values,
      });

      ctx.logger.info(
        `Rendering ${
          origin.template
        } v${toVersion} for ${entityRef} with answers ${Object.keys(
          values,
        ).join(', ')}`,
      );
      const theirs = await render({
        discovery,
        auth,
        credentials,
        template,
        values,
        directoryContents: await templateDirectoryContents(template, urlReader),
      });

      const baseOid =
        (await branchOid(dir, TEMPLATE_BRANCH)) ??
        (await rootCommit(dir, 'main'));
      const base = await readCommitTree(dir, baseOid);
      const merge = mergeTrees(ours, base, theirs, {
        ours: 'main',
        base: `${origin.template} v${origin.version}`,
        theirs: `${origin.template} v${toVersion}`,
      });
      for (const path of merge.conflicts) ctx.logger.warn(`Conflict: ${path}`);
      for (const path of merge.deletedByUser) {
        ctx.logger.warn(
          `${path} was deleted on main and changed by the template; left deleted`,
        );
      }
      for (const path of merge.removedByTemplate) {
        ctx.logger.warn(
          `${path} was removed by the template and changed on main; kept`,
        );
      }

      const summary = upgradeMessage({
        template: origin.template,
        from: origin.version,
        to: toVersion,
        merge,
      });
      const outputs = () => {
        ctx.output('branch', branch);
        ctx.output('conflicts', merge.conflicts);
        ctx.output('deletedByUser', merge.deletedByUser);
        ctx.output('removedByTemplate', merge.removedByTemplate);
        ctx.output('updated', merge.updated);
        ctx.output('fromVersion', origin.version);
        ctx.output('toVersion', toVersion);
        ctx.output('repoPath', github ? github.cloneUrl : dir);
        ctx.output('summary', summary);
        if (github) ctx.output('repoUrl', github.repoUrl);
      };
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would create ${branch} in ${dir}`);
        outputs();
        return;
      }

      const author = {
        name:
          config.getOptionalString('scaffolder.defaultAuthor.name') ??
          'Scaffolder',
        email:
          config.getOptionalString('scaffolder.defaultAuthor.email') ??
          'scaffolder@backstage.io',
      };
      const templateCommit = await commitTree({
        dir,
        branch: TEMPLATE_BRANCH,
        tree: await writeFileTree(dir, theirs),
        parents: [baseOid],
        message: `${origin.template} v${toVersion}: pristine render with the recorded answers`,
        author,
      });
      const upgradeCommit = await commitTree({
        dir,
        branch,
        tree: await writeFileTree(dir, merge.files),
        parents: [mainOid, templateCommit],
        message: summary,
        author,
      });
      if (github) {
        // The base of the next upgrade lives in the repository itself; the pull request
        // step (publish:github:pull-request) then proposes the merged files in the workspace.
        await remoteGit.push({
          url: github.cloneUrl,
          dir,
          branch: TEMPLATE_BRANCH,
          token,
        });
        for (const [path, file] of merge.files) {
          const target = resolveSafeChildPath(ctx.workspacePath, path);
          await fs.outputFile(target, file.content);
          if (file.executable) await fs.chmod(target, 0o755);
        }
      }
      ctx.logger.info(
        `Created ${branch} (${upgradeCommit.slice(0, 7)}) in ${dir}: ${
          merge.updated.length
        } files updated, ${merge.conflicts.length} conflicts`,
      );
      outputs();
    },
  });
}
