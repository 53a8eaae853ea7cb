import { LifecycleTable } from '@paved-road/plugin-guidance-common';
import {
  DEFAULT_REVIEW_INTERVAL_DAYS,
  isStale,
  provenanceOf,
  readReviewIntervalDays,
} from './provenance';

const TABLE: LifecycleTable = {
  asOf: '2026-11-01',
  sources: {},
  cycles: [
    { product: 'kubernetes', cycle: '1.34', eol: '2026-10-27' },
    { product: 'kubernetes', cycle: '1.35', eol: '2027-02-28' },
    { product: 'pgbouncer', cycle: '1.25', eol: false, latest: '1.25.3' },
  ],
};

const on = (day: string, reviewIntervalDays = 365) => ({
  reviewIntervalDays,
  now: () => new Date(`${day}T15:30:00Z`),
  lifecycle: () => TABLE,
});

describe('article provenance', () => {
  it('is stale once the review is more than the interval old, counted in whole UTC days', () => {
    expect(isStale('2025-11-24', on('2026-11-24'))).toBe(false); // exactly 365 days
    expect(isStale('2025-11-23', on('2026-11-24'))).toBe(true);
    expect(isStale('2026-11-20', on('2026-11-24', 3))).toBe(true);
    expect(isStale('2026-11-21', on('2026-11-24', 3))).toBe(false);
  });

  it('is stale without a review date or with one that is not a date', () => {
    expect(isStale(undefined, on('2026-11-24'))).toBe(true);
    expect(isStale('2026-13-45', on('2026-11-24'))).toBe(true);
  });

  it('serves reviewed and verifiedAgainst only when the front matter has them', () => {
    expect(
      provenanceOf(
        { reviewed: '2026-11-01', verifiedAgainst: { kubernetes: '1.35' } },
        on('2026-11-24'),
      ),
    ).toEqual({
      reviewed: '2026-11-01',
      verifiedAgainst: { kubernetes: '1.35' },
      stale: false,
      staleReasons: [],
      versionNotes: [],
    });
    expect(provenanceOf({}, on('2026-11-24'))).toEqual({
      stale: true,
      staleReasons: ['no review date'],
      versionNotes: [],
    });
  });

  it('is stale with a reason for every version past its end of life, and for an old review', () => {
    expect(
      provenanceOf(
        { reviewed: '2026-11-01', verifiedAgainst: { kubernetes: '1.34' } },
        on('2026-10-26'),
      ).stale,
    ).toBe(false);
    expect(
      provenanceOf(
        { reviewed: '2026-11-01', verifiedAgainst: { kubernetes: '1.34' } },
        on('2026-11-24'),
      ),
    ).toMatchObject({
      stale: true,
      staleReasons: ['Kubernetes 1.34: end of life since 2026-10-27'],
    });
    expect(
      provenanceOf(
        { reviewed: '2025-01-01', verifiedAgainst: { kubernetes: '1.34' } },
        on('2026-11-24'),
      ).staleReasons,
    ).toEqual([
      'reviewed 2025-01-01, more than 365 days ago',
      'Kubernetes 1.34: end of life since 2026-10-27',
    ]);
  });

  it('notes a newer patch without making the article stale', () => {
    expect(
      provenanceOf(
        { reviewed: '2026-11-01', verifiedAgainst: { pgbouncer: '1.25.2' } },
        on('2026-11-24'),
      ),
    ).toMatchObject({
      stale: false,
      staleReasons: [],
      versionNotes: ['PgBouncer 1.25.2: newer release available (1.25.3)'],
    });
  });

  it('reads the interval from config, defaulting to 365 and refusing nonsense', () => {
    expect(readReviewIntervalDays(undefined)).toBe(
      DEFAULT_REVIEW_INTERVAL_DAYS,
    );
    expect(DEFAULT_REVIEW_INTERVAL_DAYS).toBe(365);
    expect(readReviewIntervalDays(30)).toBe(30);
    expect(() => readReviewIntervalDays(0)).toThrow(
      'guidance.reviewIntervalDays must be a whole number of days, at least 1; got 0',
    );
    expect(() => readReviewIntervalDays(1.5)).toThrow(/whole number/);
  });
});
