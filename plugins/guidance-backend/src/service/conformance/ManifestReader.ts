import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'path';
import { minimatch } from 'minimatch';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotModifiedError } from '@backstage/errors';
import { ManifestFile } from '@paved-road/plugin-guidance-node';

export const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';
export const MANAGED_BY_LOCATION_ANNOTATION =
  'backstage.io/managed-by-location';

/** DESIGN.md -> Conformance: where manifests live when config does not say. */
export const DEFAULT_INCLUDE = [
  'deploy/**/*.{yaml,yml}',
  'k8s/**/*.{yaml,yml}',
  'kubernetes/**/*.{yaml,yml}',
  'manifests/**/*.{yaml,yml}',
  'catalog-info.yaml',
  // CI configuration, for the workflow rules
  '.github/workflows/*.{yaml,yml}',
  // where a repository names its runtime, for the supported-versions rule
  'Dockerfile',
  'go.mod',
  'package.json',
  '.nvmrc',
  '.tool-versions',
];

/** Bounds on what one source may hand the rules: a repository is not a manifest folder. */
const MAX_FILES = 500;
const MAX_FILE_BYTES = 1024 * 1024;
/**
 * What one source may hold in all, unless `guidance.conformance.maxSourceBytes` says: parsed
 * objects take several times the text, so this bounds the memory of one evaluation.
 */
export const DEFAULT_MAX_SOURCE_BYTES = 16 * 1024 * 1024;

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/** Where an entity's manifests are: a folder on this machine or a URL for UrlReader. */
export type SourceTarget =
  | { type: 'file'; location: string; path: string }
  | { type: 'url'; location: string; url: string };

/** What reading a source gave: the files and an ETag, or "unchanged since that ETag". */
export type SourceRead =
  | { changed: true; etag: string; files: ManifestFile[] }
  | { changed: false; etag: string };

/** A source that cannot be read; the message is shown on the entity as it is. */
export class SourceReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceReadError';
  }
}

/** A source over the byte budget: reported on the entity instead of evaluated. */
export function sourceTooLarge(
  files: number,
  bytes: number,
  limit: number,
): SourceReadError {
  return new SourceReadError(
    `too large: ${files} files, ${mib(bytes)}; conformance reads at most ${mib(
      limit,
    )} per source (guidance.conformance.maxSourceBytes)`,
  );
}

function splitLocation(value: string): { type: string; target: string } {
  const colon = value.indexOf(':');
  if (colon <= 0) throw new SourceReadError(`invalid location "${value}"`);
  return { type: value.slice(0, colon), target: value.slice(colon + 1) };
}

/**
 * The entity's source: `backstage.io/source-location`, else the folder of its
 * `backstage.io/managed-by-location`. A relative `file:` path is read from the folder
 * of the entity's own (file) catalog location, else the backend's working directory.
 * Returns undefined for an entity that names neither.
 */
export function sourceTargetOf(entity: Entity): SourceTarget | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const managedBy = annotations[MANAGED_BY_LOCATION_ANNOTATION];
  const source = annotations[SOURCE_LOCATION_ANNOTATION];
  const value = source ?? managedBy;
  if (!value) return undefined;
  const { type, target } = splitLocation(value);
  if (type === 'url') {
    // a managed-by location is the catalog file; the source is its folder
    const url = source ? target : new URL('./', target).toString();
    return { type: 'url', location: value, url };
  }
  if (type === 'file') {
    let path: string;
    if (isAbsolute(target)) path = target;
    else {
      const base =
        managedBy && managedBy.startsWith('file:')
          ? dirname(managedBy.slice('file:'.length))
          : process.cwd();
      path = resolve(base, target);
    }
    if (!source) path = dirname(path);
    return { type: 'file', location: value, path };
  }
  throw new SourceReadError(`unsupported location type "${type}" in ${value}`);
}

const isInside = (root: string, path: string) =>
  path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * Reads manifests for the conformance service: `url:` locations through UrlReader,
 * `file:` locations only inside the configured local roots (after resolving symlinks),
 * never following a symlink while walking.
 */
export class ManifestReader {
  private readonly matchers: ((path: string) => boolean)[];
  private readonly maxSourceBytes: number;

  constructor(
    private readonly options: {
      urlReader: UrlReaderService;
      localRoots: string[];
      include?: string[];
      maxSourceBytes?: number;
    },
  ) {
    this.maxSourceBytes = options.maxSourceBytes ?? DEFAULT_MAX_SOURCE_BYTES;
    this.matchers = (options.include ?? DEFAULT_INCLUDE).map(glob => {
      return (path: string) => minimatch(path, glob, { dot: false });
    });
  }

  matches(path: string) {
    return this.matchers.some(m => m(path));
  }

  async read(target: SourceTarget, etag?: string): Promise<SourceRead> {
    return target.type === 'file'
      ? this.readLocal(target.path, etag)
      : this.readUrl(target.url, etag);
  }

  private async readUrl(url: string, etag?: string): Promise<SourceRead> {
    try {
      const tree = await this.options.urlReader.readTree(url, {
        etag,
        filter: (path, info) =>
          this.matches(path) && (info?.size ?? 0) <= MAX_FILE_BYTES,
      });
      const entries = (await tree.files()).slice(0, MAX_FILES);
      const files: ManifestFile[] = [];
      let bytes = 0;
      // one file at a time, and none past the budget
      for (const file of entries) {
        const content = await file.content();
        bytes += content.length;
        if (bytes > this.maxSourceBytes) {
          throw sourceTooLarge(entries.length, bytes, this.maxSourceBytes);
        }
        files.push({ path: file.path, content: content.toString('utf8') });
      }
      return { changed: true, etag: tree.etag, files };
    } catch (error) {
      if ((error as Error)?.name === NotModifiedError.name && etag) {
        return { changed: false, etag };
      }
      if (error instanceof SourceReadError) throw error;
      throw new SourceReadError(
        `could not read source: ${(error as Error)?.message ?? error}`,
      );
    }
  }

  /** Resolved on every read: a root may not exist yet when the backend starts (publish:local makes it). */
  private async allowedRoots() {
    const roots = await Promise.all(
      this.options.localRoots.map(root =>
        fs.realpath(resolve(root)).catch(() => undefined),
      ),
    );
    return roots.filter((r): r is string => Boolean(r));
  }

  private async readLocal(path: string, etag?: string): Promise<SourceRead> {
    const roots = await this.allowedRoots();
    // refuse before touching the path: nothing outside the roots is even stat'ed
    const abs = resolve(path);
    const lexicalRoots = this.options.localRoots.map(root => resolve(root));
    if (![...lexicalRoots, ...roots].some(root => isInside(root, abs))) {
      throw new SourceReadError(
        `refused: ${path} is outside guidance.conformance.localRoots`,
      );
    }
    let real: string;
    try {
      real = await fs.realpath(path);
    } catch (error) {
      throw new SourceReadError(
        `could not read source: ${(error as Error).message}`,
      );
    }
    if (!roots.some(root => isInside(root, real))) {
      throw new SourceReadError(
        `refused: ${path} is outside guidance.conformance.localRoots`,
      );
    }

    const found: { path: string; abs: string; size: number; mtime: number }[] =
      [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await fs.readdir(dir, { withFileTypes: true });
      for (const entry of entries) {
        if (found.length >= MAX_FILES) return;
        const full = resolve(dir, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name)) await walk(full);
        } else if (entry.isFile()) {
          const rel = relative(real, full).split(sep).join('/');
          if (!this.matches(rel)) continue;
          const stat = await fs.stat(full);
          if (stat.size > MAX_FILE_BYTES) continue;
          found.push({
            path: rel,
            abs: full,
            size: stat.size,
            mtime: stat.mtimeMs,
          });
        }
        // symlinks are never followed: they could lead out of the roots
      }
    };
    try {
      await walk(real);
    } catch (error) {
      throw new SourceReadError(
        `could not read source: ${(error as Error).message}`,
      );
    }
    found.sort((a, b) => a.path.localeCompare(b.path));
    const hash = createHash('sha256');
    for (const f of found) hash.update(`${f.path}\0${f.size}\0${f.mtime}\n`);
    const newEtag = `"${hash.digest('base64url')}"`;
    if (etag && etag === newEtag) return { changed: false, etag };
    // sizes are known before anything is read: an oversized source costs a directory walk
    const bytes = found.reduce((sum, f) => sum + f.size, 0);
    if (bytes > this.maxSourceBytes) {
      throw sourceTooLarge(found.length, bytes, this.maxSourceBytes);
    }
    const files: ManifestFile[] = [];
    for (const f of found) {
      files.push({ path: f.path, content: await fs.readFile(f.abs, 'utf8') });
    }
    return { changed: true, etag: newEtag, files };
  }
}
