import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { assertMayReadCatalog } from '@paved-road/plugin-guidance-node';
import {
  MAX_TREND_DAYS,
  TrendQueries,
} from '../service/conformance/trendQueries';

const trendDay = (z: any) =>
  z.object({
    date: z.string(),
    pass: z.number(),
    fail: z.number(),
    waived: z.number(),
  });

/**
 * `get-conformance-trends`: daily pass/fail/waived counts, as `GET /conformance/trends` gives
 * them, for an assistant asked "is team X getting better?".
 */
export function registerConformanceTrendsActions(options: {
  actionsRegistry: ActionsRegistryService;
  queries: TrendQueries;
  serviceCatalogAccess: boolean;
}) {
  const { actionsRegistry, queries } = options;
  actionsRegistry.register({
    name: 'get-conformance-trends',
    title: 'How has paved-road conformance changed over time?',
    description: [
      'Returns daily counts of passing, failing and waived paved-road rule results over the last',
      `days (1 to ${MAX_TREND_DAYS}, default 30), for every entity you can see, or one owner`,
      '(e.g. group:default/team-a) or one rule id. With by: "rule" or "owner" it also returns one',
      'series per rule or per owner. Days with no data count zero.',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          owner: z
            .string()
            .min(1)
            .max(512)
            .optional()
            .describe('Owner entity ref; a bare name is a group'),
          rule: z.string().min(1).max(200).optional().describe('A rule id'),
          days: z
            .number()
            .int()
            .min(1)
            .max(MAX_TREND_DAYS)
            .optional()
            .describe('How many days back, today included (default 30)'),
          by: z.enum(['rule', 'owner']).optional(),
        }),
      output: z =>
        z.object({
          days: z.array(trendDay(z)),
          series: z
            .array(z.object({ key: z.string(), days: z.array(trendDay(z)) }))
            .optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      assertMayReadCatalog(credentials, options.serviceCatalogAccess);
      const output = await queries.trends(credentials, {
        ...input,
        days: input.days ?? 30,
      });
      return { output };
    },
  });
}
