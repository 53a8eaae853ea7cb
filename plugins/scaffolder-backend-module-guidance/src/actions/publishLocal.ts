import fs from 'fs-extra';
import git from 'isomorphic-git';
import { isAbsolute, join, resolve, sep } from 'path';
import { pathToFileURL } from 'url';
import { parseAllDocuments } from 'yaml';
import {
  BackstageCredentials,
  AuthService,
  DiscoveryService,
  LoggerService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ANSWERS_FILE,
  TEMPLATE_BRANCH,
} from '@paved-road/plugin-guidance-common';
import { examples } from './publishLocal.examples';
import { parseAnswers } from './recordAnswers';
import { templateRenderTag } from '../upgrade/templateRenders';
import { requestConformanceRefresh } from '../conformanceRefresh';

/** A single folder name: no separators, nothing hidden, nothing that climbs. */
const REPO_NAME = /^[a-z0-9][a-z0-9._-]*$/;
const DEFAULT_ROOT = './local-repos';
const CATALOG_INFO = 'catalog-info.yaml';
/** The catalog module looks every 5 s and then processes the location: well inside this. */
const DEFAULT_WAIT_MS = 30_000;
const MANAGED_BY = 'backstage.io/managed-by-location';

/**
 * Where the repository goes: `folder` (optional) and `name` inside the configured root,
 * refused when `..`, an absolute path or a symlink would lead out of it.
 */
function confinedTarget(
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

type EntityId = { kind: string; namespace?: string; name: string };

async function readEntity(
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
async function waitForCatalog(options: {
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
  const { config, catalog, discovery, auth } = options;

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
      const name = ctx.input.name ?? entity?.name;
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
      const { root, target } = confinedTarget(
        resolve(
          process.cwd(),
          config.getOptionalString('guidance.publishLocal.root') ??
            DEFAULT_ROOT,
        ),
        ctx.input.root,
        name,
      );
      const entityRef = entity
        ? stringifyEntityRef({
            kind: entity.kind,
            namespace: entity.namespace,
            name: entity.name,
          })
        : undefined;
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

      try {
        const ownGitFolder = join(ctx.workspacePath, '.git');
        await fs.copy(ctx.workspacePath, target, {
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
            ctx.input.gitCommitMessage ??
            config.getOptionalString('scaffolder.defaultCommitMessage') ??
            'Initial commit',
          author,
          committer: author,
        });
        // The pristine render, kept as the base of later template upgrades.
        await git.branch({
          fs,
          dir: target,
          ref: TEMPLATE_BRANCH,
          object: oid,
        });
        // ... and under its version's tag, which upgrades find it by.
        const answersFile = join(target, ANSWERS_FILE);
        if (await fs.pathExists(answersFile)) {
          const { version } = parseAnswers(
            await fs.readFile(answersFile, 'utf8'),
          );
          await git.tag({
            fs,
            dir: target,
            ref: templateRenderTag(version),
            object: oid,
          });
        }
        ctx.logger.info(
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

      if (register && entityRef) {
        await waitForCatalog({
          catalog,
          entityRef,
          catalogInfo: await fs.realpath(join(target, CATALOG_INFO)),
          credentials: await ctx.getInitiatorCredentials(),
          logger: ctx.logger,
          waitMs: options.waitMs ?? DEFAULT_WAIT_MS,
          pollMs: options.pollMs ?? 1000,
        });
        if (discovery && auth) {
          await requestConformanceRefresh({
            discovery,
            auth,
            logger: ctx.logger,
            backgroundLogger: options.logger,
            entityRef,
          });
        }
      } else if (register) {
        ctx.logger.warn(
          `Nothing for the catalog: there is no entity in ${CATALOG_INFO}`,
        );
      }
      outputs();
    },
  });
}
