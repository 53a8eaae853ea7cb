import { Readable } from 'stream';
import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import {
  Article,
  ArticleSummary,
  ListResponse,
} from '@paved-road/plugin-guidance-common';
import { splitSections } from './splitSections';

/** A search document for one section of a guidance article. */
export interface GuidanceSectionDocument extends IndexableDocument {
  articleId: string;
  articleTitle: string;
  /** The heading this section sits under; absent for the article's opening text. */
  section?: string;
  category: string;
  tags: string[];
}

export type GuidanceCollatorFactoryOptions = {
  discovery: DiscoveryService;
  auth: AuthService;
  logger: LoggerService;
};

/** Reads the guidance API and yields one document per article section, with a deep link. */
export class GuidanceCollatorFactory implements DocumentCollatorFactory {
  readonly type = 'guidance';

  constructor(private readonly options: GuidanceCollatorFactoryOptions) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<GuidanceSectionDocument> {
    const { items } = await this.get<ListResponse<ArticleSummary>>('/articles');
    for (const summary of items) {
      const article = await this.get<Article>(
        `/articles/${encodeURIComponent(summary.id)}`,
      );
      for (const section of splitSections(article.markdown, article.toc)) {
        yield {
          title: section.heading
            ? `${article.title} › ${section.heading}`
            : article.title,
          text: section.text || article.summary,
          location: section.id
            ? `/guidance/${article.id}#${section.id}`
            : `/guidance/${article.id}`,
          articleId: article.id,
          articleTitle: article.title,
          ...(section.heading ? { section: section.heading } : {}),
          category: article.category,
          tags: article.tags,
        };
      }
    }
    this.options.logger.debug(`Collated ${items.length} guidance articles`);
  }

  private async get<T>(path: string): Promise<T> {
    const { discovery, auth } = this.options;
    const base = await discovery.getBaseUrl('guidance');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'guidance',
    });
    const res = await fetch(`${base}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return (await res.json()) as T;
  }
}
