import { resolve } from 'path';
import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANSWERS_FILE,
  parseTemplateOrigin,
  TEMPLATE_BRANCH,
  TEMPLATE_ORIGIN_ANNOTATION,
  TEMPLATE_VERSION_ANNOTATION,
} from '@paved-road/plugin-guidance-common';
import { parseAnswers } from '../actions/recordAnswers';
import { branchOid, readCommitTree } from './gitTrees';
import { confinedRepository } from './confinedRepository';
import { ResolvedAnswers, resolveAnswers } from './parameterSchema';
import {
  GithubRepository,
  githubRepositoryOf,
  githubToken,
  RemoteGit,
  trackRemoteBranches,
} from './remoteRepository';
import { findTemplateRender, templateRenderTag } from './templateRenders';
import { FileTree, mergeTrees } from './threeWayMerge';

const DEFAULT_ROOT = './local-repos';

type TemplateOrigin = NonNullable<ReturnType<typeof parseTemplateOrigin>>;

/** The entity to upgrade, the template it came from and the version that template is at now. */
export type UpgradeTarget = {
  entity: Entity;
  entityRef: string;
  origin: TemplateOrigin;
  template: Entity;
  templateRef: string;
  toVersion: number;
};

/** Looks up the entity and its template in the catalog, with the initiator's credentials. */
export async function findUpgradeTarget(
  catalog: CatalogService,
  requestedRef: string,
  credentials: BackstageCredentials,
): Promise<UpgradeTarget> {
  const entity = await catalog.getEntityByRef(requestedRef, { credentials });
  if (!entity) {
    throw new NotFoundError(`No entity ${requestedRef} in the catalog`);
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
  const template = await catalog.getEntityByRef(templateRef, { credentials });
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
  return { entity, entityRef, origin, template, templateRef, toVersion };
}

/** Where the upgrade writes: a guidance:publish:local repository, or a fresh clone of a GitHub one. */
export async function openRepository(options: {
  target: UpgradeTarget;
  branch: string;
  config: Config;
  integrations: ScmIntegrations;
  remoteGit: RemoteGit;
  createTemporaryDirectory: () => Promise<string>;
}): Promise<{ dir: string; github?: GithubRepository; token?: string }> {
  const { target, branch, config, integrations, remoteGit } = options;
  const location = target.entity.metadata.annotations?.[ANNOTATION_LOCATION];
  const parsed = location ? parseLocationRef(location) : undefined;
  const github: GithubRepository | undefined =
    parsed?.type === 'url'
      ? githubRepositoryOf(parsed.target, integrations)
      : undefined;
  if (parsed?.type === 'file') {
    // Only repositories published by guidance:publish:local, really inside its root, are ours to write to.
    const dir = await confinedRepository(
      resolve(
        process.cwd(),
        config.getOptionalString('guidance.publishLocal.root') ?? DEFAULT_ROOT,
      ),
      parsed.target,
    );
    return { dir };
  }
  if (github) {
    const token = await githubToken(integrations, github.cloneUrl);
    const dir = await options.createTemporaryDirectory();
    await remoteGit.clone({ url: github.cloneUrl, dir, token });
    await trackRemoteBranches(dir, ['main', TEMPLATE_BRANCH, branch]);
    return { dir, github, token };
  }
  throw new InputError(
    `${
      target.entityRef
    } lives neither in a local repository nor on GitHub (its location is ${JSON.stringify(
      location ?? null,
    )}); upgrades support guidance:publish:local and GitHub repositories`,
  );
}

/**
 * Main's tree and the answers it records; refuses a repository that already has the upgrade
 * branch, and a template that is not ahead of the version main is on.
 */
export async function readMain(options: {
  dir: string;
  branch: string;
  target: UpgradeTarget;
}) {
  const { dir, branch, target } = options;
  const { origin, toVersion, entityRef, templateRef } = target;
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
  return { mainOid, ours, answers, fromVersion };
}

/** The recorded answers completed with given values and defaults; what was not recorded is logged. */
export function upgradeAnswers(options: {
  target: UpgradeTarget;
  recorded: Record<string, unknown>;
  given: Record<string, unknown>;
  logger: LoggerService;
}): ResolvedAnswers {
  const { target, logger } = options;
  const resolved = resolveAnswers(
    target.template.spec?.parameters,
    options.recorded,
    options.given,
  );
  if (resolved.missing.length > 0) {
    throw new InputError(
      `${target.origin.template} v${
        target.toVersion
      } needs answers that ${ANSWERS_FILE} does not record: ${resolved.missing.join(
        ', ',
      )}. Give them in values (for example "${
        resolved.missing[0]
      }: <value>") and upgrade again`,
    );
  }
  const { values } = resolved;
  if (resolved.given.length > 0) {
    logger.info(
      `Not recorded, taken from values: ${resolved.given.join(', ')}`,
    );
  }
  if (resolved.defaulted.length > 0) {
    logger.warn(
      `Not recorded and not given, so the default is used: ${resolved.defaulted
        .map(key => `${key}=${JSON.stringify(values[key])}`)
        .join(', ')}`,
    );
  }
  if (resolved.secrets.length > 0) {
    logger.info(
      `Secret inputs are never recorded nor replayed: ${resolved.secrets.join(
        ', ',
      )}`,
    );
  }
  return resolved;
}

/** The base of the merge: the pristine render of the version main is on. */
export async function findBase(
  dir: string,
  template: string,
  fromVersion: number,
): Promise<string> {
  const baseOid = await findTemplateRender(dir, fromVersion);
  if (!baseOid) {
    throw new InputError(
      `${dir} has no pristine render of ${template} v${fromVersion} (no tag ${templateRenderTag(
        fromVersion,
      )} and no commit on ${TEMPLATE_BRANCH} whose ${ANSWERS_FILE} says v${fromVersion}), so a three-way merge would have no base`,
    );
  }
  return baseOid;
}

/** Merges the new render into main over the old render, logging what needs a person. */
export function mergeRender(options: {
  ours: FileTree;
  base: FileTree;
  theirs: FileTree;
  template: string;
  fromVersion: number;
  toVersion: number;
  logger: LoggerService;
}) {
  const { template, logger } = options;
  const merge = mergeTrees(options.ours, options.base, options.theirs, {
    ours: 'main',
    base: `${template} v${options.fromVersion}`,
    theirs: `${template} v${options.toVersion}`,
  });
  for (const path of merge.conflicts) logger.warn(`Conflict: ${path}`);
  for (const path of merge.deletedByUser) {
    logger.warn(
      `${path} was deleted on main and changed by the template; left deleted`,
    );
  }
  for (const path of merge.removedByTemplate) {
    logger.warn(
      `${path} was removed by the template and changed on main; kept`,
    );
  }
  return merge;
}
