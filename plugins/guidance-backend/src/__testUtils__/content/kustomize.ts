import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, normalize, posix } from 'path';
import { parse } from 'yaml';
import { CodeBlock, isYaml } from './codeBlocks';

/** A kustomization an article shows, with the article's other named files. */
export type KustomizationExample = {
  where: string;
  /** Folder of the kustomization inside the article's virtual tree. */
  dir: string;
  /** Every file the article names with a `# path` comment, by normalised path. */
  files: Map<string, string>;
};

const KUSTOMIZATION_FILE = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

/** Local paths a kustomization reads (remote URLs are not followed). */
function localReferences(k: Record<string, any>): string[] {
  const list = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  const refs = [
    ...list(k.resources),
    ...list(k.components),
    ...list(k.bases),
    ...list(k.patchesStrategicMerge),
    ...(Array.isArray(k.patches) ? k.patches.map((p: any) => p?.path) : []),
    ...[...(k.configMapGenerator ?? []), ...(k.secretGenerator ?? [])].flatMap(
      (g: any) =>
        [...list(g?.files), ...list(g?.envs)].map(f => f.split('=').pop()!),
    ),
  ];
  return refs.filter(
    (r): r is string =>
      typeof r === 'string' && !/^[a-z]+:\/\/|^github\.com\//.test(r),
  );
}

/**
 * The kustomizations of an article whose files are all in the article: each is a YAML
 * block named `.../kustomization.yaml` whose resources, patches and generator files
 * (and, for a folder, that folder's kustomization) are other named blocks.
 */
export function findKustomizations(
  blocks: CodeBlock[],
  article: string,
): { complete: KustomizationExample[]; incomplete: string[] } {
  const files = new Map<string, string>();
  for (const b of blocks.filter(isYaml)) {
    if (b.path) files.set(posix.normalize(b.path.replace(/^\/+/, '')), b.code);
  }
  const complete: KustomizationExample[] = [];
  const incomplete: string[] = [];
  const resolvable = (dir: string, seen: Set<string>): boolean => {
    const file = ['kustomization.yaml', 'kustomization.yml', 'Kustomization']
      .map(n => posix.join(dir, n))
      .find(p => files.has(p));
    if (!file || seen.has(file)) return false;
    seen.add(file);
    let k: unknown;
    try {
      k = parse(files.get(file)!);
    } catch {
      return false;
    }
    if (typeof k !== 'object' || k === null) return false;
    return localReferences(k as Record<string, any>).every(ref => {
      const target = posix.normalize(posix.join(dir, ref));
      return files.has(target) || resolvable(target, seen);
    });
  };
  for (const b of blocks.filter(isYaml)) {
    if (!b.path || !KUSTOMIZATION_FILE.test(b.path)) continue;
    const dir = posix.dirname(posix.normalize(b.path.replace(/^\/+/, '')));
    const where = `${article} line ${b.line} (${b.path})`;
    if (resolvable(dir, new Set())) complete.push({ where, dir, files });
    else incomplete.push(where);
  }
  return { complete, incomplete };
}

/** `kubectl kustomize`: undefined when it builds, else kustomize's complaint. */
export function buildKustomization(
  example: KustomizationExample,
): string | undefined {
  const root = mkdtempSync(join(tmpdir(), 'kustomize-'));
  try {
    for (const [path, content] of example.files) {
      const target = join(root, normalize(path));
      if (!target.startsWith(root)) continue;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    const result = spawnSync(
      'kubectl',
      ['kustomize', join(root, example.dir)],
      {
        encoding: 'utf8',
      },
    );
    if (result.error) throw result.error;
    return result.status === 0
      ? undefined
      : `${example.where}: kubectl kustomize: ${result.stderr
          .trim()
          .split('\n')
          .slice(-4)
          .join(' | ')}`;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * kubectl with a built-in kustomize of v4 or later (kubectl 1.21+); Debian 12's own
 * kubernetes-client 1.20 carries kustomize v2, which lacks fields the articles use.
 */
export function requireKustomize(versionOutput: string): string {
  const version = /Kustomize Version:\s*v?(\d+)\.\d+\.\d+/.exec(versionOutput);
  if (!version || Number(version[1]) < 4) {
    throw new Error(
      `kubectl kustomize must be kustomize v4 or later (kubectl 1.21+); kubectl reports: ${
        versionOutput.trim().split('\n').join(' | ') || 'nothing'
      }`,
    );
  }
  return version[0];
}
