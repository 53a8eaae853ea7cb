import { isWaiverActive, readWaivers } from './waivers';

describe('readWaivers', () => {
  it('reads a dated waiver per rule and reports a malformed one instead of applying it', () => {
    const { waivers, invalid } = readWaivers({
      metadata: {
        annotations: {
          'paved-road.dev/waive.image-pinned':
            '2027-01-31 vendor image pins its own tag ',
          'paved-road.dev/waive.readiness-probe': 'soon',
          'paved-road.dev/waive.pdb': '2027-02-30 no such day',
          'backstage.io/techdocs-ref': 'dir:.',
        },
      },
    });
    expect([...waivers]).toEqual([
      [
        'image-pinned',
        { until: '2027-01-31', reason: 'vendor image pins its own tag' },
      ],
    ]);
    expect(invalid.get('readiness-probe')).toBe(
      'waiver ignored: paved-road.dev/waive.readiness-probe must be "<YYYY-MM-DD> <reason>", got "soon"',
    );
    expect(invalid.has('pdb')).toBe(true);
  });

  it('reads nothing from an entity without annotations', () => {
    expect(readWaivers({}).waivers.size).toBe(0);
    expect(readWaivers({ metadata: {} }).invalid.size).toBe(0);
  });
});

describe('isWaiverActive', () => {
  const waiver = { until: '2027-01-31', reason: 'r' };
  it('holds through its date and lapses the day after (UTC)', () => {
    expect(isWaiverActive(waiver, new Date('2027-01-31T23:59:59Z'))).toBe(true);
    expect(isWaiverActive(waiver, new Date('2027-02-01T00:00:00Z'))).toBe(
      false,
    );
  });
});
