import { requireTool } from './externalTool';

describe('requireTool', () => {
  it('names the missing tool and how to install it', () => {
    expect(() =>
      requireTool(
        'paved-road-no-such-tool',
        ['--version'],
        'apt-get install -y nothing',
      ),
    ).toThrow(
      'paved-road-no-such-tool is required by the content tests but was not found. Install it with: apt-get install -y nothing (.ci/run does this).',
    );
  });

  it('returns the version output of a tool that is there', () => {
    expect(requireTool('node', ['--version'], 'n/a')).toMatch(/^v\d+\./);
  });
});
