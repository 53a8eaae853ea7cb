import {
  DEFAULT_REVIEW_INTERVAL_DAYS,
  isStale,
  provenanceOf,
  readReviewIntervalDays,
} from './provenance';

const on = (day: string, reviewIntervalDays = 365) => ({
  reviewIntervalDays,
  now: () => new Date(`${day}T15:30:00Z`),
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
        { reviewed: '2026-11-01', verifiedAgainst: { kubernetes: '1.34' } },
        on('2026-11-24'),
      ),
    ).toEqual({
      reviewed: '2026-11-01',
      verifiedAgainst: { kubernetes: '1.34' },
      stale: false,
    });
    expect(provenanceOf({}, on('2026-11-24'))).toEqual({ stale: true });
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
