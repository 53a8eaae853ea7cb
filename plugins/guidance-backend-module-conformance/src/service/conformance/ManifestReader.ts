import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import { dirname, isAbsolute, resolve, sep } from 'path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotModifiedError } from '@backstage/errors';
import {
  CONFORMANCE_SOURCE_LIMITS,
  DEFAULT_CONFORMANCE_INCLUDE,
  ManifestFile,
  createIncludeMatcher,
  findSourceFiles,
  type FoundSourceFile,
} from '@paved-road/plugin-guidance-node';

export const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';
export const MANAGED_BY_LOCATION_ANNOTATION =
  'backstage.io/managed-by-location';

const MAX_FILES = CONFORMANCE_SOURCE_LIMITS.maxFiles;
const MAX_FILE_BYTES = CONFORMANCE_SOURCE_LIMITS.maxFileBytes;
/** What one source may hold in all, unless `guidance.conformance.maxSourceBytes` says. */
export const DEFAULT_MAX_SOURCE_BYTES =
  CONFORMANCE_SOURCE_LIMITS.maxSourceBytes;

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

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
  readonly matches: (path: string) => boolean;
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
    this.matches = createIncludeMatcher(
      options.include ?? DEFAULT_CONFORMANCE_INCLUDE,
    );
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

  /** Resolved on every read: a root may not exist yet when the backend starts (guidance:publish:local makes it). */
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

    let found: FoundSourceFile[];
    try {
      found = (await findSourceFiles(real, this.matches)).files;
    } catch (error) {
      throw new SourceReadError(
        `could not read source: ${(error as Error).message}`,
      );
    }
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
