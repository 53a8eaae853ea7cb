import { NotFoundError } from '@backstage/errors';
import {
  ARTICLE_ID_PATTERN,
  MAX_ARTICLE_ID_LENGTH,
} from '@paved-road/plugin-guidance-common';
import { sectionMarkdown } from '../service/markdownSections';
import {
  ACTION_LIMITS,
  sectionIdPattern,
  GuidanceActionContext,
} from './guidanceActionContext';

/** Registers `get-guidance-article`. */
export function registerGetGuidanceArticleAction(ctx: GuidanceActionContext) {
  const { actionsRegistry, link, getArticle } = ctx;
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
}
