import fs from 'fs-extra';
import { dirname, isAbsolute, join, relative, resolve } from 'path';
import YAML from 'yaml';
import {
  AuthService,
  DiscoveryService,
  LoggerService,
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
  moveBranch,
  readCommitTree,
  tagOid,
  writeFileTree,
  writeTag,
} from '../upgrade/gitTrees';
import {
  renderThroughDryRun,
  templateDirectoryContents,
} from '../upgrade/renderTemplate';
import { parseGivenValues, resolveAnswers } from '../upgrade/parameterSchema';
import {
  findTemplateRender,
  templateRenderTag,
} from '../upgrade/templateRenders';
import { requestConformanceRefresh } from '../conformanceRefresh';
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

/**
 * The repository folder of a `file:` location, refused unless both the folder and its `.git`
 * really (symlinks resolved) lie inside the guidance:publish:local root: the upgrade writes Git objects
 * and refs there.
 */
async function confinedRepository(
  configuredRoot: string,
  location: string,
): Promise<string> {
  const dir = dirname(location);
  const realOrUndefined = (path: string) =>
    fs.realpath(path).catch(error => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
  const inside = (root: string, path: string) => {
    const rel = relative(root, path);
    return !!rel && !rel.startsWith('..') && !isAbsolute(rel);
  };
  const outside = (what: string, root: string, real?: string) =>
    new InputError(
      `${what} is outside the local repositories root ${root}${
        real ? ` (it leads to ${real})` : ''
      }; guidance:upgrade only writes to repositories guidance:publish:local created`,
    );
  if (!inside(resolve(configuredRoot), resolve(dir))) {
    throw outside(dir, configuredRoot);
  }
  const root = await realOrUndefined(configuredRoot);
  if (!root) {
    throw new InputError(
      `The local repositories root ${configuredRoot} does not exist, so ${dir} cannot be one of its repositories`,
    );
  }
  const realDir = await realOrUndefined(dir);
  if (!realDir) throw new InputError(`${dir} does not exist`);
  if (!inside(root, realDir)) throw outside(dir, root, realDir);
  const gitDir = join(realDir, '.git');
  const realGit = await realOrUndefined(gitDir);
  if (!realGit) throw new InputError(`${dir} is not a Git repository`);
  if (!inside(root, realGit)) throw outside(`${dir}/.git`, root, realGit);
  if (!(await fs.stat(realGit)).isDirectory()) {
    // A .git file ("gitdir: …") points at a repository elsewhere.
    throw new InputError(
      `${dir}/.git is not a folder; guidance:upgrade only writes to repositories guidance:publish:local created`,
    );
  }
  return realDir;
}

function upgradeMessage(options: {
  template: string;
  from: number;
  to: number;
  baseOid: string;
  merge: TreeMergeResult;
}): string {
  const { template, from, to, baseOid, merge } = options;
  const section = (title: string, paths: string[]) =>
    paths.length ? [``, title, ...paths.map(p => `- ${p}`)] : [];
  return [
    `Upgrade to ${template} v${to} (from v${from})`,
    ``,
    `Three-way merge of the ${template} v${to} render into main; base: the pristine ${template} v${from} render (${baseOid.slice(
      0,
      7,
    )}), the version main is on.`,
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
  /** For what happens after the task moved on (the conformance refresh's retries). */
  logger?: LoggerService;
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
      const given = parseGivenValues(ctx.input.values, text =>
        YAML.parse(text),
      );

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
        // Only repositories published by guidance:publish:local, really inside its root, are ours to write to.
        dir = await confinedRepository(
          resolve(
            process.cwd(),
            config.getOptionalString('guidance.publishLocal.root') ??
              DEFAULT_ROOT,
          ),
          parsed.target,
        );
      } else if (github) {
        token = await githubToken(integrations, github.cloneUrl);
        dir = await ctx.createTemporaryDirectory();
        await remoteGit.clone({ url: github.cloneUrl, dir, token });
        await trackRemoteBranches(dir, ['main', TEMPLATE_BRANCH, branch]);
      } else {
        throw new InputError(
          `${entityRef} lives neither in a local repository nor on GitHub (its location is ${JSON.stringify(
            location ?? null,
          )}); upgrades support guidance:publish:local and GitHub repositories`,
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
      // The version main is on is the one its answers record, whatever the catalog last read.
      const fromVersion = answers.version;
      if (toVersion < fromVersion) {
        throw new ConflictError(
          `${templateRef} went backwards: it is at v${toVersion}, but ${entityRef} is already on v${fromVersion}. A template version is never lowered; restore v${fromVersion} or release v${
            fromVersion + 1
          }`,
        );
      }
      if (toVersion === fromVersion) {
        throw new InputError(
          `${entityRef} is on ${origin.template} v${fromVersion}; the template is at v${toVersion}, there is nothing to upgrade`,
        );
      }

      const resolved = resolveAnswers(
        template.spec?.parameters,
        answers.values,
        given,
      );
      if (resolved.missing.length > 0) {
        throw new InputError(
          `${
            origin.template
          } v${toVersion} needs answers that ${ANSWERS_FILE} does not record: ${resolved.missing.join(
            ', ',
          )}. Give them in values (for example "${
            resolved.missing[0]
          }: <value>") and upgrade again`,
        );
      }
      const { values } = resolved;
      if (resolved.given.length > 0) {
        ctx.logger.info(
          `Not recorded, taken from values: ${resolved.given.join(', ')}`,
        );
      }
      if (resolved.defaulted.length > 0) {
        ctx.logger.warn(
          `Not recorded and not given, so the default is used: ${resolved.defaulted
            .map(key => `${key}=${JSON.stringify(values[key])}`)
            .join(', ')}`,
        );
      }
      if (resolved.secrets.length > 0) {
        ctx.logger.info(
          `Secret inputs are never recorded nor replayed: ${resolved.secrets.join(
            ', ',
          )}`,
        );
      }

      // The base is the pristine render of the version main is on.
      const baseOid = await findTemplateRender(dir, fromVersion);
      if (!baseOid) {
        throw new InputError(
          `${dir} has no pristine render of ${
            origin.template
          } v${fromVersion} (no tag ${templateRenderTag(
            fromVersion,
          )} and no commit on ${TEMPLATE_BRANCH} whose ${ANSWERS_FILE} says v${fromVersion}), so a three-way merge would have no base`,
        );
      }

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

      const base = await readCommitTree(dir, baseOid);
      const merge = mergeTrees(ours, base, theirs, {
        ours: 'main',
        base: `${origin.template} v${fromVersion}`,
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
        from: fromVersion,
        to: toVersion,
        baseOid,
        merge,
      });
      const outputs = () => {
        ctx.output('branch', branch);
        ctx.output('conflicts', merge.conflicts);
        ctx.output('deletedByUser', merge.deletedByUser);
        ctx.output('removedByTemplate', merge.removedByTemplate);
        ctx.output('updated', merge.updated);
        ctx.output('givenAnswers', resolved.given);
        ctx.output('defaultedAnswers', resolved.defaulted);
        ctx.output('fromVersion', fromVersion);
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
      // The new render is kept under its own tag, and paved-road/template stays on the render
      // main is on: nothing moves before main takes the upgrade, so a retry has the same base.
      const templateCommit = await commitTree({
        dir,
        tree: await writeFileTree(dir, theirs),
        parents: [baseOid],
        message: `${
          origin.template
        } v${toVersion}: pristine render with the recorded answers (on the v${fromVersion} render ${baseOid.slice(
          0,
          7,
        )})`,
        author,
      });
      const renderTag = templateRenderTag(toVersion);
      await writeTag(dir, renderTag, templateCommit);
      // Repositories from before the tags (or moved by an older upgrade) are put right: the
      // base gets its tag, and paved-road/template goes back to the render main is on.
      const baseTag = templateRenderTag(fromVersion);
      const baseTagMissing = (await tagOid(dir, baseTag)) !== baseOid;
      if (baseTagMissing) await writeTag(dir, baseTag, baseOid);
      const templateBranchMoved =
        (await branchOid(dir, TEMPLATE_BRANCH)) !== baseOid;
      if (templateBranchMoved) await moveBranch(dir, TEMPLATE_BRANCH, baseOid);
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
          ref: `refs/tags/${renderTag}`,
          token,
        });
        if (baseTagMissing) {
          await remoteGit.push({
            url: github.cloneUrl,
            dir,
            ref: `refs/tags/${baseTag}`,
            token,
          });
        }
        if (templateBranchMoved) {
          await remoteGit.push({
            url: github.cloneUrl,
            dir,
            ref: `refs/heads/${TEMPLATE_BRANCH}`,
            token,
          });
        }
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
      await requestConformanceRefresh({
        discovery,
        auth,
        logger: ctx.logger,
        backgroundLogger: options.logger,
        entityRef,
      });
      outputs();
    },
  });
}
