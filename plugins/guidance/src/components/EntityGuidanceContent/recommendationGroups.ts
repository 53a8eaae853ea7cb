import { Recommendation } from '@paved-road/plugin-guidance-common';

/** Explicit links (the annotation) first, then rule-based suggestions; no article twice. */
export function splitRecommendations(items: Recommendation[]) {
  const seen = new Set<string>();
  const unique = items.filter(item => {
    if (seen.has(item.article.id)) {
      return false;
    }
    seen.add(item.article.id);
    return true;
  });
  return {
    linked: unique.filter(item => item.source === 'annotation'),
    suggested: unique.filter(item => item.source === 'rule'),
  };
}
