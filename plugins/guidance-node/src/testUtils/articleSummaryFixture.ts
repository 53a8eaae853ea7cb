import { ArticleSummary } from '@paved-road/plugin-guidance-common';

/**
 * An article summary for tests, as the guidance API lists articles: the id doubles as the title,
 * in category `sre`, updated 2026-01-01; any field can be given.
 * @public
 */
export function articleSummaryFixture(
  id: string,
  overrides: Partial<ArticleSummary> = {},
): ArticleSummary {
  return {
    id,
    title: id,
    summary: '',
    category: 'sre',
    tags: [],
    updated: '2026-01-01',
    readingTimeMinutes: 1,
    ...overrides,
  };
}
