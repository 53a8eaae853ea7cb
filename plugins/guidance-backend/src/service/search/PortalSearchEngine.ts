import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError, ServiceUnavailableError } from '@backstage/errors';
import { snippet } from './builtin/snippets';
import {
  GuidanceSearchEngine,
  GuidanceSearchRequest,
} from './GuidanceSearchEngine';

/** The document type the guidance collator indexes (search-backend-module-guidance). */
export const GUIDANCE_DOCUMENT_TYPE = 'guidance';

/** What the search backend's `/query` answers, as far as this engine reads it. */
type PortalResultSet = {
  results?: Array<{
    type: string;
    rank?: number;
    document: {
      articleId?: string;
      articleTitle?: string;
      title: string;
      text: string;
      section?: string;
      sectionId?: string;
      category?: string;
    };
    highlight?: {
      preTag: string;
      postTag: string;
      fields: Record<string, string>;
    };
  }>;
};

export type PortalSearchEngineOptions = {
  discovery: DiscoveryService;
  auth: AuthService;
  /** The summary of an article the library serves, for results (documents carry none). */
  summaryOf: (id: string) => string | undefined;
  /** The search backend's `search.maxTermLength` (100 by default): longer terms it refuses. */
  maxTermLength?: number;
  /** The search backend's `search.maxPageLimit` (100 by default). */
  maxPageLimit?: number;
};

/**
 * Answers guidance search from the portal's own search engine (Lunr, PostgreSQL,
 * Elasticsearch or OpenSearch, whichever the search backend runs) over the collator's section
 * documents, so a library larger than one replica's memory is searched where it is indexed.
 * Asks the search backend's `/query` on the caller's behalf, so its permission filtering
 * applies; a section document's best hit is its article's deep link.
 */
export class PortalSearchEngine implements GuidanceSearchEngine {
  private readonly maxTermLength: number;
  private readonly maxPageLimit: number;

  constructor(private readonly options: PortalSearchEngineOptions) {
    this.maxTermLength = options.maxTermLength ?? 100;
    this.maxPageLimit = options.maxPageLimit ?? 100;
  }

  async search({ query, limit, credentials }: GuidanceSearchRequest) {
    const { discovery, auth, summaryOf } = this.options;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: credentials ?? (await auth.getOwnServiceCredentials()),
      targetPluginId: 'search',
    });
    const params = new URLSearchParams({
      term: this.term(query),
      'types[0]': GUIDANCE_DOCUMENT_TYPE,
      // several sections of one article may rank before the next article's
      pageLimit: String(Math.min(this.maxPageLimit, limit * 5)),
    });
    const base = await discovery.getBaseUrl('search');
    const response = await fetch(`${base}/query?${params}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw await portalError(response);
    const { results = [] } = (await response.json()) as PortalResultSet;

    const seen = new Set<string>();
    const found = [];
    for (const [position, { document, highlight, rank }] of results.entries()) {
      const id = document.articleId;
      if (!id || seen.has(id)) continue;
      seen.add(id);
      const text = highlight?.fields.text
        ? withoutTags(
            highlight.fields.text,
            highlight.preTag,
            highlight.postTag,
          )
        : document.text;
      found.push({
        id,
        title: document.articleTitle ?? document.title,
        summary: summaryOf(id) ?? '',
        category: document.category ?? '',
        // the engine's order is the ranking; its scores are not comparable across engines
        score: Math.round(1000 / (rank ?? position + 1)) / 1000,
        ...(document.sectionId
          ? {
              section: {
                id: document.sectionId,
                text: document.section ?? document.sectionId,
              },
            }
          : {}),
        snippet: snippet(text, undefined),
      });
      if (found.length === limit) break;
    }
    return found;
  }

  /** The query cut at a word boundary to what the search backend accepts. */
  private term(query: string): string {
    if (query.length <= this.maxTermLength) return query;
    const cut = query.slice(0, this.maxTermLength);
    const space = cut.lastIndexOf(' ');
    return space > 0 ? cut.slice(0, space) : cut;
  }
}

function withoutTags(text: string, preTag: string, postTag: string): string {
  return text.split(preTag).join('').split(postTag).join('');
}

/** The search backend's refusal, said in terms of what to do about it. */
async function portalError(response: Response): Promise<Error> {
  const error = await ResponseError.fromResponse(response);
  if (error.body.error.name === 'MissingIndexError') {
    return new ServiceUnavailableError(
      'The portal search index has no guidance documents yet: the guidance collator adds them on its schedule',
      error,
    );
  }
  if (response.status === 400) {
    // the term is cut to the backend's limit, so a refusal means the document type is unknown
    return new ServiceUnavailableError(
      `guidance.search.engine is "portal", but the search backend does not index "${GUIDANCE_DOCUMENT_TYPE}" documents: install @paved-road/plugin-search-backend-module-guidance (${error.body.error.message})`,
      error,
    );
  }
  return error;
}
