import { promises as fs } from 'fs';
import { relative, resolve, sep } from 'path';
import { minimatch } from 'minimatch';

/**
 * Where a repository's files for the rules live when config does not say
 * (`guidance.conformance.include`): read by the conformance service and by `paved-road check`.
 *
 * @public
 */
export const DEFAULT_CONFORMANCE_INCLUDE: readonly string[] = [
  'deploy/**/*.{yaml,yml}',
  'k8s/**/*.{yaml,yml}',
  'kubernetes/**/*.{yaml,yml}',
  'manifests/**/*.{yaml,yml}',
  // GitOps objects (Argo CD, Flux), Prometheus rule files and PgBouncer, for their rules
  'argocd/**/*.{yaml,yml}',
  'clusters/**/*.{yaml,yml}',
  'flux/**/*.{yaml,yml}',
  'gitops/**/*.{yaml,yml}',
  'monitoring/**/*.{yaml,yml}',
  'prometheus/**/*.{yaml,yml}',
  '**/*.rules.{yaml,yml}',
  '**/pgbouncer.ini',
  'catalog-info.yaml',
  // CI configuration, for the GitHub Actions, CircleCI, Buildkite and Tekton rules
  '.github/workflows/*.{yaml,yml}',
  '.circleci/*.{yaml,yml}',
  '.buildkite/**/*.{yaml,yml}',
  '.tekton/**/*.{yaml,yml}',
  'tekton/**/*.{yaml,yml}',
  // Dockerfiles anywhere in the repository (Dockerfile, Dockerfile.prod, api.dockerfile)
  '**/Dockerfile',
  '**/Dockerfile.*',
  '**/Dockerfile-*',
  '**/*.dockerfile',
  // where a repository names its runtime, for the supported-versions rule
  'go.mod',
  'package.json',
  '.nvmrc',
  '.tool-versions',
];

/**
 * Bounds on what one source may hand the rules: a repository is not a manifest folder.
 *
 * @public
 */
export const CONFORMANCE_SOURCE_LIMITS = {
  /** Files read from one source; the walk stops there. */
  maxFiles: 500,
  /** A larger file is left out. */
  maxFileBytes: 1024 * 1024,
  /**
   * What one source may hold in all (the backend's `guidance.conformance.maxSourceBytes` default):
   * parsed objects take several times the text, so this bounds the memory of one evaluation.
   */
  maxSourceBytes: 16 * 1024 * 1024,
} as const;

/** Folders never walked into. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/**
 * A path test for the include globs; paths are relative to the source root, with `/`.
 *
 * @public
 */
export function createIncludeMatcher(
  include: readonly string[] = DEFAULT_CONFORMANCE_INCLUDE,
): (path: string) => boolean {
  const matchers = include.map(
    glob => (path: string) => minimatch(path, glob, { dot: false }),
  );
  return path => matchers.some(m => m(path));
}

/**
 * A file the walk found: its path relative to the root (with `/`), where it is, and its stat.
 *
 * @public
 */
export type FoundSourceFile = {
  path: string;
  abs: string;
  size: number;
  mtime: number;
};

/**
 * What a walk found, and what it left out.
 *
 * @public
 */
export type SourceFileListing = {
  /** Sorted by path. */
  files: FoundSourceFile[];
  /** Matching files over `maxFileBytes`, left out. */
  tooLarge: { path: string; size: number }[];
  /** True when the walk stopped at `maxFiles`. */
  truncated: boolean;
};

/**
 * Walks a folder for the files the include globs match: never into `.git` or `node_modules`,
 * never along a symlink (it could lead anywhere), at most `maxFiles`, none over `maxFileBytes`.
 * Reads no file's content: the caller checks the byte budget first.
 *
 * @public
 */
export async function findSourceFiles(
  root: string,
  matches: (path: string) => boolean,
): Promise<SourceFileListing> {
  const { maxFiles, maxFileBytes } = CONFORMANCE_SOURCE_LIMITS;
  const files: FoundSourceFile[] = [];
  const tooLarge: { path: string; size: number }[] = [];
  let truncated = false;
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (files.length >= maxFiles) {
        truncated = true;
        return;
      }
      const full = resolve(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(full);
      } else if (entry.isFile()) {
        const path = relative(root, full).split(sep).join('/');
        if (!matches(path)) continue;
        const stat = await fs.stat(full);
        if (stat.size > maxFileBytes) {
          tooLarge.push({ path, size: stat.size });
          continue;
        }
        files.push({ path, abs: full, size: stat.size, mtime: stat.mtimeMs });
      }
      // symlinks are never followed
    }
  };
  await walk(root);
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, tooLarge, truncated };
}
