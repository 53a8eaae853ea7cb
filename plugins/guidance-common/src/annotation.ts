/**
 * Annotation naming the guidance articles an entity follows: comma-separated article ids.
 * @public
 */
export const GUIDANCE_ANNOTATION = 'paved-road.dev/guidance';

/**
 * Splits the annotation value into ids, trimmed, empty parts and repeats dropped.
 *
 * @public
 */
export function parseGuidanceAnnotation(value: string | undefined): string[] {
  if (!value) return [];
  const ids = value
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
  return [...new Set(ids)];
}
