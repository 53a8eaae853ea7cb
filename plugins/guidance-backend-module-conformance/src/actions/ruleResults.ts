/** How a rule result looks in an action's output; typed loosely so the registry's zod instance is the one used. */
export const ruleResultSchema = (z: any) =>
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

/** The counts of a report, per status. */
export const summaryCountsSchema = (z: any) =>
  z.object({
    pass: z.number(),
    fail: z.number(),
    waived: z.number(),
    notApplicable: z.number(),
  });

/** Adds to each result the portal link of the section that explains its rule. */
export function withArticleLinks<
  T extends { rule: { article: { id: string; section?: { id: string } } } },
>(appBaseUrl: string, results: T[]): (T & { url: string })[] {
  const base = appBaseUrl.replace(/\/+$/, '');
  return results.map(r => {
    const section = r.rule.article.section?.id;
    return {
      ...r,
      url: `${base}/guidance/${r.rule.article.id}${
        section ? `#${section}` : ''
      }`,
    };
  });
}
