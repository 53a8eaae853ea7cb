// ********************************************************************
// * GENERATED FILE, DO NOT EDIT: change the spec and run
// * `npm run openapi:generate` at the repository root.
// * Source: plugins/guidance-backend/src/schema/openapi.yaml
// ********************************************************************
/* eslint-disable */

export interface paths {
  '/articles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Every article's summary, optionally filtered by category or tag. */
    get: operations['ListArticles'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The article as the reader needs it (HTML, table of contents, sections, metadata), sent from bytes serialised once per library reload, with a strong ETag. A client that accepts Brotli or gzip gets a copy compressed once per body, with its own ETag. */
    get: operations['GetArticle'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/markdown': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The source Markdown, whole or one section (with its subsections); not rendered, so not sanitized. */
    get: operations['GetArticleMarkdown'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/sections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The article's sections with their plain text, one search document each. */
    get: operations['GetArticleSections'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/entities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The catalog entities the caller may see whose annotation links this article. */
    get: operations['GetArticleEntities'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Every category with its number of articles. */
    get: operations['ListCategories'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Ranked sections of articles for a query, with snippets and deep links. */
    get: operations['Search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/recommendations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Articles for an entity the caller describes, annotation links first, with reasons. */
    post: operations['Recommend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/articles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Recommendations for a catalog entity (read with the caller's credentials), including what its dependencies suggest. */
    get: operations['GetEntityArticles'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Error: {
      error: {
        name: string;
        message: string;
      };
      request: {
        method: string;
        url: string;
      };
      response: {
        statusCode: number;
      };
    };
    EntityRefPart: string;
    /** @description An article without its body, as lists and cards show it. */
    ArticleSummary: {
      id: string;
      title: string;
      summary: string;
      category: string;
      tags: string[];
      /** @description YYYY-MM-DD */
      updated: string;
      readingTimeMinutes: number;
      /** @description YYYY-MM-DD: when an expert last checked the article. */
      reviewed?: string;
      stale?: boolean;
      /** @description Why the article is stale, one sentence each; empty when fresh. */
      staleReasons?: string[];
    };
    TocEntry: {
      id: string;
      text: string;
      level: number;
    };
    ArticleSection: {
      id: string;
      text: string;
      level: number;
      parentId?: string;
    };
    /** @description An article as the reader needs it; the Markdown is at /articles/{id}/markdown. */
    Article: components['schemas']['ArticleSummary'] & {
      toc: components['schemas']['TocEntry'][];
      related: components['schemas']['ArticleSummary'][];
      editUrl?: string;
      /** @description Sanitized HTML with heading ids and code highlighted to classes. */
      html: string;
      sections: components['schemas']['ArticleSection'][];
      /** @description Tool -> version the article was checked against. */
      verifiedAgainst?: {
        [key: string]: string;
      };
      versionNotes?: string[];
    };
    /** @description One section with its plain text, as search indexes it. */
    ArticleSectionContent: {
      id?: string;
      heading?: string;
      level: number;
      parentId?: string;
      text: string;
      keywords?: string[];
    };
    ArticleSectionsResponse: {
      items: components['schemas']['ArticleSectionContent'][];
    };
    ArticleListResponse: {
      items: components['schemas']['ArticleSummary'][];
    };
    CategoryCount: {
      id: string;
      title: string;
      count: number;
    };
    CategoryListResponse: {
      items: components['schemas']['CategoryCount'][];
    };
    SectionRef: {
      id: string;
      text: string;
    };
    SearchResult: {
      id: string;
      title: string;
      summary: string;
      category: string;
      score: number;
      section?: components['schemas']['SectionRef'];
      snippet: string;
      stale?: boolean;
      staleReasons?: string[];
    };
    SearchResponse: {
      results: components['schemas']['SearchResult'][];
    };
    Recommendation: {
      article: components['schemas']['ArticleSummary'];
      /** @enum {string} */
      source: 'annotation' | 'rule';
      reasons: string[];
    };
    RecommendationListResponse: {
      items: components['schemas']['Recommendation'][];
    };
    ArticleEntityLink: {
      entityRef: string;
      kind: string;
      title?: string;
    };
    ArticleEntityLinkListResponse: {
      items: components['schemas']['ArticleEntityLink'][];
    };
    RecommendationsRequest: {
      /** @description A catalog entity, or as much of one as the caller has. */
      entity: {
        kind?: string;
        metadata?: {
          tags?: string[];
          annotations?: {
            [key: string]: string;
          };
        } & {
          [key: string]: unknown;
        };
        spec?: {
          type?: unknown;
        } & {
          [key: string]: unknown;
        };
      } & {
        [key: string]: unknown;
      };
    };
  };
  responses: {
    /** @description An error in Backstage's error body. */
    ErrorResponse: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The client's copy (named by If-None-Match) is current; no body. */
    NotModified: {
      headers: {
        ETag: components['headers']['ETag'];
        'Cache-Control': components['headers']['CacheControl'];
        [name: string]: unknown;
      };
      content?: never;
    };
  };
  parameters: {
    /** @description A kebab-case article id (`saga-pattern`). */
    articleId: string;
    /** @description The ETag of the copy the client holds; a match answers 304 without a body. */
    ifNoneMatch: string;
    kind: components['schemas']['EntityRefPart'];
    namespace: components['schemas']['EntityRefPart'];
    name: components['schemas']['EntityRefPart'];
  };
  requestBodies: never;
  headers: {
    /** @description A strong ETag of the body; the same on every replica. */
    ETag: string;
    /** @description Always `no-cache`, so readers revalidate on every visit. */
    CacheControl: string;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  ListArticles: {
    parameters: {
      query?: {
        category?: string;
        tag?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The matching articles. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ArticleListResponse'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  GetArticle: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the copy the client holds; a match answers 304 without a body. */
        'If-None-Match'?: components['parameters']['ifNoneMatch'];
        /** @description br and gzip are served from copies compressed once; anything else gets the plain JSON. */
        'Accept-Encoding'?: string;
      };
      path: {
        /** @description A kebab-case article id (`saga-pattern`). */
        id: components['parameters']['articleId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The article. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Cache-Control': components['headers']['CacheControl'];
          /** @description Accept-Encoding — the body depends on it. */
          Vary?: string;
          /** @description br or gzip when a compressed copy is sent; absent for plain JSON. */
          'Content-Encoding'?: 'br' | 'gzip';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Article'];
        };
      };
      304: components['responses']['NotModified'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GetArticleMarkdown: {
    parameters: {
      query?: {
        /** @description A heading id of the article. */
        section?: string;
      };
      header?: {
        /** @description The ETag of the copy the client holds; a match answers 304 without a body. */
        'If-None-Match'?: components['parameters']['ifNoneMatch'];
      };
      path: {
        /** @description A kebab-case article id (`saga-pattern`). */
        id: components['parameters']['articleId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Markdown. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Cache-Control': components['headers']['CacheControl'];
          [name: string]: unknown;
        };
        content: {
          'text/markdown': string;
        };
      };
      304: components['responses']['NotModified'];
      default: components['responses']['ErrorResponse'];
    };
  };
  GetArticleSections: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A kebab-case article id (`saga-pattern`). */
        id: components['parameters']['articleId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The sections in order. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ArticleSectionsResponse'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  GetArticleEntities: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A kebab-case article id (`saga-pattern`). */
        id: components['parameters']['articleId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The linked entities, sorted by entity ref. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ArticleEntityLinkListResponse'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  ListCategories: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The categories. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoryListResponse'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  Search: {
    parameters: {
      query: {
        /** @description The query; surrounding spaces are trimmed and it must not be empty then. */
        q: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The results, best first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SearchResponse'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  Recommend: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecommendationsRequest'];
      };
    };
    responses: {
      /** @description The recommendations. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecommendationListResponse'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  GetEntityArticles: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The recommendations. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecommendationListResponse'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
}
