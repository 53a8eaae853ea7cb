import { promises as fs } from 'fs';
import { join } from 'path';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
  locationSpecToLocationEntity,
} from '@backstage/plugin-catalog-node';

const CATALOG_INFO = 'catalog-info.yaml';
/** guidance:publish:local writes `<root>/<name>` or `<root>/<folder…>/<name>`; folders are team and group names, a few levels at most. */
const MAX_DEPTH = 4;
/** A folder of repositories, not a file system to crawl: stop listing after this many. */
const MAX_REPOSITORIES = 2000;

/**
 * Keeps the repositories under one folder in the catalog: every Git repository (a folder
 * with `.git`) at most four levels down whose `catalog-info.yaml` is a regular file becomes
 * a `file` Location. Symlinks are never followed, so nothing outside the folder is read,
 * and the catalog's locations API can stay closed to `file` targets.
 *
 * @public
 */
export class LocalRepositoriesProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private applied?: string;

  constructor(
    private readonly options: { root: string; logger: LoggerService },
  ) {}

  /** `guidance-local-repositories`: the prefix of every location key it writes. */
  getProviderName() {
    return 'guidance-local-repositories';
  }

  /** Called by the catalog at start-up; the provider applies its locations through this connection. */
  async connect(connection: EntityProviderConnection) {
    this.connection = connection;
  }

  /** The catalog-info.yaml of each repository under the root, sorted; none if the root is missing. */
  async discover(): Promise<string[]> {
    let root: string;
    try {
      root = await fs.realpath(this.options.root);
    } catch {
      return [];
    }
    const found: string[] = [];
    const visit = async (dir: string, depth: number): Promise<void> => {
      const entries = await fs.readdir(dir, { withFileTypes: true });
      const names = new Set(entries.map(e => e.name));
      const isRepository = entries.some(
        e => e.name === '.git' && e.isDirectory(),
      );
      if (isRepository) {
        const file = entries.find(e => e.name === CATALOG_INFO);
        if (file?.isFile()) found.push(join(dir, CATALOG_INFO));
        return;
      }
      if (depth >= MAX_DEPTH || !names.size) return;
      for (const entry of entries) {
        if (found.length >= MAX_REPOSITORIES) return;
        // Dirent types come from lstat: a symlinked folder is not a directory here
        if (entry.isDirectory() && !entry.name.startsWith('.')) {
          await visit(join(dir, entry.name), depth + 1).catch(() => {});
        }
      }
    };
    await visit(root, 0);
    return found.sort();
  }

  /**
   * Looks again and replaces the provider's entities when the set of repositories changed.
   * Returns how many repositories there are.
   */
  async refresh(): Promise<number> {
    if (!this.connection) return 0;
    const files = await this.discover();
    const key = files.join('\n');
    if (key === this.applied) return files.length;
    await this.connection.applyMutation({
      type: 'full',
      entities: files.map(target => ({
        entity: locationSpecToLocationEntity({
          location: { type: 'file', target },
        }),
        locationKey: `${this.getProviderName()}:${target}`,
      })),
    });
    this.applied = key;
    this.options.logger.info(
      `Local repositories in the catalog: ${files.length} under ${this.options.root}`,
    );
    return files.length;
  }
}
