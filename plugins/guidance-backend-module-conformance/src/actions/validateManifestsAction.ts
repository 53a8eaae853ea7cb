import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { RuleRegistry, VALIDATE_LIMITS } from '../service/rules';
import {
  ruleResultSchema,
  summaryCountsSchema,
  withArticleLinks,
} from './ruleResults';

/** Registers `validate-manifests`: the rule set over files sent in the call, as `POST /validate`. */
export function registerValidateManifestsAction(options: {
  actionsRegistry: ActionsRegistryService;
  rules: RuleRegistry;
  appBaseUrl: string;
}) {
  const { actionsRegistry, rules, appBaseUrl } = options;
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
            .max(
              VALIDATE_LIMITS.files,
              `at most ${VALIDATE_LIMITS.files} files`,
            ),
        }),
      output: z =>
        z.object({
          summary: summaryCountsSchema(z),
          results: z.array(ruleResultSchema(z)),
        }),
    },
    action: async ({ input }) => {
      const bytes = input.files.reduce(
        (n, f) => n + Buffer.byteLength(f.content),
        0,
      );
      if (bytes > VALIDATE_LIMITS.totalBytes) {
        throw new InputError(
          `files total ${bytes} bytes; at most ${VALIDATE_LIMITS.totalBytes} (1 MiB) per call`,
        );
      }
      const report = await rules.validate(input.files);
      return {
        output: {
          summary: report.summary,
          results: withArticleLinks(appBaseUrl, report.results),
        },
      };
    },
  });
}
