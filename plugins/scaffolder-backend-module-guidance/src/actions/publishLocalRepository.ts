import fs from 'fs-extra';
import git from 'isomorphic-git';
import { isAbsolute, join, resolve, sep } from 'path';
import { parseAllDocuments } from 'yaml';
import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
  LoggerService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANSWERS_FILE,
  TEMPLATE_BRANCH,
} from '@paved-road/plugin-guidance-common';
import { parseAnswers } from './recordAnswers';
import { templateRenderTag } from '../upgrade/templateRenders';
import { requestConformanceRefresh } from '../conformanceRefresh';

/** A single folder name: no separators, nothing hidden, nothing that climbs. */
const REPO_NAME = /^[a-z0-9][a-z0-9._-]*$/;
const DEFAULT_ROOT = './local-repos';
export const CATALOG_INFO = 'catalog-info.yaml';
/** The catalog module looks every 5 s and then processes the location: well inside this. */
export const DEFAULT_WAIT_MS = 30_000;
const MANAGED_BY = 'backstage.io/managed-by-location';

/**
 * Where the repository goes: `folder` (optional) and `name` inside the configured root,
 * refused when `..`, an absolute path or a symlink would lead out of it.
 */
export function confinedTarget(
  configuredRoot: string,
  folder: string | undefined,
  name: string,
) {
  const outside = () =>
    new InputError(
      `guidance:publish:local only writes inside guidance.publishLocal.root (${configuredRoot}); ${
        folder === undefined ? `"${name}"` : `root "${folder}"`
      } leads outside it`,
    );
  if (folder !== undefined && isAbsolute(folder)) {
    throw new InputError(
      `guidance:publish:local root must be a relative folder inside guidance.publishLocal.root (${configuredRoot}), got the absolute path "${folder}"`,
    );
  }
  // resolveSafeChildPath resolves symlinks as far as the path exists, so a link out is refused too.
  try {
    const root = resolveSafeChildPath(configuredRoot, folder ?? '.');
    return { root, target: resolveSafeChildPath(root, name) };
  } catch {
    throw outside();
  }
}

export type EntityId = { kind: string; namespace?: string; name: string };

export async function readEntity(
  workspacePath: string,
): Promise<EntityId | undefined> {
  const file = join(workspacePath, CATALOG_INFO);
  if (!(await fs.pathExists(file))) return undefined;
  for (const doc of parseAllDocuments(await fs.readFile(file, 'utf8'))) {
    if (doc.errors.length > 0) continue;
    const value = doc.toJS();
    if (
      typeof value?.kind === 'string' &&
      typeof value?.metadata?.name === 'string'
    ) {
      return {
        kind: value.kind,
        namespace: value.metadata.namespace,
        name: value.metadata.name,
      };
    }
  }
  return undefined;
}

/**
 * The catalog learns of the repository from @paved-road/plugin-catalog-backend-module-guidance,
 * which lists the repositories under the root (the locations API stays closed to `file`).
 * Waits until the entity shows, read from this repository; an entity of the same name read
 * from elsewhere is another team's and fails the step with its location.
 */
export async function waitForCatalog(options: {
  catalog: CatalogService;
  entityRef: string;
  catalogInfo: string;
  credentials: BackstageCredentials;
  logger: LoggerService;
  waitMs: number;
  pollMs: number;
}) {
  const { catalog, entityRef, catalogInfo, credentials, logger } = options;
  const ours = `file:${catalogInfo}`;
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    const location = entity?.metadata.annotations?.[MANAGED_BY];
    if (entity && location === ours) {
      logger.info(`${entityRef} is in the catalog, read from ${catalogInfo}`);
      return;
    }
    if (entity) {
      throw new ConflictError(
        `${entityRef} already exists in the catalog, read from ${location}; the new repository is kept, but its ${CATALOG_INFO} cannot register under the same name: rename the entity`,
      );
    }
    if (Date.now() >= deadline) break;
    await new Promise(r => setTimeout(r, options.pollMs));
  }
  logger.warn(
    `${entityRef} is not in the catalog after ${Math.round(
      options.waitMs / 1000,
    )} s: the catalog finds repositories under guidance.publishLocal.root only with @paved-road/plugin-catalog-backend-module-guidance installed`,
  );
}

/** The repository's folder name: the one given, else the entity's; InputError if it is no single safe folder name. */
export function repositoryName(
  given: string | undefined,
  entity: EntityId | undefined,
): string {
  const name = given ?? entity?.name;
  if (!name) {
    throw new InputError(
      `No repository name given and no entity name in ${CATALOG_INFO} to use instead`,
    );
  }
  if (!REPO_NAME.test(name) || name.length > 100) {
    throw new InputError(
      `Invalid repository name "${name}": use lower-case letters, digits, ".", "_" and "-", starting with a letter or digit`,
    );
  }
  return name;
}

/** Creates the repository's folder; ConflictError if it exists, even when created meanwhile. */
export async function createRepositoryFolder(root: string, target: string) {
  const exists = () =>
    new ConflictError(
      `${target} already exists; choose another name or remove that folder first`,
    );
  if (await fs.pathExists(target)) throw exists();
  await fs.ensureDir(root);
  try {
    // mkdir without recursive fails if someone else created it meanwhile
    await fs.mkdir(target);
  } catch (error) {
    if (error.code === 'EEXIST') throw exists();
    throw error;
  }
}

/**
 * Copies the workspace (without its own .git) into the new folder and commits it on main,
 * also as the pristine render of its template version; removes the folder if that fails.
 */
export async function commitWorkspace(options: {
  workspacePath: string;
  target: string;
  config: Config;
  message?: string;
  logger: LoggerService;
}) {
  const { workspacePath, target, config } = options;
  try {
    const ownGitFolder = join(workspacePath, '.git');
    await fs.copy(workspacePath, target, {
      filter: src =>
        src !== ownGitFolder && !src.startsWith(`${ownGitFolder}${sep}`),
    });
    await git.init({ fs, dir: target, defaultBranch: 'main' });
    await git.add({ fs, dir: target, filepath: '.' });
    const author = {
      name:
        config.getOptionalString('scaffolder.defaultAuthor.name') ??
        'Scaffolder',
      email:
        config.getOptionalString('scaffolder.defaultAuthor.email') ??
        'scaffolder@backstage.io',
    };
    const oid = await git.commit({
      fs,
      dir: target,
      message:
        options.message ??
        config.getOptionalString('scaffolder.defaultCommitMessage') ??
        'Initial commit',
      author,
      committer: author,
    });
    // The pristine render, kept as the base of later template upgrades.
    await git.branch({ fs, dir: target, ref: TEMPLATE_BRANCH, object: oid });
    // ... and under its version's tag, which upgrades find it by.
    const answersFile = join(target, ANSWERS_FILE);
    if (await fs.pathExists(answersFile)) {
      const { version } = parseAnswers(await fs.readFile(answersFile, 'utf8'));
      await git.tag({
        fs,
        dir: target,
        ref: templateRenderTag(version),
        object: oid,
      });
    }
    options.logger.info(
      `Published the workspace to ${target} (commit ${oid.slice(
        0,
        7,
      )} on main)`,
    );
  } catch (error) {
    // We created the folder, so a half-written repository is ours to clean up.
    await fs.remove(target);
    throw error;
  }
}

/**
 * Waits for the catalog to show the published entity, then asks for its conformance at once
 * (with discovery and auth); without an entity there is nothing to wait for.
 */
export async function registerPublished(options: {
  catalog: CatalogService;
  entityRef?: string;
  target: string;
  credentials: BackstageCredentials;
  logger: LoggerService;
  waitMs?: number;
  pollMs?: number;
  discovery?: DiscoveryService;
  auth?: AuthService;
  backgroundLogger?: LoggerService;
}) {
  const { entityRef, logger, discovery, auth } = options;
  if (!entityRef) {
    logger.warn(
      `Nothing for the catalog: there is no entity in ${CATALOG_INFO}`,
    );
    return;
  }
  await waitForCatalog({
    catalog: options.catalog,
    entityRef,
    catalogInfo: await fs.realpath(join(options.target, CATALOG_INFO)),
    credentials: options.credentials,
    logger,
    waitMs: options.waitMs ?? DEFAULT_WAIT_MS,
    pollMs: options.pollMs ?? 1000,
  });
  if (discovery && auth) {
    await requestConformanceRefresh({
      discovery,
      auth,
      logger,
      backgroundLogger: options.backgroundLogger,
      entityRef,
    });
  }
}

/** `guidance.publishLocal.root`, absolute (relative to the working directory). */
export function localReposRoot(config: Config): string {
  return resolve(
    process.cwd(),
    config.getOptionalString('guidance.publishLocal.root') ?? DEFAULT_ROOT,
  );
}
