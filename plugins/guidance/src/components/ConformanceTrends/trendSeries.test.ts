import { ConformanceTrendDay } from '@paved-road/plugin-guidance-common';
import { mostFailingSeries, seriesCaption } from './trendSeries';

const days = (...fails: number[]): ConformanceTrendDay[] =>
  fails.map((fail, i) => ({
    date: `2026-12-0${i + 1}`,
    pass: 1,
    fail,
    waived: 0,
  }));

describe('mostFailingSeries', () => {
  it('leaves out series that never failed and keeps the most failing first, at most max', () => {
    const series = [
      { key: 'never', days: days(0, 0, 0) },
      { key: 'some', days: days(1, 0, 1) },
      { key: 'most', days: days(3, 2, 2) },
      { key: 'once', days: days(0, 0, 1) },
      { key: 'also-once', days: days(1, 0, 0) },
    ];
    const { shown, failing } = mostFailingSeries(series, 3);
    expect(shown.map(s => s.key)).toEqual(['most', 'some', 'also-once']);
    expect(failing).toBe(4);
  });

  it('draws nothing when nothing failed', () => {
    expect(mostFailingSeries([{ key: 'a', days: days(0, 0) }])).toEqual({
      shown: [],
      failing: 0,
    });
  });
});

describe('seriesCaption', () => {
  it('says how many failed and how many of them are drawn', () => {
    expect(seriesCaption(0, 0, 'rules')).toBe(
      'No rules failed in this window.',
    );
    expect(seriesCaption(3, 3, 'rules')).toBe('3 rules failed in this window.');
    expect(seriesCaption(12, 8, 'rules')).toBe(
      '12 rules failed in this window; the 8 with the most failing results are drawn.',
    );
  });
});
