import { z } from 'zod';
import { GUIDANCE_CATEGORY_IDS } from './categories';

/**
 * Article ids are kebab-case slugs; anything else is refused before any lookup.
 *
 * @public
 */
export const ARTICLE_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/**
 * Longest article id the API and the front matter accept.
 *
 * @public
 */
export const MAX_ARTICLE_ID_LENGTH = 100;
/**
 * Longest search query the API accepts: room for a pasted error line (a Kubernetes admission or
 * quota error is often 200–400 characters), not for a pasted log.
 *
 * @public
 */
export const MAX_SEARCH_QUERY_LENGTH = 500;
/**
 * Most results one search answers (`limit`).
 *
 * @public
 */
export const MAX_SEARCH_LIMIT = 50;

/**
 * An article id: a kebab-case slug of at most {@link MAX_ARTICLE_ID_LENGTH} characters.
 *
 * @public
 */
export const articleIdSchema = z
  .string()
  .max(MAX_ARTICLE_ID_LENGTH)
  .regex(ARTICLE_ID_PATTERN, 'must be a kebab-case slug, e.g. saga-pattern');

const tagSchema = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9.+#-]*$/, 'tags are lowercase, e.g. postgres');

/** YAML may read `updated: 2026-11-01` as a Date; both forms become YYYY-MM-DD. */
const dateSchema = z
  .union([z.string(), z.date()])
  .transform(v => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD'));

/**
 * When an article is suggested for an entity: any listed tag, annotation key, `spec.type` or kind.
 *
 * @public
 */
export const appliesToSchema = z
  .object({
    tags: z.array(z.string().min(1)).default([]),
    annotations: z.array(z.string().min(1)).default([]),
    types: z.array(z.string().min(1)).default([]),
    kinds: z.array(z.string().min(1)).default([]),
  })
  .strict();

/**
 * The front matter of one article, as written in its Markdown file.
 *
 * @public
 */
export const articleFrontMatterSchema = z
  .object({
    id: articleIdSchema.optional(),
    title: z.string().min(3).max(200),
    summary: z.string().min(10).max(300),
    category: z.enum(GUIDANCE_CATEGORY_IDS),
    tags: z.array(tagSchema).default([]),
    related: z.array(articleIdSchema).default([]),
    appliesTo: appliesToSchema.default({}),
    updated: dateSchema,
    /** When an expert last checked the article against its sources. */
    reviewed: dateSchema.optional(),
    /** Tool name to the version the article was checked against, e.g. `kubernetes: "1.34"`. */
    verifiedAgainst: z
      .record(
        z.string().min(1).max(60),
        z
          .union([z.string(), z.number()])
          .transform(String)
          .pipe(z.string().min(1).max(40)),
      )
      .optional(),
  })
  .strict();

/**
 * An article's front matter after validation, defaults filled in.
 *
 * @public
 */
export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;
/**
 * An article's `appliesTo` after validation.
 *
 * @public
 */
export type AppliesTo = z.infer<typeof appliesToSchema>;
