import {
  GUIDANCE_ANNOTATION,
  Recommendation,
  parseGuidanceAnnotation,
} from '@paved-road/plugin-guidance-common';
import type { ParsedArticle } from './parseArticle';

/** The parts of an entity recommendations look at; it need not exist in the catalog yet. */
export type EntityLike = {
  kind?: string;
  metadata?: { tags?: string[]; annotations?: Record<string, string> };
  spec?: { type?: unknown };
};

/**
 * Articles for an entity: those its guidance annotation names first (in the order named),
 * then those whose `appliesTo` rules match, most reasons first. No article appears twice.
 */
export function recommendForEntity(
  entity: EntityLike,
  articles: ReadonlyMap<string, ParsedArticle>,
): Recommendation[] {
  const annotations = entity.metadata?.annotations ?? {};
  const tags = new Set(
    (entity.metadata?.tags ?? []).map(t => String(t).toLowerCase()),
  );
  const type =
    typeof entity.spec?.type === 'string'
      ? entity.spec.type.toLowerCase()
      : undefined;
  const kind = entity.kind?.toLowerCase();

  const linked: Recommendation[] = [];
  for (const id of parseGuidanceAnnotation(annotations[GUIDANCE_ANNOTATION])) {
    const article = articles.get(id);
    if (article) {
      linked.push({
        article: article.summary,
        source: 'annotation',
        reasons: [`annotation ${GUIDANCE_ANNOTATION}`],
      });
    }
  }
  const listed = new Set(linked.map(r => r.article.id));

  const suggested: Recommendation[] = [];
  for (const article of articles.values()) {
    if (listed.has(article.summary.id)) continue;
    const rules = article.frontMatter.appliesTo;
    const reasons = [
      ...rules.tags.filter(t => tags.has(t.toLowerCase())).map(t => `tag ${t}`),
      ...rules.annotations
        .filter(a => a in annotations)
        .map(a => `annotation ${a}`),
      ...rules.types
        .filter(t => t.toLowerCase() === type)
        .map(t => `type ${t}`),
      ...rules.kinds
        .filter(k => k.toLowerCase() === kind)
        .map(k => `kind ${k}`),
    ];
    if (reasons.length > 0) {
      suggested.push({ article: article.summary, source: 'rule', reasons });
    }
  }
  suggested.sort(
    (a, b) =>
      b.reasons.length - a.reasons.length ||
      a.article.title.localeCompare(b.article.title),
  );
  return [...linked, ...suggested];
}
