// ********************************************************************
// * GENERATED FILE, DO NOT EDIT: change the spec and run
// * `npm run openapi:generate` at the repository root.
// * Source: plugins/scaffolder-backend-module-guidance/src/schema/openapi.yaml
// ********************************************************************
/* eslint-disable */

export interface paths {
  '/guidance/templates/{name}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description A Template's current version (`paved-road.dev/template-version`) and the entries of the CHANGELOG.md beside its template.yaml. */
    get: operations['GetTemplateVersions'];
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
    TemplateChangelogEntry: {
      version: number;
      date?: string;
      /** @description The Markdown under the version's heading. */
      body: string;
    };
    TemplateVersions: {
      templateRef: string;
      title?: string;
      /** @description The version the catalog's Template carries; absent when it is not versioned. */
      version?: number;
      /** @description CHANGELOG.md entries, newest first (only those after `since` when given). */
      changelog: components['schemas']['TemplateChangelogEntry'][];
    };
  };
  responses: {
    /** @description An error, in Backstage's error body. */
    ErrorResponse: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  GetTemplateVersions: {
    parameters: {
      query?: {
        /** @description The Template's namespace (default `default`). */
        namespace?: components['schemas']['EntityNamePart'];
        /** @description The version a service was created from or last upgraded to: only later entries are listed. */
        since?: number;
      };
      header?: never;
      path: {
        name: components['schemas']['EntityNamePart'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The version and the changelog. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TemplateVersions'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
      /** @description The version went backwards: lower than the changelog's newest entry or than `since`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
}
