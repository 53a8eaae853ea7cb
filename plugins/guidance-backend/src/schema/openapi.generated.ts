// ********************************************************************
// * GENERATED FILE, DO NOT EDIT: change the spec and run
// * `npm run openapi:generate` at the repository root.
// * Source: src/schema/openapi.yaml
// ********************************************************************
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

/** The OpenAPI document of this plugin's routes. */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'guidance',
    version: '1',
    description:
      'The Paved Road guidance backend: articles, their sections and Markdown, search, and recommendations for catalog entities. This file is the source of truth for the routes; `npm run openapi:generate` writes the typed router (`openapi.generated.ts`) and the client types in `@paved-road/plugin-guidance-common`.',
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
    'x-client-name': 'guidance',
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    securitySchemes: {
      JWT: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
      },
    },
    parameters: {
      articleId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'A kebab-case article id (`saga-pattern`).',
        schema: {
          type: 'string',
          maxLength: 100,
          pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
        },
      },
      ifNoneMatch: {
        name: 'If-None-Match',
        in: 'header',
        required: false,
        description:
          'The ETag of the copy the client holds; a match answers 304 without a body.',
        schema: {
          type: 'string',
        },
      },
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        schema: {
          $ref: '#/components/schemas/EntityRefPart',
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          $ref: '#/components/schemas/EntityRefPart',
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          $ref: '#/components/schemas/EntityRefPart',
        },
      },
    },
    headers: {
      ETag: {
        description: 'A strong ETag of the body; the same on every replica.',
        schema: {
          type: 'string',
        },
      },
      CacheControl: {
        description: 'Always `no-cache`, so readers revalidate on every visit.',
        schema: {
          type: 'string',
        },
      },
    },
    responses: {
      ErrorResponse: {
        description: "An error in Backstage's error body.",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      NotModified: {
        description:
          "The client's copy (named by If-None-Match) is current; no body.",
        headers: {
          ETag: {
            $ref: '#/components/headers/ETag',
          },
          'Cache-Control': {
            $ref: '#/components/headers/CacheControl',
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error', 'request', 'response'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
          request: {
            type: 'object',
            required: ['method', 'url'],
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            required: ['statusCode'],
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
        },
      },
      EntityRefPart: {
        type: 'string',
        minLength: 1,
        maxLength: 253,
        pattern: '^[A-Za-z0-9._-]+$',
      },
      ArticleSummary: {
        type: 'object',
        description: 'An article without its body, as lists and cards show it.',
        required: [
          'id',
          'title',
          'summary',
          'category',
          'tags',
          'updated',
          'readingTimeMinutes',
        ],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          summary: {
            type: 'string',
          },
          category: {
            type: 'string',
          },
          tags: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          updated: {
            type: 'string',
            description: 'YYYY-MM-DD',
          },
          readingTimeMinutes: {
            type: 'number',
          },
          reviewed: {
            type: 'string',
            description: 'YYYY-MM-DD: when an expert last checked the article.',
          },
          stale: {
            type: 'boolean',
          },
          staleReasons: {
            type: 'array',
            description:
              'Why the article is stale, one sentence each; empty when fresh.',
            items: {
              type: 'string',
            },
          },
        },
      },
      TocEntry: {
        type: 'object',
        required: ['id', 'text', 'level'],
        properties: {
          id: {
            type: 'string',
          },
          text: {
            type: 'string',
          },
          level: {
            type: 'integer',
          },
        },
      },
      ArticleSection: {
        type: 'object',
        required: ['id', 'text', 'level'],
        properties: {
          id: {
            type: 'string',
          },
          text: {
            type: 'string',
          },
          level: {
            type: 'integer',
          },
          parentId: {
            type: 'string',
          },
        },
      },
      Article: {
        description:
          'An article as the reader needs it; the Markdown is at /articles/{id}/markdown.',
        allOf: [
          {
            $ref: '#/components/schemas/ArticleSummary',
          },
          {
            type: 'object',
            required: ['toc', 'related', 'html', 'sections'],
            properties: {
              toc: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/TocEntry',
                },
              },
              related: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/ArticleSummary',
                },
              },
              editUrl: {
                type: 'string',
              },
              html: {
                type: 'string',
                description:
                  'Sanitized HTML with heading ids and code highlighted to classes.',
              },
              sections: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/ArticleSection',
                },
              },
              verifiedAgainst: {
                type: 'object',
                description: 'Tool -> version the article was checked against.',
                additionalProperties: {
                  type: 'string',
                },
              },
              versionNotes: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
            },
          },
        ],
      },
      ArticleSectionContent: {
        type: 'object',
        description: 'One section with its plain text, as search indexes it.',
        required: ['level', 'text'],
        properties: {
          id: {
            type: 'string',
          },
          heading: {
            type: 'string',
          },
          level: {
            type: 'integer',
          },
          parentId: {
            type: 'string',
          },
          text: {
            type: 'string',
          },
          keywords: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      ArticleSectionsResponse: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ArticleSectionContent',
            },
          },
        },
      },
      ArticleListResponse: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ArticleSummary',
            },
          },
        },
      },
      CategoryCount: {
        type: 'object',
        required: ['id', 'title', 'count'],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          count: {
            type: 'integer',
          },
        },
      },
      CategoryListResponse: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CategoryCount',
            },
          },
        },
      },
      SectionRef: {
        type: 'object',
        required: ['id', 'text'],
        properties: {
          id: {
            type: 'string',
          },
          text: {
            type: 'string',
          },
        },
      },
      SearchResult: {
        type: 'object',
        required: ['id', 'title', 'summary', 'category', 'score', 'snippet'],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          summary: {
            type: 'string',
          },
          category: {
            type: 'string',
          },
          score: {
            type: 'number',
          },
          section: {
            $ref: '#/components/schemas/SectionRef',
          },
          snippet: {
            type: 'string',
          },
          stale: {
            type: 'boolean',
          },
          staleReasons: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      SearchResponse: {
        type: 'object',
        required: ['results'],
        properties: {
          results: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SearchResult',
            },
          },
        },
      },
      Recommendation: {
        type: 'object',
        required: ['article', 'source', 'reasons'],
        properties: {
          article: {
            $ref: '#/components/schemas/ArticleSummary',
          },
          source: {
            type: 'string',
            enum: ['annotation', 'rule'],
          },
          reasons: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      RecommendationListResponse: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Recommendation',
            },
          },
        },
      },
      ArticleEntityLink: {
        type: 'object',
        required: ['entityRef', 'kind'],
        properties: {
          entityRef: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
        },
      },
      ArticleEntityLinkListResponse: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ArticleEntityLink',
            },
          },
        },
      },
      RecommendationsRequest: {
        type: 'object',
        required: ['entity'],
        properties: {
          entity: {
            type: 'object',
            description:
              'A catalog entity, or as much of one as the caller has.',
            additionalProperties: true,
            properties: {
              kind: {
                type: 'string',
                maxLength: 100,
              },
              metadata: {
                type: 'object',
                additionalProperties: true,
                properties: {
                  tags: {
                    type: 'array',
                    maxItems: 200,
                    items: {
                      type: 'string',
                      maxLength: 100,
                    },
                  },
                  annotations: {
                    type: 'object',
                    additionalProperties: {
                      type: 'string',
                      maxLength: 4096,
                    },
                  },
                },
              },
              spec: {
                type: 'object',
                additionalProperties: true,
                properties: {
                  type: {},
                },
              },
            },
          },
        },
      },
    },
  },
  security: [
    {},
    {
      JWT: [],
    },
  ],
  paths: {
    '/articles': {
      get: {
        operationId: 'ListArticles',
        description:
          "Every article's summary, optionally filtered by category or tag.",
        parameters: [
          {
            name: 'category',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 100,
            },
          },
          {
            name: 'tag',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The matching articles.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ArticleListResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/articles/{id}': {
      get: {
        operationId: 'GetArticle',
        description:
          'The article as the reader needs it (HTML, table of contents, sections, metadata), sent from bytes serialised once per library reload, with a strong ETag. A client that accepts Brotli or gzip gets a copy compressed once per body, with its own ETag.',
        parameters: [
          {
            $ref: '#/components/parameters/articleId',
          },
          {
            $ref: '#/components/parameters/ifNoneMatch',
          },
          {
            name: 'Accept-Encoding',
            in: 'header',
            required: false,
            description:
              'br and gzip are served from copies compressed once; anything else gets the plain JSON.',
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The article.',
            headers: {
              ETag: {
                $ref: '#/components/headers/ETag',
              },
              'Cache-Control': {
                $ref: '#/components/headers/CacheControl',
              },
              Vary: {
                description: 'Accept-Encoding — the body depends on it.',
                schema: {
                  type: 'string',
                },
              },
              'Content-Encoding': {
                description:
                  'br or gzip when a compressed copy is sent; absent for plain JSON.',
                schema: {
                  type: 'string',
                  enum: ['br', 'gzip'],
                },
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Article',
                },
              },
            },
          },
          '304': {
            $ref: '#/components/responses/NotModified',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/articles/{id}/markdown': {
      get: {
        operationId: 'GetArticleMarkdown',
        description:
          'The source Markdown, whole or one section (with its subsections); not rendered, so not sanitized.',
        parameters: [
          {
            $ref: '#/components/parameters/articleId',
          },
          {
            name: 'section',
            in: 'query',
            required: false,
            allowReserved: true,
            description: 'A heading id of the article.',
            schema: {
              type: 'string',
              maxLength: 200,
              pattern: '^[\\p{L}\\p{M}\\p{N}_-]+$',
            },
          },
          {
            $ref: '#/components/parameters/ifNoneMatch',
          },
        ],
        responses: {
          '200': {
            description: 'The Markdown.',
            headers: {
              ETag: {
                $ref: '#/components/headers/ETag',
              },
              'Cache-Control': {
                $ref: '#/components/headers/CacheControl',
              },
            },
            content: {
              'text/markdown': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '304': {
            $ref: '#/components/responses/NotModified',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/articles/{id}/sections': {
      get: {
        operationId: 'GetArticleSections',
        description:
          "The article's sections with their plain text, one search document each.",
        parameters: [
          {
            $ref: '#/components/parameters/articleId',
          },
        ],
        responses: {
          '200': {
            description: 'The sections in order.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ArticleSectionsResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/articles/{id}/entities': {
      get: {
        operationId: 'GetArticleEntities',
        description:
          'The catalog entities the caller may see whose annotation links this article.',
        parameters: [
          {
            $ref: '#/components/parameters/articleId',
          },
        ],
        responses: {
          '200': {
            description: 'The linked entities, sorted by entity ref.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ArticleEntityLinkListResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/categories': {
      get: {
        operationId: 'ListCategories',
        description: 'Every category with its number of articles.',
        responses: {
          '200': {
            description: 'The categories.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CategoryListResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/search': {
      get: {
        operationId: 'Search',
        description:
          'Ranked sections of articles for a query, with snippets and deep links.',
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: true,
            allowReserved: true,
            description:
              'The query; surrounding spaces are trimmed and it must not be empty then.',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 500,
            },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 50,
              default: 10,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The results, best first.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SearchResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/recommendations': {
      post: {
        operationId: 'Recommend',
        description:
          'Articles for an entity the caller describes, annotation links first, with reasons.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RecommendationsRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The recommendations.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecommendationListResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/articles': {
      get: {
        operationId: 'GetEntityArticles',
        description:
          "Recommendations for a catalog entity (read with the caller's credentials), including what its dependencies suggest.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The recommendations.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecommendationListResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
  },
} as const;

/**
 * An express router that refuses requests breaking the spec with a 400 before any handler
 * runs, and types each handler's params, query, body and response by it.
 */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
