import fs from 'fs-extra';
import { dirname, isAbsolute, join, relative, resolve } from 'path';
import { InputError } from '@backstage/errors';

/**
 * The repository folder of a `file:` location, refused unless both the folder and its `.git`
 * really (symlinks resolved) lie inside the guidance:publish:local root: the upgrade writes Git objects
 * and refs there.
 */
export async function confinedRepository(
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
