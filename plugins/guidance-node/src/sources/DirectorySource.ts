import { promises as fs, watch as watchFs, FSWatcher } from 'fs';
import { join, relative, sep } from 'path';
import { ArticleFile, ArticleSource, isArticleFile } from './ArticleSource';

/**
 * Articles from a folder on disk; `watch` follows changes with fs.watch. Used by the guidance
 * backend for `type: directory` sources and by modules that ship a folder of articles.
 * @public
 */
export class DirectorySource implements ArticleSource {
  /** Names the source in log lines, e.g. `directory ./docs/guidance`. */
  readonly name: string;

  /**
   * @param name - names the source in log lines
   * @param root - the folder; every `.md` file below it outside hidden folders is an article
   */
  constructor(name: string, private readonly root: string) {
    this.name = name;
  }

  /** Reads every article file below the folder, sorted by path. */
  async read(): Promise<ArticleFile[]> {
    const entries = await fs.readdir(this.root, {
      recursive: true,
      withFileTypes: true,
    });
    const paths = entries
      .filter(entry => entry.isFile())
      .map(entry => join(entry.parentPath ?? (entry as any).path, entry.name))
      .map(full => ({
        full,
        path: relative(this.root, full).split(sep).join('/'),
      }))
      .filter(({ path }) => isArticleFile(path));
    const files: ArticleFile[] = [];
    // Read in batches: concurrent enough to be quick, bounded so a big library can't exhaust file handles.
    for (let i = 0; i < paths.length; i += 64) {
      const batch = paths.slice(i, i + 64);
      const contents = await Promise.all(
        batch.map(p => fs.readFile(p.full, 'utf8')),
      );
      batch.forEach((p, n) =>
        files.push({ path: p.path, content: contents[n] }),
      );
    }
    return files.sort((a, b) => a.path.localeCompare(b.path));
  }

  /** Calls `onChange` after files below the folder change; returns a function that stops watching. */
  watch(onChange: () => void): () => void {
    let watcher: FSWatcher | undefined;
    let timer: NodeJS.Timeout | undefined;
    // Editors write a file in several steps: wait for them to settle before reloading.
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, 250);
    };
    const start = () => {
      try {
        watcher = watchFs(this.root, { recursive: true }, changed);
        watcher.on('error', () => {
          watcher?.close();
          watcher = undefined;
          changed();
        });
      } catch {
        watcher = undefined;
      }
    };
    start();
    // A folder that was removed and comes back needs a new watcher: look again every few seconds.
    const poll = setInterval(() => {
      if (!watcher) {
        start();
        if (watcher) changed();
      }
    }, 5000);
    poll.unref();
    return () => {
      clearInterval(poll);
      clearTimeout(timer);
      watcher?.close();
    };
  }
}
