import { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';
import {
  ArticleFile,
  ArticleSource,
  isArticleFile,
} from '@paved-road/plugin-guidance-node';

/** Articles from a folder read through Backstage's UrlReader (a Git repository, for example). */
export class UrlSource implements ArticleSource {
  private etag?: string;
  private files: ArticleFile[] = [];

  constructor(
    readonly name: string,
    private readonly target: string,
    private readonly reader: UrlReaderService,
  ) {}

  async read(): Promise<ArticleFile[]> {
    try {
      const tree = await this.reader.readTree(this.target, {
        etag: this.etag,
        filter: path => isArticleFile(path),
      });
      const base = this.target.replace(/\/+$/, '').replace('/tree/', '/blob/');
      const files = await tree.files();
      this.files = (
        await Promise.all(
          files.map(async f => ({
            path: f.path,
            content: (await f.content()).toString('utf8'),
            editUrl: `${base}/${f.path}`,
          })),
        )
      ).sort((a, b) => a.path.localeCompare(b.path));
      this.etag = tree.etag;
    } catch (e) {
      // Unchanged since the last read: what we have is still right.
      if (
        !(e instanceof NotModifiedError) &&
        (e as Error)?.name !== 'NotModifiedError'
      )
        throw e;
    }
    return this.files;
  }
}
