import { isAbsolute, resolve } from 'path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  ArticleSource,
  DirectorySource,
} from '@paved-road/plugin-guidance-node';
import { UrlSource } from './UrlSource';

/** The library's sources, and how each is kept current: watched for changes, or polled. */
export type LibrarySources = {
  sources: ArticleSource[];
  watched: ArticleSource[];
  polled: ArticleSource[];
};

/**
 * The sources of `guidance.sources`, then those modules added. The built-in library is a
 * module's source (plugin-guidance-backend-module-builtin-articles).
 */
export function librarySources(
  config: Config,
  urlReader: UrlReaderService,
  added: ArticleSource[],
): LibrarySources {
  const watched: ArticleSource[] = [];
  const polled: ArticleSource[] = [];
  const sources: ArticleSource[] = [];
  for (const [n, source] of (
    config.getOptionalConfigArray('guidance.sources') ?? []
  ).entries()) {
    const type = source.getString('type');
    if (type === 'directory') {
      const path = source.getString('path');
      const dir = new DirectorySource(
        `directory ${path}`,
        isAbsolute(path) ? path : resolve(process.cwd(), path),
      );
      watched.push(dir);
      sources.push(dir);
    } else if (type === 'url') {
      const target = source.getString('target');
      const url = new UrlSource(`url ${target}`, target, urlReader);
      polled.push(url);
      sources.push(url);
    } else {
      throw new Error(
        `guidance.sources[${n}].type must be "directory" or "url", got "${type}"`,
      );
    }
  }

  // Sources from modules come after the configured ones, so a configured id wins.
  // Those that cannot be watched are re-read on the schedule, like URL sources.
  for (const source of added) {
    sources.push(source);
    (source.watch ? watched : polled).push(source);
  }
  return { sources, watched, polled };
}
