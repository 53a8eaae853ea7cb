import {
  parseTemplateChangelog,
  parseTemplateOrigin,
  upgradeBranchName,
} from './templateVersion';

describe('parseTemplateOrigin', () => {
  it('reads name@version', () => {
    expect(parseTemplateOrigin('go-service@4')).toEqual({
      template: 'go-service',
      version: 4,
    });
  });

  it.each([undefined, '', 'go-service', 'go-service@', 'go-service@v2', '@3'])(
    'rejects %p',
    value => {
      expect(parseTemplateOrigin(value)).toBeUndefined();
    },
  );
});

describe('parseTemplateChangelog', () => {
  it('reads entries newest first with their bodies', () => {
    const entries = parseTemplateChangelog(
      [
        '# Changelog',
        '',
        '## v1 — 2026-11-01',
        'First version.',
        '',
        '## v2 — 2026-11-20',
        '- New label.',
        '- Probe path changed.',
      ].join('\n'),
    );
    expect(entries).toEqual([
      {
        version: 2,
        date: '2026-11-20',
        body: '- New label.\n- Probe path changed.',
      },
      { version: 1, date: '2026-11-01', body: 'First version.' },
    ]);
  });

  it('returns nothing for a file without version headings', () => {
    expect(parseTemplateChangelog('# Changelog\n\nnothing yet')).toEqual([]);
  });
});

it('names upgrade branches after the version', () => {
  expect(upgradeBranchName(3)).toBe('paved-road/upgrade-v3');
});
