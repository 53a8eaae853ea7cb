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
    title: 'scaffolder (guidance module)',
    version: '1',
    'x-client-name': 'template-versions',
    description:
      "The route the Paved Road scaffolder module mounts under the scaffolder plugin's base URL (`/api/scaffolder`): a golden path's current version and its changelog.",
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
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
    schemas: {
      Error: {
        description: "Backstage's error body.",
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
      EntityNamePart: {
        type: 'string',
        minLength: 1,
        maxLength: 253,
        pattern: '^[A-Za-z0-9._-]+$',
      },
      TemplateChangelogEntry: {
        type: 'object',
        required: ['version', 'body'],
        properties: {
          version: {
            type: 'integer',
            minimum: 1,
          },
          date: {
            type: 'string',
          },
          body: {
            description: "The Markdown under the version's heading.",
            type: 'string',
          },
        },
      },
      TemplateVersions: {
        type: 'object',
        required: ['templateRef', 'changelog'],
        properties: {
          templateRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          version: {
            description:
              "The version the catalog's Template carries; absent when it is not versioned.",
            type: 'integer',
            minimum: 1,
          },
          changelog: {
            description:
              'CHANGELOG.md entries, newest first (only those after `since` when given).',
            type: 'array',
            items: {
              $ref: '#/components/schemas/TemplateChangelogEntry',
            },
          },
        },
      },
    },
    responses: {
      ErrorResponse: {
        description: "An error, in Backstage's error body.",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
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
    '/guidance/templates/{name}/versions': {
      get: {
        operationId: 'GetTemplateVersions',
        description:
          "A Template's current version (`paved-road.dev/template-version`) and the entries of the CHANGELOG.md beside its template.yaml.",
        parameters: [
          {
            name: 'name',
            in: 'path',
            required: true,
            schema: {
              $ref: '#/components/schemas/EntityNamePart',
            },
          },
          {
            name: 'namespace',
            in: 'query',
            required: false,
            allowReserved: true,
            description: "The Template's namespace (default `default`).",
            schema: {
              $ref: '#/components/schemas/EntityNamePart',
            },
          },
          {
            name: 'since',
            in: 'query',
            required: false,
            allowReserved: true,
            description:
              'The version a service was created from or last upgraded to: only later entries are listed.',
            schema: {
              type: 'integer',
              minimum: 0,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The version and the changelog.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TemplateVersions',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            description:
              "The version went backwards: lower than the changelog's newest entry or than `since`.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
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
