import fs from 'fs-extra';
import { join, relative } from 'path';
import {
  resolvePackagePath,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { createWorkspaceTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './fetchFragment.examples';

/** `<part>` or `<part>/<name>`: lower-case folder names only, so nothing can climb out of the root. */
const FRAGMENT_NAME = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/** Where the fragments bundled with this package live. */
export function defaultFragmentsRoot(): string {
  return resolvePackagePath(
    '@paved-road/plugin-scaffolder-backend-module-guidance',
    'fragments',
  );
}

/**
 * Lists the fragments under a root: every folder up to two levels deep that holds a file of its own.
 *
 * @public
 */
export async function listFragments(root: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string, name: string, depth: number) => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    if (name && entries.some(e => e.isFile())) found.push(name);
    if (depth >= 2) return;
    for (const entry of entries) {
      if (entry.isDirectory() && FRAGMENT_NAME.test(entry.name)) {
        await visit(
          join(dir, entry.name),
          name ? `${name}/${entry.name}` : entry.name,
          depth + 1,
        );
      }
    }
  };
  if (await fs.pathExists(root)) await visit(root, '', 0);
  return found.sort();
}

/**
 * Creates `guidance:fetch:fragment`: renders a fragment bundled with this module into the
 * workspace with the same Nunjucks conventions as `fetch:template`.
 * @public
 */
export function createFetchFragmentAction(options: {
  integrations: ScmIntegrations;
  /** Folder holding the fragments; defaults to the package's `fragments` folder. */
  fragmentsRoot?: string;
  /**
   * The portal's address (`app.baseUrl`), handed to every fragment as `values.portalBaseUrl`
   * unless the template sets it: absolute links (runbooks, rule sections) need it.
   */
  portalBaseUrl?: string;
}) {
  const portalBaseUrl = options.portalBaseUrl?.replace(/\/+$/, '');
  const fragmentsRoot = options.fragmentsRoot ?? defaultFragmentsRoot();
  // The scaffolder's own renderer, so fragments behave exactly like fetch:template content.
  const workspaceTemplate = createWorkspaceTemplateAction({
    integrations: options.integrations,
  });

  return createTemplateAction({
    id: 'guidance:fetch:fragment',
    description:
      'Renders a fragment bundled with the guidance module (Kubernetes manifests, CI, GitOps, secrets, observability, catalog entry) into the workspace, with the Nunjucks conventions of fetch:template.',
    examples,
    supportsDryRun: true,
    schema: {
      input: z =>
        z.object({
          fragment: z
            .string()
            .describe(
              'Name of the fragment: `<part>` or `<part>/<name>`, e.g. `ci/github-actions`',
            ),
          targetPath: z
            .string()
            .optional()
            .describe(
              'Folder in the workspace to write to. Defaults to the workspace root',
            ),
          values: z
            .record(z.any())
            .optional()
            .describe(
              'Values for the fragment, available as `values.*` in Nunjucks',
            ),
          copyWithoutTemplating: z
            .array(z.string())
            .optional()
            .describe(
              'Glob patterns of fragment files copied without rendering (their names are still rendered)',
            ),
          replace: z
            .boolean()
            .optional()
            .describe(
              'Overwrite files that already exist. Defaults to false: existing files are kept',
            ),
        }),
    },
    async handler(ctx) {
      const {
        fragment,
        targetPath = '.',
        values = {},
        replace = false,
      } = ctx.input;
      if (!FRAGMENT_NAME.test(fragment)) {
        throw new InputError(
          `Invalid fragment name "${fragment}": use <part> or <part>/<name> with lower-case letters, digits and dashes`,
        );
      }
      const source = resolveSafeChildPath(fragmentsRoot, fragment);
      const isFolder = await fs
        .stat(source)
        .then(s => s.isDirectory())
        .catch(() => false);
      if (!isFolder) {
        const available = await listFragments(fragmentsRoot);
        throw new InputError(
          `Unknown fragment "${fragment}"; available fragments: ${
            available.join(', ') || 'none'
          }`,
        );
      }
      // Fail early with our own message rather than deep inside the renderer.
      resolveSafeChildPath(ctx.workspacePath, targetPath);

      // workspace:template only reads inside the workspace, so stage the fragment there.
      await fs.ensureDir(ctx.workspacePath);
      const staging = await fs.mkdtemp(
        join(ctx.workspacePath, '.guidance-fragment-'),
      );
      try {
        await fs.copy(source, staging);
        ctx.logger.info(`Rendering fragment ${fragment} into ${targetPath}`);
        await workspaceTemplate.handler({
          ...ctx,
          output: () => {},
          input: {
            sourcePath: relative(ctx.workspacePath, staging),
            targetPath,
            values: portalBaseUrl ? { portalBaseUrl, ...values } : values,
            copyWithoutTemplating: ctx.input.copyWithoutTemplating ?? [],
            replace,
          },
        });
      } finally {
        await fs.remove(staging);
      }
    },
  });
}
