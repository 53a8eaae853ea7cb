import { ConfigReader } from '@backstage/config';
import { RuleEnforcement, readRuleEnforcement } from './enforcement';
import { readNotifierSettings } from './ConformanceNotifier';
import { readRetentionDays } from './ConformanceTrends';

const read = (rules: object) =>
  readRuleEnforcement(new ConfigReader({ rules }));

describe('staged rule settings', () => {
  it('enforces a rule config does not name, and switches a staged one on its enforceFrom day (UTC)', () => {
    const enforcement = new RuleEnforcement(
      read({
        'image-pinned': { enforcement: 'warn', enforceFrom: '2027-01-15' },
        'readiness-probe': { enforcement: 'audit' },
        'cronjob-deadline': { enforcement: 'off' },
      }),
    );
    const at = (iso: string) => new Date(iso);
    expect(enforcement.of('other-rule', at('2027-01-01T00:00:00Z'))).toBe(
      'enforce',
    );
    expect(enforcement.of('image-pinned', at('2027-01-14T23:59:59Z'))).toBe(
      'warn',
    );
    expect(enforcement.of('image-pinned', at('2027-01-15T00:00:00Z'))).toBe(
      'enforce',
    );
    expect(enforcement.of('readiness-probe', at('2030-01-01T00:00:00Z'))).toBe(
      'audit',
    );
    expect(enforcement.of('cronjob-deadline', at('2030-01-01T00:00:00Z'))).toBe(
      'off',
    );
    expect(enforcement.upcoming(at('2027-01-01T10:00:00Z'))).toEqual([
      { ruleId: 'image-pinned', enforceFrom: '2027-01-15', days: 14 },
    ]);
    expect(enforcement.upcoming(at('2027-01-15T10:00:00Z'))).toEqual([]);
  });

  it('refuses wrong settings, naming the key', () => {
    expect(() => read({ x: { enforcement: 'strict' } })).toThrow(
      'guidance.conformance.rules.x.enforcement must be one of off, audit, warn, enforce, got "strict"',
    );
    expect(() =>
      read({ x: { enforcement: 'warn', enforceFrom: '2027-02-30' } }),
    ).toThrow(
      'guidance.conformance.rules.x.enforceFrom must be a date written YYYY-MM-DD, got "2027-02-30"',
    );
    expect(() =>
      read({ x: { enforcement: 'warn', enforceFrom: 20270101 } }),
    ).toThrow(
      'guidance.conformance.rules.x.enforceFrom must be a date written YYYY-MM-DD, got "20270101"',
    );
    expect(() =>
      read({ x: { enforcement: 'enforce', enforceFrom: '2027-01-01' } }),
    ).toThrow(
      'guidance.conformance.rules.x.enforceFrom only applies to an "audit" or "warn" rule; this one is "enforce"',
    );
  });

  it('reads notification and retention settings with their defaults, and refuses wrong ones', () => {
    expect(readNotifierSettings(undefined)).toEqual({
      enabled: true,
      waiverWarningDays: 14,
      enforcementWarningDays: 14,
      weeklyDigest: new Set(),
    });
    const custom = readNotifierSettings(
      new ConfigReader({
        notifications: {
          waiverWarningDays: 30,
          weeklyDigest: ['team-a', 'user:default/jo'],
        },
      }),
    );
    expect(custom.waiverWarningDays).toBe(30);
    expect([...custom.weeklyDigest]).toEqual([
      'group:default/team-a',
      'user:default/jo',
    ]);
    expect(() =>
      readNotifierSettings(
        new ConfigReader({ notifications: { waiverWarningDays: -1 } }),
      ),
    ).toThrow(
      'guidance.conformance.notifications.waiverWarningDays must be a whole number of days from 0 to 365, got -1',
    );
    expect(readRetentionDays(undefined)).toBe(400);
    expect(() =>
      readRetentionDays(new ConfigReader({ history: { retentionDays: 0 } })),
    ).toThrow(
      'guidance.conformance.history.retentionDays must be a whole number from 1 to 3650, got 0',
    );
  });
});
