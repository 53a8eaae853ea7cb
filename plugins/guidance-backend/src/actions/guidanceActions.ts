import { LoggerService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  ARTICLE_ID_PATTERN,
  MAX_ARTICLE_ID_LENGTH,
  MAX_SEARCH_QUERY_LENGTH,
} from '@paved-road/plugin-guidance-common';
import { ArticleLibrary } from '../service/ArticleLibrary';
import { sectionMarkdown } from '../service/markdownSections';
import type { Dependency, EntityLike } from '../service/recommend';
import { lookUpDependencies } from '../service/entityDependencies';
import { assertMayReadCatalog } from '@paved-road/plugin-guidance-node';

/** Same limits as the HTTP routes, so an assistant cannot ask for more than a browser can. */
export const ACTION_LIMITS = {
  searchResults: 20,
  markdownChars: 60_000,
} as const;

export type GuidanceActionsOptions = {
  actionsRegistry: ActionsRegistryService;
  library: ArticleLibrary;
  catalog: CatalogService;
  /** For what an action could not look up but carried on without (an entity's dependencies). */
  logger?: LoggerService;
  /** The portal's base URL, for links an assistant can hand to a person. */
  appBaseUrl: string;
  /**
   * Lets callers that are not users (service principals) have actions read the catalog.
   * Off unless the deployment says so (`guidance.actions.serviceCatalogAccess`): see
   * {@link assertMayReadCatalog}.
   */
  serviceCatalogAccess?: boolean;
};

const sectionIdPattern = /^[\p{L}\p{M}\p{N}_-]{1,200}$/u;

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
}
