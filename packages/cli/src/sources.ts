import { promises as fs } from 'fs';
import { isAbsolute, join, relative, resolve, sep } from 'path';
import { parseAllDocuments } from 'yaml';
import {
  WaiverParse,
  WaiverSource,
  readWaivers,
} from '@paved-road/plugin-guidance-common';
import {
  CONFORMANCE_SOURCE_LIMITS,
  ManifestFile,
  createIncludeMatcher,
  findSourceFiles,
} from '@paved-road/plugin-guidance-node';
import { UsageError } from './errors';

/** The entity file whose annotations carry the waivers, as the catalog reads it. */
export const ENTITY_FILE = 'catalog-info.yaml';

/** One repository (or folder of one) to check, with the waivers its entity declares. */
export type CheckSource = {
  /** The folder as the user named it. */
  label: string;
  /** Paths relative to the working directory, with `/`: what reports and SARIF name. */
  files: ManifestFile[];
  waivers: WaiverParse;
  /** The entity file the waivers came from, relative to the working directory. */
  entityFile?: string;
  /** Things left out or ignored, said on stderr. */
  warnings: string[];
};

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
const toPosix = (path: string) => path.split(sep).join('/');

/** `./catalog-info.yaml` of a path relative to the working directory, `/`-separated. */
function displayPath(cwd: string, abs: string) {
  const rel = toPosix(relative(cwd, abs));
  return rel === '' ? '.' : rel;
}

/** Every waiver of every entity in the file; the first entity to waive a rule wins. */
function waiversOf(content: string): { parsed: WaiverParse; error?: string } {
  const parsed: WaiverParse = { waivers: new Map(), invalid: new Map() };
  for (const doc of parseAllDocuments(content)) {
    if (doc.errors.length > 0) {
      return { parsed, error: doc.errors[0].message.split('\n')[0] };
    }
    const entity = doc.toJS() as WaiverSource | null;
    if (!entity || typeof entity !== 'object') continue;
    const { waivers, invalid } = readWaivers(entity);
    for (const [rule, waiver] of waivers) {
      if (!parsed.waivers.has(rule)) parsed.waivers.set(rule, waiver);
    }
    for (const [rule, note] of invalid) {
      if (!parsed.invalid.has(rule)) parsed.invalid.set(rule, note);
    }
  }
  return { parsed };
}

async function readEntityWaivers(
  root: string,
  cwd: string,
): Promise<Pick<CheckSource, 'waivers' | 'entityFile' | 'warnings'>> {
  const abs = join(root, ENTITY_FILE);
  let content: string;
  try {
    content = await fs.readFile(abs, 'utf8');
  } catch {
    return {
      waivers: { waivers: new Map(), invalid: new Map() },
      warnings: [],
    };
  }
  const entityFile = displayPath(cwd, abs);
  const { parsed, error } = waiversOf(content);
  return {
    waivers: parsed,
    entityFile,
    warnings: error
      ? [`${entityFile} does not parse (${error}): no waivers applied`]
      : [],
  };
}

function tooLarge(label: string, files: number, bytes: number): UsageError {
  return new UsageError(
    `${label} is too large: ${files} files, ${mib(
      bytes,
    )}; a check reads at most ${mib(
      CONFORMANCE_SOURCE_LIMITS.maxSourceBytes,
    )} per source, as the portal does`,
  );
}

/**
 * A folder, read as the conformance service reads a repository: the include globs relative to
 * the folder, at most 500 files, none over 1 MiB, 16 MiB in all; waivers from its catalog-info.yaml.
 */
export async function readFolderSource(
  folder: string,
  cwd: string,
  include?: readonly string[],
): Promise<CheckSource> {
  const root = resolve(cwd, folder);
  const label = displayPath(cwd, root);
  const listing = await findSourceFiles(root, createIncludeMatcher(include));
  const warnings = [
    ...listing.tooLarge.map(
      f =>
        `${displayPath(cwd, join(root, f.path))} left out: ${mib(
          f.size,
        )}, over the ${mib(CONFORMANCE_SOURCE_LIMITS.maxFileBytes)} a file`,
    ),
    ...(listing.truncated
      ? [
          `${label}: stopped at ${CONFORMANCE_SOURCE_LIMITS.maxFiles} files, as the portal does; the rest were not checked`,
        ]
      : []),
  ];
  const bytes = listing.files.reduce((sum, f) => sum + f.size, 0);
  if (bytes > CONFORMANCE_SOURCE_LIMITS.maxSourceBytes) {
    throw tooLarge(label, listing.files.length, bytes);
  }
  const files: ManifestFile[] = [];
  for (const f of listing.files) {
    files.push({
      path: displayPath(cwd, f.abs),
      content: await fs.readFile(f.abs, 'utf8'),
    });
  }
  const entity = await readEntityWaivers(root, cwd);
  if (files.length === 0) {
    warnings.push(
      `${label}: no file matches the include globs (deploy/, k8s/, kubernetes/, manifests/, catalog-info.yaml, …)`,
    );
  }
  return {
    label,
    files,
    ...entity,
    warnings: [...warnings, ...entity.warnings],
  };
}

/** Files named one by one: checked whatever their names, with the working directory's waivers. */
export async function readFileSource(
  paths: string[],
  cwd: string,
): Promise<CheckSource> {
  const files: ManifestFile[] = [];
  let bytes = 0;
  for (const path of paths) {
    const abs = resolve(cwd, path);
    const shown = displayPath(cwd, abs);
    if (shown.startsWith('../') || isAbsolute(shown)) {
      throw new UsageError(
        `${path} is outside the working directory: run paved-road check from the repository root`,
      );
    }
    const stat = await fs.stat(abs);
    if (stat.size > CONFORMANCE_SOURCE_LIMITS.maxFileBytes) {
      throw new UsageError(
        `${path} is ${mib(stat.size)}: a check reads files of at most ${mib(
          CONFORMANCE_SOURCE_LIMITS.maxFileBytes,
        )}`,
      );
    }
    bytes += stat.size;
    if (bytes > CONFORMANCE_SOURCE_LIMITS.maxSourceBytes) {
      throw tooLarge('the files named', files.length + 1, bytes);
    }
    if (!files.some(f => f.path === shown)) {
      files.push({ path: shown, content: await fs.readFile(abs, 'utf8') });
    }
  }
  if (files.length > CONFORMANCE_SOURCE_LIMITS.maxFiles) {
    throw new UsageError(
      `${files.length} files named: a check reads at most ${CONFORMANCE_SOURCE_LIMITS.maxFiles}`,
    );
  }
  return {
    label: 'the files named',
    files,
    ...(await readEntityWaivers(cwd, cwd)),
  };
}

/**
 * The sources the arguments name: each folder is one, the files together are one.
 * A path that does not exist is bad input.
 */
export async function readSources(
  paths: string[],
  cwd: string,
): Promise<CheckSource[]> {
  const folders: string[] = [];
  const files: string[] = [];
  for (const path of paths.length > 0 ? paths : ['.']) {
    let stat;
    try {
      stat = await fs.stat(resolve(cwd, path));
    } catch {
      throw new UsageError(`${path}: no such file or folder`);
    }
    if (stat.isDirectory()) folders.push(path);
    else if (stat.isFile()) files.push(path);
    else throw new UsageError(`${path} is neither a file nor a folder`);
  }
  const sources: CheckSource[] = [];
  for (const folder of folders)
    sources.push(await readFolderSource(folder, cwd));
  if (files.length > 0) sources.push(await readFileSource(files, cwd));
  return sources;
}
