// ********************************************************************
// * GENERATED FILE, DO NOT EDIT: change the spec and run
// * `npm run openapi:generate` at the repository root.
// * Source: plugins/guidance-backend-module-conformance/src/schema/openapi.yaml
// ********************************************************************
/* eslint-disable */

export interface paths {
  '/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Every rule this portal applies, built-in and added by modules, with how each is enforced. */
    get: operations['ListRules'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/validate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description The rule set over the files in the body. */
    post: operations['Validate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/conformance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The entity's last evaluation and its CI reports; 404 when the catalog does not show the entity to the caller or it has not been evaluated yet. */
    get: operations['GetEntityConformance'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/conformance/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Queues an evaluation of the entity (202 before the work; repeated requests join); needs the permission `guidance.conformance.refresh`. */
    post: operations['RefreshEntityConformance'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/conformance/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description A CI report for a ref (`main`, `pull/42`). Service tokens listed in `guidance.conformance.reports.subjects` only; a later report for the same ref replaces the earlier one. */
    post: operations['PostConformanceReport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/conformance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The rules an article backs and who follows them. */
    get: operations['GetArticleConformance'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/conformance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Every visible evaluated entity and every rule's counts. */
    get: operations['GetConformanceOverview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/conformance/trends': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Results per day from the recorded history, for the entities the caller may see. */
    get: operations['GetConformanceTrends'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/conformance/trends/owners': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Owners, most improved first. */
    get: operations['GetConformanceOwnerMovements'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/conformance/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Who would fail the rule if it were enforced today. */
    get: operations['PreviewRule'];
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
    /** @description Backstage's error body. */
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
    EntityNamePart: string;
    RuleId: string;
    /** @enum {string} */
    RuleSeverity: 'error' | 'warning';
    /** @enum {string} */
    RuleStatus: 'pass' | 'fail' | 'waived' | 'not-applicable';
    /** @enum {string} */
    RuleEnforcementLevel: 'off' | 'audit' | 'warn' | 'enforce';
    RuleSummary: {
      id: string;
      title: string;
      severity: components['schemas']['RuleSeverity'];
      article: {
        id: string;
        title: string;
        section?: {
          id: string;
          text: string;
        };
      };
    };
    RuleListing: components['schemas']['RuleSummary'] & {
      /** @description `<app.baseUrl>/guidance/<article>#<section>`, when `app.baseUrl` is set. */
      sectionUrl?: string;
      fileKinds: string[];
      enforcement: components['schemas']['RuleEnforcementLevel'];
      /** @description The day (YYYY-MM-DD) a staged rule becomes enforced. */
      enforceFrom?: string;
    };
    RuleListResponse: {
      rules: components['schemas']['RuleListing'][];
    };
    RuleResultFinding: {
      file?: string;
      object?: string;
      line?: number;
      column?: number;
      message: string;
    };
    RuleWaiver: {
      until: string;
      reason: string;
      expired?: boolean;
    };
    RuleResult: {
      rule: components['schemas']['RuleSummary'];
      status: components['schemas']['RuleStatus'];
      findings: components['schemas']['RuleResultFinding'][];
      waiver?: components['schemas']['RuleWaiver'];
      /** @enum {string} */
      enforcement?: 'audit' | 'warn';
    };
    ConformanceSummary: {
      pass: number;
      fail: number;
      waived: number;
      notApplicable: number;
      warn?: number;
    };
    ValidateRequest: {
      /** @description At most 200 files and 1 MiB of content in all (413 beyond); each path once. */
      files: {
        path: string;
        content: string;
      }[];
    };
    ValidateResponse: {
      summary: components['schemas']['ConformanceSummary'];
      results: components['schemas']['RuleResult'][];
      waivers?: {
        file: string;
        entityRef: string;
        applied: string[];
        expired: string[];
        invalid: string[];
      };
    };
    ConformanceReport: {
      ref: string;
      defaultBranch: boolean;
      url?: string;
      title?: string;
      commit?: string;
      receivedAt: string;
      summary: components['schemas']['ReportSummary'];
      failing: {
        ruleId: string;
        title?: string;
        severity?: components['schemas']['RuleSeverity'];
        file?: string;
        line?: number;
      }[];
    };
    ReportSummary: {
      pass: number;
      fail: number;
      waived: number;
    };
    EntityConformance: {
      entityRef: string;
      evaluatedAt: string;
      source: {
        location: string;
        etag?: string;
        error?: string;
      };
      summary: components['schemas']['ConformanceSummary'];
      results: components['schemas']['RuleResult'][];
      reports?: components['schemas']['ConformanceReport'][];
    };
    RefreshRequest: {
      /** @description Evaluate even when the source's ETag says nothing changed. */
      force?: boolean;
    };
    RefreshResponse: {
      entityRef: string;
      /**
       * @description `queued`, or `joined` when an evaluation of the entity is already pending.
       * @enum {string}
       */
      status: 'queued' | 'joined';
    };
    ArticleConformance: {
      rules: components['schemas']['RuleSummary'][];
      entities: {
        entityRef: string;
        /** @enum {string} */
        status: 'pass' | 'fail';
        failing: string[];
      }[];
    };
    TemplateOrigin: {
      template: string;
      version: number;
    };
    ConformanceOverview: {
      entities: {
        entityRef: string;
        owner: string | null;
        summary: components['schemas']['ConformanceSummary'];
        error?: string;
        ruleStatus?: components['schemas']['RuleStatus'];
        template?: components['schemas']['TemplateOrigin'];
      }[];
      rules: {
        rule: components['schemas']['RuleSummary'];
        pass: number;
        fail: number;
        waived: number;
      }[];
      templates?: {
        template: string;
        version: number;
        count: number;
      }[];
    };
    ConformanceTrendDay: {
      date: string;
      pass: number;
      fail: number;
      waived: number;
    };
    ConformanceTrends: {
      days: components['schemas']['ConformanceTrendDay'][];
      series?: {
        key: string;
        days: components['schemas']['ConformanceTrendDay'][];
      }[];
    };
    ConformanceOwnerMovements: {
      owners: {
        owner: string;
        from: components['schemas']['ConformanceTrendDay'];
        to: components['schemas']['ConformanceTrendDay'];
        /** @description Change of the failing share in percentage points; negative is better. */
        failShareChange: number;
      }[];
    };
    ConformanceRulePreview: {
      rule: string;
      entities: {
        entityRef: string;
        owner: string | null;
        findings: components['schemas']['RuleResultFinding'][];
      }[];
      enforcement: {
        enforcement: components['schemas']['RuleEnforcementLevel'];
        enforceFrom?: string;
      };
      enforcementToday: components['schemas']['RuleEnforcementLevel'];
    };
    ReportText200: string;
    ReportText500: string;
    /** @description One rule's result, as `paved-road check --format json` and `POST /validate` shape it. */
    ReportRuleResult: {
      rule: {
        id: components['schemas']['ReportText200'];
        title: components['schemas']['ReportText500'];
        severity: components['schemas']['RuleSeverity'];
        article: {
          id: components['schemas']['ReportText200'];
          title: components['schemas']['ReportText500'];
          section?: {
            id: components['schemas']['ReportText200'];
            text: components['schemas']['ReportText500'];
          };
        };
      };
      status: components['schemas']['RuleStatus'];
      findings: {
        file?: string;
        object?: string;
        line?: number;
        column?: number;
        message: string;
      }[];
      waiver?: {
        until: string;
        reason: string;
        expired?: boolean;
      };
    };
    /** @description A CI report for a ref; the JSON body is at most 2 MiB (413 beyond). */
    ReportRequest: {
      /** @description A branch (`main`) or a pull request (`pull/42`); a ref with `..` is refused (400). */
      ref: string;
      results: components['schemas']['ReportRuleResult'][];
      /**
       * Format: uri
       * @description The pull request or CI run, an http(s) URL.
       */
      url?: string;
      title?: components['schemas']['ReportText500'];
      commit?: string;
    };
    ReportReceived: {
      entityRef: string;
      ref: string;
      receivedAt: string;
      summary: components['schemas']['ConformanceSummary'];
    };
  };
  responses: {
    /** @description The request breaks this specification or a rule it states in words. */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description No valid credentials. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The caller may not do this (a permission policy, or a CI reporter's token outside the report route). */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description No such entity, article or rule for this caller. */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The body is larger than the route takes. */
    PayloadTooLarge: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    kind: components['schemas']['EntityNamePart'];
    namespace: components['schemas']['EntityNamePart'];
    name: components['schemas']['EntityNamePart'];
    /** @description How many days back, today included (default 30). */
    days: number;
    /** @description An owner entity ref (`group:default/team-a`, or `team-a` for a group). */
    owner: string;
    /** @description A rule id; 404 when no such rule is registered. */
    rule: components['schemas']['RuleId'];
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  ListRules: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The rules. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RuleListResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
  Validate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ValidateRequest'];
      };
    };
    responses: {
      /** @description Every rule's result over the files. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ValidateResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  GetEntityConformance: {
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
      /** @description The entity's conformance. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityConformance'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  RefreshEntityConformance: {
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
    requestBody?: {
      content: {
        'application/json': components['schemas']['RefreshRequest'];
      };
    };
    responses: {
      /** @description Queued, or joined to a pending evaluation. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RefreshResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  PostConformanceReport: {
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
    requestBody: {
      content: {
        'application/json': components['schemas']['ReportRequest'];
      };
    };
    responses: {
      /** @description Stored. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportReceived'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
    };
  };
  GetArticleConformance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The article id, a kebab-case slug. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The article's rules and the visible entities' results. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ArticleConformance'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  GetConformanceOverview: {
    parameters: {
      query?: {
        /** @description An owner entity ref (`group:default/team-a`, or `team-a` for a group). */
        owner?: components['parameters']['owner'];
        /** @description A rule id; 404 when no such rule is registered. */
        rule?: components['parameters']['rule'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The overview. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConformanceOverview'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  GetConformanceTrends: {
    parameters: {
      query?: {
        /** @description An owner entity ref (`group:default/team-a`, or `team-a` for a group). */
        owner?: components['parameters']['owner'];
        /** @description An entity ref; only its history. */
        entity?: string;
        /** @description A rule id; 404 when no such rule is registered. */
        rule?: components['parameters']['rule'];
        /** @description How many days back, today included (default 30). */
        days?: components['parameters']['days'];
        /** @description One series per rule id or per owner ref. */
        by?: 'rule' | 'owner';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The days, oldest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConformanceTrends'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  GetConformanceOwnerMovements: {
    parameters: {
      query?: {
        /** @description How many days back, today included (default 30). */
        days?: components['parameters']['days'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The owners' movements. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConformanceOwnerMovements'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
  PreviewRule: {
    parameters: {
      query: {
        rule: components['schemas']['RuleId'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The entities that would fail. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConformanceRulePreview'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
}
