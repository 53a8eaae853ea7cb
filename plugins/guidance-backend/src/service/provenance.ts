import { ArticleFrontMatter } from '@paved-road/plugin-guidance-common';

export const DEFAULT_REVIEW_INTERVAL_DAYS = 365;

/** How the library decides that an article's review is too old. */
export type ReviewPolicy = {
  reviewIntervalDays: number;
  /** Injected so tests (and a reload) can pin "today". */
  now: () => Date;
};

export const defaultReviewPolicy = (): ReviewPolicy => ({
  reviewIntervalDays: DEFAULT_REVIEW_INTERVAL_DAYS,
  now: () => new Date(),
});

/** YYYY-MM-DD of a moment, in UTC: staleness changes once a day, everywhere at once. */
export const utcDay = (d: Date) => d.toISOString().slice(0, 10);

const DAY_MS = 24 * 60 * 60 * 1000;

/** Stale when there is no review date or it is more than the interval before today. */
export function isStale(
  reviewed: string | undefined,
  policy: ReviewPolicy,
): boolean {
  if (!reviewed) return true;
  const reviewedAt = Date.parse(`${reviewed}T00:00:00Z`);
  if (Number.isNaN(reviewedAt)) return true;
  const today = Date.parse(`${utcDay(policy.now())}T00:00:00Z`);
  return today - reviewedAt > policy.reviewIntervalDays * DAY_MS;
}

/** The provenance fields the API serves for an article. */
export function provenanceOf(
  frontMatter: Pick<ArticleFrontMatter, 'reviewed' | 'verifiedAgainst'>,
  policy: ReviewPolicy,
): {
  reviewed?: string;
  verifiedAgainst?: Record<string, string>;
  stale: boolean;
} {
  return {
    ...(frontMatter.reviewed ? { reviewed: frontMatter.reviewed } : {}),
    ...(frontMatter.verifiedAgainst
      ? { verifiedAgainst: frontMatter.verifiedAgainst }
      : {}),
    stale: isStale(frontMatter.reviewed, policy),
  };
}

/** Reads `guidance.reviewIntervalDays`; a value that is not a positive whole number is refused. */
export function readReviewIntervalDays(value: number | undefined): number {
  if (value === undefined) return DEFAULT_REVIEW_INTERVAL_DAYS;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `guidance.reviewIntervalDays must be a whole number of days, at least 1; got ${value}`,
    );
  }
  return value;
}
