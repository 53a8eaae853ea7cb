/**
 * The fixed guidance categories, in the order the portal lists them.
 *
 * @public
 */
export const GUIDANCE_CATEGORIES = [
  { id: 'observability', title: 'Observability' },
  { id: 'security', title: 'Security' },
  { id: 'ci-cd', title: 'CI/CD' },
  { id: 'gitops', title: 'GitOps' },
  { id: 'kubernetes', title: 'Kubernetes' },
  { id: 'databases', title: 'Databases' },
  { id: 'networking', title: 'Networking' },
  { id: 'linux', title: 'Linux' },
  { id: 'sre', title: 'SRE' },
  { id: 'architecture', title: 'Architecture' },
  { id: 'platform-engineering', title: 'Platform engineering' },
] as const;

/**
 * The id of one of the fixed categories, e.g. `databases`.
 *
 * @public
 */
export type GuidanceCategoryId = (typeof GUIDANCE_CATEGORIES)[number]['id'];

/**
 * Every category id, in display order.
 *
 * @public
 */
export const GUIDANCE_CATEGORY_IDS = GUIDANCE_CATEGORIES.map(c => c.id) as [
  GuidanceCategoryId,
  ...GuidanceCategoryId[],
];

/**
 * Human title of a category id (the id itself for an unknown one).
 *
 * @public
 */
export function categoryTitle(id: string): string {
  return GUIDANCE_CATEGORIES.find(c => c.id === id)?.title ?? id;
}
