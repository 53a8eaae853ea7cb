import fs from 'fs-extra';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { TEMPLATE_BRANCH } from '@paved-road/plugin-guidance-common';
import {
  branchOid,
  commitTree,
  moveBranch,
  tagOid,
  writeFileTree,
  writeTag,
} from './gitTrees';
import { GithubRepository, RemoteGit } from './remoteRepository';
import { templateRenderTag } from './templateRenders';
import { FileTree, TreeMergeResult } from './threeWayMerge';

/** The upgrade commit's message, also the action's `summary` output. */
export function upgradeMessage(options: {
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

/** What {@link commitUpgrade} wrote, for {@link pushUpgrade}. */
export type UpgradeCommits = {
  upgradeCommit: string;
  renderTag: string;
  baseTag: string;
  baseTagMissing: boolean;
  templateBranchMoved: boolean;
};

/**
 * Commits the new render (tagged) and the merge on the upgrade branch, whose parents are main
 * and the render.
 */
export async function commitUpgrade(options: {
  dir: string;
  config: Config;
  branch: string;
  template: string;
  fromVersion: number;
  toVersion: number;
  mainOid: string;
  baseOid: string;
  theirs: FileTree;
  merged: FileTree;
  summary: string;
}): Promise<UpgradeCommits> {
  const { dir, config, template, fromVersion, toVersion, baseOid } = options;
  const author = {
    name:
      config.getOptionalString('scaffolder.defaultAuthor.name') ?? 'Scaffolder',
    email:
      config.getOptionalString('scaffolder.defaultAuthor.email') ??
      'scaffolder@backstage.io',
  };
  // The new render is kept under its own tag, and paved-road/template stays on the render
  // main is on: nothing moves before main takes the upgrade, so a retry has the same base.
  const templateCommit = await commitTree({
    dir,
    tree: await writeFileTree(dir, options.theirs),
    parents: [baseOid],
    message: `${template} v${toVersion}: pristine render with the recorded answers (on the v${fromVersion} render ${baseOid.slice(
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
    branch: options.branch,
    tree: await writeFileTree(dir, options.merged),
    parents: [options.mainOid, templateCommit],
    message: options.summary,
    author,
  });
  return {
    upgradeCommit,
    renderTag,
    baseTag,
    baseTagMissing,
    templateBranchMoved,
  };
}

/**
 * The base of the next upgrade lives in the repository itself: pushes the tags and the template
 * branch, and puts the merged files in the workspace for the pull request step
 * (publish:github:pull-request) to propose.
 */
export async function pushUpgrade(options: {
  remoteGit: RemoteGit;
  github: GithubRepository;
  dir: string;
  token?: string;
  commits: UpgradeCommits;
  merged: FileTree;
  workspacePath: string;
}) {
  const { remoteGit, github, dir, token, commits } = options;
  const push = (ref: string) =>
    remoteGit.push({ url: github.cloneUrl, dir, ref, token });
  await push(`refs/tags/${commits.renderTag}`);
  if (commits.baseTagMissing) await push(`refs/tags/${commits.baseTag}`);
  if (commits.templateBranchMoved) {
    await push(`refs/heads/${TEMPLATE_BRANCH}`);
  }
  for (const [path, file] of options.merged) {
    const target = resolveSafeChildPath(options.workspacePath, path);
    await fs.outputFile(target, file.content);
    if (file.executable) await fs.chmod(target, 0o755);
  }
}
