import YAML from 'yaml';
import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { upgradeBranchName } from '@paved-road/plugin-guidance-common';
import { requestConformanceRefresh } from '../conformanceRefresh';
import { readCommitTree } from './gitTrees';
import { parseGivenValues } from './parameterSchema';
import { GithubRepository, RemoteGit } from './remoteRepository';
import {
  renderThroughDryRun,
  templateDirectoryContents,
} from './renderTemplate';
import { FileTree, TreeMergeResult } from './threeWayMerge';
import {
  findBase,
  findUpgradeTarget,
  mergeRender,
  openRepository,
  readMain,
  upgradeAnswers,
  UpgradeTarget,
} from './upgradeSteps';
import { commitUpgrade, pushUpgrade, upgradeMessage } from './commitUpgrade';

/** What guidance:upgrade works with. */
export type UpgradeDeps = {
  config: Config;
  catalog: CatalogService;
  discovery: DiscoveryService;
  auth: AuthService;
  urlReader: UrlReaderService;
  integrations: ScmIntegrations;
  remoteGit: RemoteGit;
  render: typeof renderThroughDryRun;
  /** For what happens after the task moved on (the conformance refresh's retries). */
  backgroundLogger?: LoggerService;
};

/** The part of the scaffolder's action context the upgrade uses. */
export type UpgradeContext = {
  input: { entityRef: string; values?: Record<string, unknown> | string };
  logger: LoggerService;
  isDryRun?: boolean;
  workspacePath: string;
  createTemporaryDirectory(): Promise<string>;
  getInitiatorCredentials(): Promise<BackstageCredentials>;
  output(name: string, value: unknown): void;
};

/**
 * guidance:upgrade's handler: renders the template's current version with the recorded answers,
 * merges it into main over the render main is on, and (unless a dry run) commits the result.
 */
export async function runUpgrade(deps: UpgradeDeps, ctx: UpgradeContext) {
  const { config, catalog, discovery, auth, urlReader } = deps;
  const credentials = await ctx.getInitiatorCredentials();
  const target = await findUpgradeTarget(
    catalog,
    ctx.input.entityRef,
    credentials,
  );
  const { entityRef, origin, template, toVersion } = target;
  const given = parseGivenValues(ctx.input.values, text => YAML.parse(text));
  const branch = upgradeBranchName(toVersion);
  const { dir, github, token } = await openRepository({
    target,
    branch,
    config,
    integrations: deps.integrations,
    remoteGit: deps.remoteGit,
    createTemporaryDirectory: () => ctx.createTemporaryDirectory(),
  });
  const { mainOid, ours, answers, fromVersion } = await readMain({
    dir,
    branch,
    target,
  });
  const resolved = upgradeAnswers({
    target,
    recorded: answers.values,
    given,
    logger: ctx.logger,
  });
  const { values } = resolved;
  const baseOid = await findBase(dir, origin.template, fromVersion);

  ctx.logger.info(
    `Rendering ${
      origin.template
    } v${toVersion} for ${entityRef} with answers ${Object.keys(values).join(
      ', ',
    )}`,
  );
  const theirs = await deps.render({
    discovery,
    auth,
    credentials,
    template,
    values,
    directoryContents: await templateDirectoryContents(template, urlReader),
  });
  const merge = mergeRender({
    ours,
    base: await readCommitTree(dir, baseOid),
    theirs,
    template: origin.template,
    fromVersion,
    toVersion,
    logger: ctx.logger,
  });
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
  const upgrade = { target, dir, branch, github, token, mainOid, baseOid };
  await writeUpgrade(deps, ctx, {
    ...upgrade,
    fromVersion,
    theirs,
    merge,
    summary,
  });
  outputs();
}

/** Commits the upgrade, pushes it to GitHub when it came from there, and asks for a conformance refresh. */
async function writeUpgrade(
  deps: UpgradeDeps,
  ctx: UpgradeContext,
  upgrade: {
    target: UpgradeTarget;
    dir: string;
    branch: string;
    github?: GithubRepository;
    token?: string;
    mainOid: string;
    baseOid: string;
    fromVersion: number;
    theirs: FileTree;
    merge: TreeMergeResult;
    summary: string;
  },
) {
  const { config, discovery, auth, remoteGit } = deps;
  const { target, dir, branch, github, token, merge } = upgrade;
  const merged = merge.files;
  const commits = await commitUpgrade({
    dir,
    config,
    branch,
    template: target.origin.template,
    fromVersion: upgrade.fromVersion,
    toVersion: target.toVersion,
    mainOid: upgrade.mainOid,
    baseOid: upgrade.baseOid,
    theirs: upgrade.theirs,
    merged,
    summary: upgrade.summary,
  });
  if (github) {
    await pushUpgrade({
      remoteGit,
      github,
      dir,
      token,
      commits,
      merged,
      workspacePath: ctx.workspacePath,
    });
  }
  ctx.logger.info(
    `Created ${branch} (${commits.upgradeCommit.slice(0, 7)}) in ${dir}: ${
      merge.updated.length
    } files updated, ${merge.conflicts.length} conflicts`,
  );
  await requestConformanceRefresh({
    discovery,
    auth,
    logger: ctx.logger,
    backgroundLogger: deps.backgroundLogger,
    entityRef: target.entityRef,
  });
}
