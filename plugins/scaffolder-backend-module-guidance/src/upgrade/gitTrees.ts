import fs from 'fs-extra';
import git from 'isomorphic-git';
import { FileTree } from './threeWayMerge';

type Author = { name: string; email: string };

/** Every file of a commit's tree, by path. */
export async function readCommitTree(
  dir: string,
  commitOid: string,
): Promise<FileTree> {
  const files: FileTree = new Map();
  await git.walk({
    fs,
    dir,
    trees: [git.TREE({ ref: commitOid })],
    map: async (path, [entry]) => {
      if (!entry || path === '.') return true;
      const type = await entry.type();
      if (type === 'tree') return true;
      if (type !== 'blob') return null; // submodules are not ours to merge
      const mode = await entry.mode();
      files.set(path, {
        content: Buffer.from((await entry.content()) ?? new Uint8Array()),
        executable: mode === 0o100755,
      });
      return true;
    },
  });
  return files;
}

type Node = {
  files: Map<string, { oid: string; executable?: boolean }>;
  dirs: Map<string, Node>;
};

/** Writes the files as blobs and trees; returns the root tree's oid. */
export async function writeFileTree(
  dir: string,
  files: FileTree,
): Promise<string> {
  const root: Node = { files: new Map(), dirs: new Map() };
  for (const [path, file] of files) {
    const parts = path.split('/');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      if (!node.dirs.has(part))
        node.dirs.set(part, { files: new Map(), dirs: new Map() });
      node = node.dirs.get(part)!;
    }
    const oid = await git.writeBlob({ fs, dir, blob: file.content });
    node.files.set(parts[parts.length - 1], {
      oid,
      executable: file.executable,
    });
  }
  const write = async (node: Node): Promise<string> => {
    const tree = [];
    for (const [path, sub] of node.dirs) {
      tree.push({
        mode: '040000',
        path,
        oid: await write(sub),
        type: 'tree' as const,
      });
    }
    for (const [path, file] of node.files) {
      tree.push({
        mode: file.executable ? '100755' : '100644',
        path,
        oid: file.oid,
        type: 'blob' as const,
      });
    }
    return git.writeTree({ fs, dir, tree });
  };
  return write(root);
}

/** The oid a branch points at, or undefined when there is no such branch. */
export async function branchOid(
  dir: string,
  branch: string,
): Promise<string | undefined> {
  try {
    return await git.resolveRef({ fs, dir, ref: `refs/heads/${branch}` });
  } catch (error) {
    if ((error as Error).name === 'NotFoundError') return undefined;
    throw error;
  }
}

/** Points a branch at a commit (creating or moving it). */
export async function moveBranch(dir: string, branch: string, oid: string) {
  await git.writeRef({
    fs,
    dir,
    ref: `refs/heads/${branch}`,
    value: oid,
    force: true,
  });
}

/** Points a lightweight tag at a commit (creating or moving it). */
export async function writeTag(dir: string, tag: string, oid: string) {
  await git.writeRef({
    fs,
    dir,
    ref: `refs/tags/${tag}`,
    value: oid,
    force: true,
  });
}

/** The commit a tag points at, or undefined when there is no such tag. */
export async function tagOid(
  dir: string,
  tag: string,
): Promise<string | undefined> {
  try {
    const oid = await git.resolveRef({ fs, dir, ref: `refs/tags/${tag}` });
    // An annotated tag points at a tag object; follow it to the commit.
    const { oid: commit } = await git
      .readCommit({ fs, dir, oid })
      .catch(async () => {
        const { tag: annotated } = await git.readTag({ fs, dir, oid });
        return { oid: annotated.object };
      });
    return commit;
  } catch (error) {
    if ((error as Error).name === 'NotFoundError') return undefined;
    throw error;
  }
}

/** Commits a tree (onto a branch when one is named) without touching the work tree. */
export async function commitTree(options: {
  dir: string;
  branch?: string;
  tree: string;
  parents: string[];
  message: string;
  author: Author;
}): Promise<string> {
  const oid = await git.writeCommit({
    fs,
    dir: options.dir,
    commit: {
      message: options.message.endsWith('\n')
        ? options.message
        : `${options.message}\n`,
      tree: options.tree,
      parent: options.parents,
      author: {
        ...options.author,
        timestamp: Math.floor(Date.now() / 1000),
        timezoneOffset: 0,
      },
      committer: {
        ...options.author,
        timestamp: Math.floor(Date.now() / 1000),
        timezoneOffset: 0,
      },
    },
  });
  if (options.branch) await moveBranch(options.dir, options.branch, oid);
  return oid;
}
