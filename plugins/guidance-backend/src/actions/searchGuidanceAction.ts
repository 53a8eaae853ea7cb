import { MAX_SEARCH_QUERY_LENGTH } from '@paved-road/plugin-guidance-common';
import { ACTION_LIMITS, GuidanceActionContext } from './guidanceActionContext';

/** Registers `search-guidance`. */
export function registerSearchGuidanceAction(ctx: GuidanceActionContext) {
  const { actionsRegistry, guidance, link } = ctx;
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
    action: async ({ input, credentials }) => {
      const results = await guidance.search(input.query, input.limit ?? 5, {
        credentials,
      });
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
}
