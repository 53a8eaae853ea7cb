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
    title: 'guidance (conformance module)',
    version: '1',
    'x-client-name': 'conformance',
    description:
      "The routes the conformance module of the Paved Road guidance backend mounts under the guidance plugin's base URL (`/api/guidance`): rules, validation, entity and article conformance, the overview, trends, previews and CI reports.",
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
    parameters: {
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        schema: {
          $ref: '#/components/schemas/EntityNamePart',
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          $ref: '#/components/schemas/EntityNamePart',
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          $ref: '#/components/schemas/EntityNamePart',
        },
      },
      days: {
        name: 'days',
        in: 'query',
        required: false,
        allowReserved: true,
        description: 'How many days back, today included (default 30).',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 400,
        },
      },
      owner: {
        name: 'owner',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'An owner entity ref (`group:default/team-a`, or `team-a` for a group).',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 512,
        },
      },
      rule: {
        name: 'rule',
        in: 'query',
        required: false,
        allowReserved: true,
        description: 'A rule id; 404 when no such rule is registered.',
        schema: {
          $ref: '#/components/schemas/RuleId',
        },
      },
    },
    responses: {
      BadRequest: {
        description:
          'The request breaks this specification or a rule it states in words.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      Unauthorized: {
        description: 'No valid credentials.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      Forbidden: {
        description:
          "The caller may not do this (a permission policy, or a CI reporter's token outside the report route).",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      NotFound: {
        description: 'No such entity, article or rule for this caller.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      PayloadTooLarge: {
        description: 'The body is larger than the route takes.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
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
      RuleId: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
      },
      RuleSeverity: {
        type: 'string',
        enum: ['error', 'warning'],
      },
      RuleStatus: {
        type: 'string',
        enum: ['pass', 'fail', 'waived', 'not-applicable'],
      },
      RuleEnforcementLevel: {
        type: 'string',
        enum: ['off', 'audit', 'warn', 'enforce'],
      },
      RuleSummary: {
        type: 'object',
        required: ['id', 'title', 'severity', 'article'],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          severity: {
            $ref: '#/components/schemas/RuleSeverity',
          },
          article: {
            type: 'object',
            required: ['id', 'title'],
            properties: {
              id: {
                type: 'string',
              },
              title: {
                type: 'string',
              },
              section: {
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
            },
          },
        },
      },
      RuleListing: {
        allOf: [
          {
            $ref: '#/components/schemas/RuleSummary',
          },
          {
            type: 'object',
            required: ['fileKinds', 'enforcement'],
            properties: {
              sectionUrl: {
                type: 'string',
                description:
                  '`<app.baseUrl>/guidance/<article>#<section>`, when `app.baseUrl` is set.',
              },
              fileKinds: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              enforcement: {
                $ref: '#/components/schemas/RuleEnforcementLevel',
              },
              enforceFrom: {
                type: 'string',
                description:
                  'The day (YYYY-MM-DD) a staged rule becomes enforced.',
              },
            },
          },
        ],
      },
      RuleListResponse: {
        type: 'object',
        required: ['rules'],
        properties: {
          rules: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RuleListing',
            },
          },
        },
      },
      RuleResultFinding: {
        type: 'object',
        required: ['message'],
        properties: {
          file: {
            type: 'string',
          },
          object: {
            type: 'string',
          },
          line: {
            type: 'integer',
            minimum: 1,
          },
          column: {
            type: 'integer',
            minimum: 1,
          },
          message: {
            type: 'string',
          },
        },
      },
      RuleWaiver: {
        type: 'object',
        required: ['until', 'reason'],
        properties: {
          until: {
            type: 'string',
          },
          reason: {
            type: 'string',
          },
          expired: {
            type: 'boolean',
          },
        },
      },
      RuleResult: {
        type: 'object',
        required: ['rule', 'status', 'findings'],
        properties: {
          rule: {
            $ref: '#/components/schemas/RuleSummary',
          },
          status: {
            $ref: '#/components/schemas/RuleStatus',
          },
          findings: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RuleResultFinding',
            },
          },
          waiver: {
            $ref: '#/components/schemas/RuleWaiver',
          },
          enforcement: {
            type: 'string',
            enum: ['audit', 'warn'],
          },
        },
      },
      ConformanceSummary: {
        type: 'object',
        required: ['pass', 'fail', 'waived', 'notApplicable'],
        properties: {
          pass: {
            type: 'integer',
          },
          fail: {
            type: 'integer',
          },
          waived: {
            type: 'integer',
          },
          notApplicable: {
            type: 'integer',
          },
          warn: {
            type: 'integer',
          },
        },
      },
      ValidateRequest: {
        type: 'object',
        required: ['files'],
        properties: {
          files: {
            description:
              'At most 200 files and 1 MiB of content in all (413 beyond); each path once.',
            type: 'array',
            items: {
              type: 'object',
              required: ['path', 'content'],
              properties: {
                path: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 1024,
                },
                content: {
                  type: 'string',
                },
              },
            },
          },
        },
      },
      ValidateResponse: {
        type: 'object',
        required: ['summary', 'results'],
        properties: {
          summary: {
            $ref: '#/components/schemas/ConformanceSummary',
          },
          results: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RuleResult',
            },
          },
          waivers: {
            type: 'object',
            required: ['file', 'entityRef', 'applied', 'expired', 'invalid'],
            properties: {
              file: {
                type: 'string',
              },
              entityRef: {
                type: 'string',
              },
              applied: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              expired: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              invalid: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
            },
          },
        },
      },
      ConformanceReport: {
        type: 'object',
        required: ['ref', 'defaultBranch', 'receivedAt', 'summary', 'failing'],
        properties: {
          ref: {
            type: 'string',
          },
          defaultBranch: {
            type: 'boolean',
          },
          url: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          commit: {
            type: 'string',
          },
          receivedAt: {
            type: 'string',
          },
          summary: {
            $ref: '#/components/schemas/ReportSummary',
          },
          failing: {
            type: 'array',
            items: {
              type: 'object',
              required: ['ruleId'],
              properties: {
                ruleId: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                severity: {
                  $ref: '#/components/schemas/RuleSeverity',
                },
                file: {
                  type: 'string',
                },
                line: {
                  type: 'integer',
                },
              },
            },
          },
        },
      },
      ReportSummary: {
        type: 'object',
        required: ['pass', 'fail', 'waived'],
        properties: {
          pass: {
            type: 'integer',
          },
          fail: {
            type: 'integer',
          },
          waived: {
            type: 'integer',
          },
        },
      },
      EntityConformance: {
        type: 'object',
        required: ['entityRef', 'evaluatedAt', 'source', 'summary', 'results'],
        properties: {
          entityRef: {
            type: 'string',
          },
          evaluatedAt: {
            type: 'string',
          },
          source: {
            type: 'object',
            required: ['location'],
            properties: {
              location: {
                type: 'string',
              },
              etag: {
                type: 'string',
              },
              error: {
                type: 'string',
              },
            },
          },
          summary: {
            $ref: '#/components/schemas/ConformanceSummary',
          },
          results: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RuleResult',
            },
          },
          reports: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ConformanceReport',
            },
          },
        },
      },
      RefreshRequest: {
        type: 'object',
        additionalProperties: false,
        properties: {
          force: {
            description:
              "Evaluate even when the source's ETag says nothing changed.",
            type: 'boolean',
          },
        },
      },
      RefreshResponse: {
        type: 'object',
        required: ['entityRef', 'status'],
        properties: {
          entityRef: {
            type: 'string',
          },
          status: {
            description:
              '`queued`, or `joined` when an evaluation of the entity is already pending.',
            type: 'string',
            enum: ['queued', 'joined'],
          },
        },
      },
      ArticleConformance: {
        type: 'object',
        required: ['rules', 'entities'],
        properties: {
          rules: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RuleSummary',
            },
          },
          entities: {
            type: 'array',
            items: {
              type: 'object',
              required: ['entityRef', 'status', 'failing'],
              properties: {
                entityRef: {
                  type: 'string',
                },
                status: {
                  type: 'string',
                  enum: ['pass', 'fail'],
                },
                failing: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
            },
          },
        },
      },
      TemplateOrigin: {
        type: 'object',
        required: ['template', 'version'],
        properties: {
          template: {
            type: 'string',
          },
          version: {
            type: 'integer',
          },
        },
      },
      ConformanceOverview: {
        type: 'object',
        required: ['entities', 'rules'],
        properties: {
          entities: {
            type: 'array',
            items: {
              type: 'object',
              required: ['entityRef', 'owner', 'summary'],
              properties: {
                entityRef: {
                  type: 'string',
                },
                owner: {
                  type: 'string',
                  nullable: true,
                },
                summary: {
                  $ref: '#/components/schemas/ConformanceSummary',
                },
                error: {
                  type: 'string',
                },
                ruleStatus: {
                  $ref: '#/components/schemas/RuleStatus',
                },
                template: {
                  $ref: '#/components/schemas/TemplateOrigin',
                },
              },
            },
          },
          rules: {
            type: 'array',
            items: {
              type: 'object',
              required: ['rule', 'pass', 'fail', 'waived'],
              properties: {
                rule: {
                  $ref: '#/components/schemas/RuleSummary',
                },
                pass: {
                  type: 'integer',
                },
                fail: {
                  type: 'integer',
                },
                waived: {
                  type: 'integer',
                },
              },
            },
          },
          templates: {
            type: 'array',
            items: {
              type: 'object',
              required: ['template', 'version', 'count'],
              properties: {
                template: {
                  type: 'string',
                },
                version: {
                  type: 'integer',
                },
                count: {
                  type: 'integer',
                },
              },
            },
          },
        },
      },
      ConformanceTrendDay: {
        type: 'object',
        required: ['date', 'pass', 'fail', 'waived'],
        properties: {
          date: {
            type: 'string',
          },
          pass: {
            type: 'integer',
          },
          fail: {
            type: 'integer',
          },
          waived: {
            type: 'integer',
          },
        },
      },
      ConformanceTrends: {
        type: 'object',
        required: ['days'],
        properties: {
          days: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ConformanceTrendDay',
            },
          },
          series: {
            type: 'array',
            items: {
              type: 'object',
              required: ['key', 'days'],
              properties: {
                key: {
                  type: 'string',
                },
                days: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/ConformanceTrendDay',
                  },
                },
              },
            },
          },
        },
      },
      ConformanceOwnerMovements: {
        type: 'object',
        required: ['owners'],
        properties: {
          owners: {
            type: 'array',
            items: {
              type: 'object',
              required: ['owner', 'from', 'to', 'failShareChange'],
              properties: {
                owner: {
                  type: 'string',
                },
                from: {
                  $ref: '#/components/schemas/ConformanceTrendDay',
                },
                to: {
                  $ref: '#/components/schemas/ConformanceTrendDay',
                },
                failShareChange: {
                  description:
                    'Change of the failing share in percentage points; negative is better.',
                  type: 'number',
                },
              },
            },
          },
        },
      },
      ConformanceRulePreview: {
        type: 'object',
        required: ['rule', 'entities', 'enforcement', 'enforcementToday'],
        properties: {
          rule: {
            type: 'string',
          },
          entities: {
            type: 'array',
            items: {
              type: 'object',
              required: ['entityRef', 'owner', 'findings'],
              properties: {
                entityRef: {
                  type: 'string',
                },
                owner: {
                  type: 'string',
                  nullable: true,
                },
                findings: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/RuleResultFinding',
                  },
                },
              },
            },
          },
          enforcement: {
            type: 'object',
            required: ['enforcement'],
            properties: {
              enforcement: {
                $ref: '#/components/schemas/RuleEnforcementLevel',
              },
              enforceFrom: {
                type: 'string',
              },
            },
          },
          enforcementToday: {
            $ref: '#/components/schemas/RuleEnforcementLevel',
          },
        },
      },
      ReportText200: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
      },
      ReportText500: {
        type: 'string',
        minLength: 1,
        maxLength: 500,
      },
      ReportRuleResult: {
        description:
          "One rule's result, as `paved-road check --format json` and `POST /validate` shape it.",
        type: 'object',
        required: ['rule', 'status', 'findings'],
        properties: {
          rule: {
            type: 'object',
            required: ['id', 'title', 'severity', 'article'],
            properties: {
              id: {
                $ref: '#/components/schemas/ReportText200',
              },
              title: {
                $ref: '#/components/schemas/ReportText500',
              },
              severity: {
                $ref: '#/components/schemas/RuleSeverity',
              },
              article: {
                type: 'object',
                required: ['id', 'title'],
                properties: {
                  id: {
                    $ref: '#/components/schemas/ReportText200',
                  },
                  title: {
                    $ref: '#/components/schemas/ReportText500',
                  },
                  section: {
                    type: 'object',
                    required: ['id', 'text'],
                    properties: {
                      id: {
                        $ref: '#/components/schemas/ReportText200',
                      },
                      text: {
                        $ref: '#/components/schemas/ReportText500',
                      },
                    },
                  },
                },
              },
            },
          },
          status: {
            $ref: '#/components/schemas/RuleStatus',
          },
          findings: {
            type: 'array',
            maxItems: 200,
            items: {
              type: 'object',
              required: ['message'],
              properties: {
                file: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 1024,
                },
                object: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 512,
                },
                line: {
                  type: 'integer',
                  minimum: 1,
                },
                column: {
                  type: 'integer',
                  minimum: 1,
                },
                message: {
                  type: 'string',
                  maxLength: 4000,
                },
              },
            },
          },
          waiver: {
            type: 'object',
            required: ['until', 'reason'],
            properties: {
              until: {
                type: 'string',
                minLength: 1,
                maxLength: 32,
              },
              reason: {
                type: 'string',
                maxLength: 1000,
              },
              expired: {
                type: 'boolean',
              },
            },
          },
        },
      },
      ReportRequest: {
        description:
          'A CI report for a ref; the JSON body is at most 2 MiB (413 beyond).',
        type: 'object',
        required: ['ref', 'results'],
        properties: {
          ref: {
            description:
              'A branch (`main`) or a pull request (`pull/42`); a ref with `..` is refused (400).',
            type: 'string',
            minLength: 1,
            maxLength: 200,
            pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]*$',
          },
          results: {
            type: 'array',
            maxItems: 1000,
            items: {
              $ref: '#/components/schemas/ReportRuleResult',
            },
          },
          url: {
            description: 'The pull request or CI run, an http(s) URL.',
            type: 'string',
            maxLength: 2000,
            format: 'uri',
            pattern: '^[Hh][Tt][Tt][Pp][Ss]?://',
          },
          title: {
            $ref: '#/components/schemas/ReportText500',
          },
          commit: {
            type: 'string',
            pattern: '^[0-9a-fA-F]{7,64}$',
          },
        },
      },
      ReportReceived: {
        type: 'object',
        required: ['entityRef', 'ref', 'receivedAt', 'summary'],
        properties: {
          entityRef: {
            type: 'string',
          },
          ref: {
            type: 'string',
          },
          receivedAt: {
            type: 'string',
          },
          summary: {
            $ref: '#/components/schemas/ConformanceSummary',
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
    '/rules': {
      get: {
        operationId: 'ListRules',
        description:
          'Every rule this portal applies, built-in and added by modules, with how each is enforced.',
        responses: {
          '200': {
            description: 'The rules.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RuleListResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
        },
      },
    },
    '/validate': {
      post: {
        operationId: 'Validate',
        description: 'The rule set over the files in the body.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ValidateRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: "Every rule's result over the files.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ValidateResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/conformance': {
      get: {
        operationId: 'GetEntityConformance',
        description:
          "The entity's last evaluation and its CI reports; 404 when the catalog does not show the entity to the caller or it has not been evaluated yet.",
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
            description: "The entity's conformance.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityConformance',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/conformance/refresh': {
      post: {
        operationId: 'RefreshEntityConformance',
        description:
          'Queues an evaluation of the entity (202 before the work; repeated requests join); needs the permission `guidance.conformance.refresh`.',
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
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RefreshRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Queued, or joined to a pending evaluation.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RefreshResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/conformance/reports': {
      post: {
        operationId: 'PostConformanceReport',
        description:
          'A CI report for a ref (`main`, `pull/42`). Service tokens listed in `guidance.conformance.reports.subjects` only; a later report for the same ref replaces the earlier one.',
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
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReportRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReportReceived',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
        },
      },
    },
    '/articles/{id}/conformance': {
      get: {
        operationId: 'GetArticleConformance',
        description: 'The rules an article backs and who follows them.',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'The article id, a kebab-case slug.',
            schema: {
              type: 'string',
              maxLength: 100,
              pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
            },
          },
        ],
        responses: {
          '200': {
            description:
              "The article's rules and the visible entities' results.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ArticleConformance',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/conformance': {
      get: {
        operationId: 'GetConformanceOverview',
        description: "Every visible evaluated entity and every rule's counts.",
        parameters: [
          {
            $ref: '#/components/parameters/owner',
          },
          {
            $ref: '#/components/parameters/rule',
          },
        ],
        responses: {
          '200': {
            description: 'The overview.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ConformanceOverview',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/conformance/trends': {
      get: {
        operationId: 'GetConformanceTrends',
        description:
          'Results per day from the recorded history, for the entities the caller may see.',
        parameters: [
          {
            $ref: '#/components/parameters/owner',
          },
          {
            name: 'entity',
            in: 'query',
            required: false,
            allowReserved: true,
            description: 'An entity ref; only its history.',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 600,
            },
          },
          {
            $ref: '#/components/parameters/rule',
          },
          {
            $ref: '#/components/parameters/days',
          },
          {
            name: 'by',
            in: 'query',
            required: false,
            allowReserved: true,
            description: 'One series per rule id or per owner ref.',
            schema: {
              type: 'string',
              enum: ['rule', 'owner'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'The days, oldest first.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ConformanceTrends',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/conformance/trends/owners': {
      get: {
        operationId: 'GetConformanceOwnerMovements',
        description: 'Owners, most improved first.',
        parameters: [
          {
            $ref: '#/components/parameters/days',
          },
        ],
        responses: {
          '200': {
            description: "The owners' movements.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ConformanceOwnerMovements',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
        },
      },
    },
    '/conformance/preview': {
      get: {
        operationId: 'PreviewRule',
        description: 'Who would fail the rule if it were enforced today.',
        parameters: [
          {
            name: 'rule',
            in: 'query',
            required: true,
            allowReserved: true,
            schema: {
              $ref: '#/components/schemas/RuleId',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The entities that would fail.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ConformanceRulePreview',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
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
