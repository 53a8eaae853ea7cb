import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { assertMayReadCatalog } from '@paved-road/plugin-guidance-node';
import { TrendQueries } from '../service/conformance/trendQueries';

/**
 * `preview-rule`: which entities (and owners) a rule would fail if it were enforced today, as
 * `GET /conformance/preview` gives it: the blast radius before a staged rule is switched on.
 */
export function registerPreviewRuleAction(options: {
  actionsRegistry: ActionsRegistryService;
  queries: TrendQueries;
  serviceCatalogAccess: boolean;
}) {
  const { actionsRegistry, queries } = options;
  actionsRegistry.register({
    name: 'preview-rule',
    title: 'Who would a paved-road rule fail if enforced today?',
    description: [
      'Lists the catalog entities you can see that fail the given paved-road rule today (waivers',
      'applied), with their owners and the findings, whatever the rule enforcement is now; also',
      'the rule enforcement setting (off, audit, warn or enforce, and enforceFrom) and what',
      'applies today.',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          rule: z
            .string()
            .min(1)
            .max(200)
            .describe('A rule id, e.g. image-pinned'),
        }),
      output: z =>
        z.object({
          rule: z.string(),
          entities: z.array(
            z.object({
              entityRef: z.string(),
              owner: z.string().nullable(),
              findings: z.array(
                z.object({
                  file: z.string().optional(),
                  object: z.string().optional(),
                  line: z.number().optional(),
                  column: z.number().optional(),
                  message: z.string(),
                }),
              ),
            }),
          ),
          enforcement: z.object({
            enforcement: z.enum(['off', 'audit', 'warn', 'enforce']),
            enforceFrom: z.string().optional(),
          }),
          enforcementToday: z.enum(['off', 'audit', 'warn', 'enforce']),
        }),
    },
    action: async ({ input, credentials }) => {
      assertMayReadCatalog(credentials, options.serviceCatalogAccess);
      return { output: await queries.preview(credentials, input.rule) };
    },
  });
}
