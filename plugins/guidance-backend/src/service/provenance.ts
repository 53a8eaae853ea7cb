import {
  ArticleFrontMatter,
  LifecycleTable,
  SHIPPED_LIFECYCLE,
  checkVerifiedAgainst,
} from '@paved-road/plugin-guidance-common';

export const DEFAULT_REVIEW_INTERVAL_DAYS = 365;

/** How the library decides that an article's review is too old. */
export type ReviewPolicy = {
  reviewIntervalDays: number;
  /** Injected so tests (and a reload) can pin "today". */
  now: () => Date;
  /**
   * The release cycles now (read on every snapshot: a refresh replaces the table). Defaults
   * to the shipped table.
   */
  lifecycle?: () => LifecycleTable;
};

export const defaultReviewPolicy = (): ReviewPolicy => ({
  reviewIntervalDays: DEFAULT_REVIEW_INTERVAL_DAYS,
  now: () => new Date(),
});

/** The table a policy reads now. */
export const lifecycleOf = (policy: ReviewPolicy): LifecycleTable =>
  policy.lifecycle?.() ?? SHIPPED_LIFECYCLE;

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

/** Why a review date no longer vouches for the article, or undefined while it does. */
export function reviewReason(
  reviewed: string | undefined,
  policy: ReviewPolicy,
): string | undefined {
  if (!isStale(reviewed, policy)) return undefined;
  return reviewed
    ? `reviewed ${reviewed}, more than ${policy.reviewIntervalDays} days ago`
    : 'no review date';
}

/** The provenance fields the API serves for an article. */
export function provenanceOf(
  frontMatter: Pick<ArticleFrontMatter, 'reviewed' | 'verifiedAgainst'>,
  policy: ReviewPolicy,
): {
  reviewed?: string;
  verifiedAgainst?: Record<string, string>;
  stale: boolean;
  staleReasons: string[];
  versionNotes: string[];
} {
  const review = reviewReason(frontMatter.reviewed, policy);
  const versions = checkVerifiedAgainst(
    frontMatter.verifiedAgainst,
    lifecycleOf(policy),
    utcDay(policy.now()),
  );
  const staleReasons = [...(review ? [review] : []), ...versions.endOfLife];
  return {
    ...(frontMatter.reviewed ? { reviewed: frontMatter.reviewed } : {}),
    ...(frontMatter.verifiedAgainst
      ? { verifiedAgainst: frontMatter.verifiedAgainst }
      : {}),
    stale: staleReasons.length > 0,
    staleReasons,
    versionNotes: versions.newerReleases,
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
