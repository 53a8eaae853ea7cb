import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  ARTICLE_ID_PATTERN,
  EntityConformance,
  MAX_ARTICLE_ID_LENGTH,
  MAX_SEARCH_QUERY_LENGTH,
  ValidateResponse,
} from '@paved-road/plugin-guidance-common';
import { ArticleLibrary } from '../service/ArticleLibrary';
import { sectionMarkdown } from '../service/markdownSections';
import type { Dependency, EntityLike } from '../service/recommend';
import { lookUpDependencies } from '../service/entityDependencies';
import { VALIDATE_LIMITS } from '../service/rules';

/** Same limits as the HTTP routes, so an assistant cannot ask for more than a browser can. */
export const ACTION_LIMITS = {
  searchResults: 20,
  markdownChars: 60_000,
  files: VALIDATE_LIMITS.files,
  fileBytes: VALIDATE_LIMITS.totalBytes,
} as const;

export type GuidanceActionsOptions = {
  actionsRegistry: ActionsRegistryService;
  library: ArticleLibrary;
  catalog: CatalogService;
  /** For what an action could not look up but carried on without (an entity's dependencies). */
  logger?: LoggerService;
  /** The portal's base URL, for links an assistant can hand to a person. */
  appBaseUrl: string;
  /** Runs the rule set over files (the same engine as `POST /validate`). */
  validate?(
    files: { path: string; content: string }[],
    credentials: BackstageCredentials,
  ): Promise<ValidateResponse>;
  /**
   * Lets callers that are not users (service principals) have actions read the catalog.
   * Off unless the deployment says so (`guidance.actions.serviceCatalogAccess`): see
   * {@link assertMayReadCatalog}.
   */
  serviceCatalogAccess?: boolean;
  /** Stored conformance of one entity the caller can see; undefined when unknown. */
  entityConformance?(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityConformance | undefined>;
};

const sectionIdPattern = /^[\p{L}\p{M}\p{N}_-]{1,200}$/u;

/**
 * Actions that read the catalog do it for users only, unless the deployment allows service
 * callers. Why: an MCP call made with a static token reaches this plugin as the MCP plugin's own
 * service principal (Backstage's getPluginRequestToken issues the calling plugin's token for a
 * service principal), so the token's access restrictions are gone, and the permission framework
 * allows service principals everything: the catalog would show such a caller every entity.
 */
export function assertMayReadCatalog(
  credentials: BackstageCredentials,
  serviceCatalogAccess: boolean,
) {
  const principal = credentials.principal as { type: string; subject?: string };
  if (principal.type === 'user' || serviceCatalogAccess) return;
  throw new NotAllowedError(
    `This action reads the catalog on behalf of a signed-in user; the caller is ${
      principal.type === 'service' ? principal.subject : principal.type
    }. Call it with a user's token, or allow service callers with guidance.actions.serviceCatalogAccess: true`,
  );
}

/**
 * Registers the guidance actions with Backstage's actions registry; the MCP actions
 * backend (and any other consumer of the actions service) exposes them as tools.
 */
export function registerGuidanceActions(options: GuidanceActionsOptions) {
  const { actionsRegistry, library, catalog } = options;
  const baseUrl = options.appBaseUrl.replace(/\/+$/, '');
  const link = (id: string, section?: string) =>
    `${baseUrl}/guidance/${id}${section ? `#${section}` : ''}`;

  const getArticle = (id: string) => {
    const article = library.snapshot.articles.get(id);
    if (!article) {
      throw new NotFoundError(
        `No guidance article with id "${id}"; search-guidance lists the ids that exist`,
      );
    }
    return article;
  };

  actionsRegistry.register({
    name: 'search-guidance',
    title: 'Search the guidance library',
    description: [
      "Searches the organisation's infrastructure and SRE guidance (monitoring, secrets, CI/CD,",
      'GitOps, databases, DNS, Linux tuning, OAuth2/OIDC, on-call, golden paths...) and returns the',
      'sections that best answer the query, best first, each with its article id, heading, a short',
      'snippet and a link. Ask in plain words, e.g. "how many PgBouncer connections for 50 pods".',
      'Follow up with get-guidance-article (id and section) to read the answer in full.',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          query: z
            .string()
            .trim()
            .min(1, 'query must not be empty')
            .max(
              MAX_SEARCH_QUERY_LENGTH,
              `query must be at most ${MAX_SEARCH_QUERY_LENGTH} characters`,
            )
            .describe('What to look for, in plain words'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(ACTION_LIMITS.searchResults)
            .optional()
            .describe(
              `How many results (default 5, at most ${ACTION_LIMITS.searchResults})`,
            ),
        }),
      output: z =>
        z.object({
          results: z.array(
            z.object({
              articleId: z.string(),
              title: z.string(),
              section: z
                .object({ id: z.string(), text: z.string() })
                .optional(),
              snippet: z.string(),
              url: z.string(),
            }),
          ),
        }),
    },
    action: async ({ input }) => {
      const results = library.snapshot.index.search(
        input.query,
        input.limit ?? 5,
      );
      return {
        output: {
          results: results.map(r => ({
            articleId: r.id,
            title: r.title,
            ...(r.section ? { section: r.section } : {}),
            snippet: r.snippet,
            url: link(r.id, r.section?.id),
          })),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-guidance-article',
    title: 'Read a guidance article or one of its sections',
    description: [
      'Returns the Markdown source of one guidance article, or of one section of it when `section`',
      '(a heading id as returned by search-guidance) is given, with its title, a link for people,',
      'the date it was last reviewed by an expert and whether that review is out of date. The whole',
      'article also lists its sections, so you can fetch only the one you need.',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          id: z
            .string()
            .max(MAX_ARTICLE_ID_LENGTH)
            .regex(
              ARTICLE_ID_PATTERN,
              'id must be a kebab-case article id, e.g. saga-pattern',
            )
            .describe('The article id, e.g. database-connection-pooling'),
          section: z
            .string()
            .regex(
              sectionIdPattern,
              'section must be a heading id, e.g. sizing-the-pool',
            )
            .optional()
            .describe('A heading id inside the article'),
        }),
      output: z =>
        z.object({
          title: z.string(),
          markdown: z.string(),
          url: z.string(),
          reviewed: z.string().optional(),
          stale: z.boolean(),
          staleReasons: z
            .array(z.string())
            .describe(
              'Why the article may be out of date: an old review, or a version it was checked against that is past its end of life',
            ),
          truncated: z.boolean(),
          sections: z
            .array(
              z.object({ id: z.string(), text: z.string(), level: z.number() }),
            )
            .optional(),
        }),
    },
    action: async ({ input }) => {
      const article = getArticle(input.id);
      let markdown = article.markdown;
      let title = article.summary.title;
      if (input.section) {
        const section = sectionMarkdown(article, input.section);
        if (!section) {
          throw new NotFoundError(
            `Article "${input.id}" has no section "${input.section}"; call get-guidance-article without a section to list them`,
          );
        }
        markdown = section.markdown;
        title = `${article.summary.title} — ${section.text}`;
      }
      const truncated = markdown.length > ACTION_LIMITS.markdownChars;
      return {
        output: {
          title,
          markdown: truncated
            ? `${markdown.slice(
                0,
                ACTION_LIMITS.markdownChars,
              )}\n\n[truncated: ask for one section]`
            : markdown,
          url: link(article.summary.id, input.section),
          ...(article.frontMatter.reviewed
            ? { reviewed: article.frontMatter.reviewed }
            : {}),
          // the library marks staleness: review interval and end-of-life versions
          stale: article.summary.stale ?? true,
          staleReasons: article.summary.staleReasons ?? [],
          truncated,
          ...(input.section ? {} : { sections: article.toc }),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'recommend-guidance-for-entity',
    title: 'Guidance that applies to a catalog entity',
    description: [
      'Lists the guidance articles that apply to a software catalog entity, with the reasons',
      '(the articles its paved-road.dev/guidance annotation names first, then those whose rules',
      'match its tags, annotations, type or kind). Give `entityRef` (e.g. component:default/orders)',
      'for an entity in the catalog, or `entity` (a catalog-info body) for one that does not exist yet.',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .max(600)
            .optional()
            .describe('kind:namespace/name, e.g. component:default/orders'),
          entity: z
            .object({
              kind: z.string().max(100).optional(),
              metadata: z
                .object({
                  name: z.string().max(253).optional(),
                  tags: z.array(z.string().max(100)).max(200).optional(),
                  annotations: z.record(z.string().max(4096)).optional(),
                })
                .passthrough()
                .optional(),
              spec: z
                .object({ type: z.unknown().optional() })
                .passthrough()
                .optional(),
            })
            .passthrough()
            .optional()
            .describe('An entity body (catalog-info.yaml as JSON)'),
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              article: z
                .object({
                  id: z.string(),
                  title: z.string(),
                  summary: z.string(),
                })
                .passthrough(),
              source: z.enum(['annotation', 'rule']),
              reasons: z.array(z.string()),
              url: z.string(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      if (Boolean(input.entityRef) === Boolean(input.entity)) {
        throw new InputError('Give exactly one of entityRef or entity');
      }
      let entity = input.entity as EntityLike;
      let dependencies: Dependency[] = [];
      if (input.entityRef) {
        let ref;
        try {
          ref = parseEntityRef(input.entityRef, { defaultKind: 'component' });
        } catch (e) {
          throw new InputError(`Invalid entityRef: ${(e as Error).message}`);
        }
        assertMayReadCatalog(
          credentials,
          options.serviceCatalogAccess ?? false,
        );
        const found = await catalog.getEntityByRef(ref, { credentials });
        if (!found) {
          throw new NotFoundError(
            `No entity ${stringifyEntityRef(ref)} in the catalog`,
          );
        }
        entity = found as typeof entity;
        dependencies = await lookUpDependencies(
          found,
          catalog,
          credentials,
          options.logger,
        );
      }
      const items = library.snapshot.recommender.recommend(
        entity,
        dependencies,
      );
      return {
        output: {
          items: items.map(item => ({ ...item, url: link(item.article.id) })),
        },
      };
    },
  });

  // Shared by two actions; typed loosely so the registry's zod instance is the one used.
  const ruleResultSchema = (z: any) =>
    z.object({
      rule: z.object({
        id: z.string(),
        title: z.string(),
        severity: z.enum(['error', 'warning']),
        article: z.object({
          id: z.string(),
          title: z.string(),
          section: z.object({ id: z.string(), text: z.string() }).optional(),
        }),
      }),
      status: z.enum(['pass', 'fail', 'waived', 'not-applicable']),
      findings: z.array(
        z.object({
          file: z.string().optional(),
          object: z.string().optional(),
          message: z.string(),
        }),
      ),
      waiver: z.object({ until: z.string(), reason: z.string() }).optional(),
      url: z.string(),
    });
  const summaryCounts = (z: any) =>
    z.object({
      pass: z.number(),
      fail: z.number(),
      waived: z.number(),
      notApplicable: z.number(),
    });
  const withLinks = <
    T extends { rule: { article: { id: string; section?: { id: string } } } },
  >(
    results: T[],
  ) =>
    results.map(r => ({
      ...r,
      url: link(r.rule.article.id, r.rule.article.section?.id),
    }));

  const { validate, entityConformance } = options;
  if (validate) {
    actionsRegistry.register({
      name: 'validate-manifests',
      title: 'Check manifests against the paved road',
      description: [
        'Checks Kubernetes manifests (and other YAML: catalog-info, ServiceMonitors, ExternalSecrets)',
        "against the organisation's paved-road rules: probes, resource limits, pinned images,",
        'non-root, secrets out of plain env, selectors that match, API versions still served, and',
        'more. Returns every rule with pass/fail/not-applicable, the findings (file, object,',
        'message) and the guidance section that explains the rule. Send the file contents, not paths.',
      ].join(' '),
      attributes: { readOnly: true, idempotent: true, destructive: false },
      schema: {
        input: z =>
          z.object({
            files: z
              .array(
                z.object({
                  path: z
                    .string()
                    .min(1)
                    .max(500)
                    .describe(
                      'Path in the repository, e.g. deploy/base/deployment.yaml',
                    ),
                  content: z.string().describe('The file contents'),
                }),
              )
              .min(1, 'give at least one file')
              .max(ACTION_LIMITS.files, `at most ${ACTION_LIMITS.files} files`),
          }),
        output: z =>
          z.object({
            summary: summaryCounts(z),
            results: z.array(ruleResultSchema(z)),
          }),
      },
      action: async ({ input, credentials }) => {
        const bytes = input.files.reduce(
          (n, f) => n + Buffer.byteLength(f.content),
          0,
        );
        if (bytes > ACTION_LIMITS.fileBytes) {
          throw new InputError(
            `files total ${bytes} bytes; at most ${ACTION_LIMITS.fileBytes} (1 MiB) per call`,
          );
        }
        const report = await validate(input.files, credentials);
        return {
          output: {
            summary: report.summary,
            results: withLinks(report.results),
          },
        };
      },
    });
  }

  if (entityConformance) {
    actionsRegistry.register({
      name: 'get-entity-conformance',
      title: 'Does a service follow the paved road?',
      description: [
        'Returns the latest conformance evaluation of a catalog entity: for every paved-road rule,',
        'pass, fail, waived (with reason and expiry) or not-applicable, the evidence (file, object,',
        'message) and the guidance section that explains the rule. Give entityRef, e.g.',
        'component:default/orders.',
      ].join(' '),
      attributes: { readOnly: true, idempotent: true, destructive: false },
      schema: {
        input: z =>
          z.object({
            entityRef: z
              .string()
              .min(1)
              .max(600)
              .describe('kind:namespace/name'),
          }),
        output: z =>
          z.object({
            entityRef: z.string(),
            evaluatedAt: z.string(),
            source: z.object({
              location: z.string(),
              etag: z.string().optional(),
              error: z.string().optional(),
            }),
            summary: summaryCounts(z),
            results: z.array(ruleResultSchema(z)),
          }),
      },
      action: async ({ input, credentials }) => {
        let ref: string;
        try {
          ref = stringifyEntityRef(
            parseEntityRef(input.entityRef, { defaultKind: 'component' }),
          );
        } catch (e) {
          throw new InputError(`Invalid entityRef: ${(e as Error).message}`);
        }
        assertMayReadCatalog(
          credentials,
          options.serviceCatalogAccess ?? false,
        );
        const result = await entityConformance(ref, credentials);
        if (!result) {
          throw new NotFoundError(
            `No conformance for ${ref}: the entity is unknown, not visible to you, or not evaluated yet`,
          );
        }
        return { output: { ...result, results: withLinks(result.results) } };
      },
    });
  }
}
