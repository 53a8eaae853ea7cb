import { tmpdir } from 'os';
import { run } from './__testUtils__/fixtureRepository';
import { CLI_OPTIONS } from './run';

type HelpPage = { usage?: string; sections: Record<string, string[]> };

/**
 * Reads a help page the way `backstage-repo-tools api-reports` does for cli-report.md: a line
 * that ends with a colon opens a section, which runs to the next unindented line; each entry is
 * an indented term followed by two spaces or more. A heading it does not know fails the report
 * ("Unknown CLI section"), so this parser refuses it too.
 */
function readHelpPage(text: string): HelpPage {
  const usage = text.match(/^Usage: (.*)$/m)?.[1];
  const sections: Record<string, string[]> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].endsWith(':')) continue;
    const name = lines[i];
    if (!['Usage:', 'Arguments:', 'Options:', 'Commands:'].includes(name)) {
      throw new Error(`unknown section heading ${JSON.stringify(name)}`);
    }
    const entries: string[] = [];
    for (i++; i < lines.length && !/^\S/.test(lines[i]); i++) {
      const term = lines[i].match(/^\s{1,8}(.*?)\s\s+/)?.[1];
      if (term) entries.push(term);
    }
    i--;
    sections[name.slice(0, -1)] = entries;
  }
  return { usage, sections };
}

async function help(argv: string[]) {
  const { code, stdout, stderr } = await run(tmpdir(), argv);
  expect(code).toBe(0);
  expect(stderr).toBe('');
  return { text: stdout, page: readHelpPage(stdout) };
}

describe('paved-road help pages', () => {
  it('--help lists the options and the check command in Commander sections', async () => {
    const { page } = await help(['--help']);
    expect(page).toEqual({
      usage: 'paved-road [options] [command]',
      sections: {
        Options: ['--version', '-h, --help'],
        Commands: ['check [options] [paths…]'],
      },
    });
    // -h is the same page
    expect((await help(['-h'])).text).toBe((await help(['--help'])).text);
  });

  it('check --help has its usage, its argument and every option check takes', async () => {
    const { text, page } = await help(['check', '--help']);
    expect(page.usage).toBe('paved-road check [options] [paths…]');
    expect(page.sections.Arguments).toEqual(['paths']);
    expect(Object.keys(page.sections)).toEqual(['Arguments', 'Options']);
    // what the old single page said stays said
    expect(text).toContain('With --report-ref the results are also pushed');
    expect(text).toContain('Exit codes: 0 passed, 1 a rule at or above');
    expect(text).toContain('(default: $PAVED_ROAD_TOKEN)');
  });

  it('between them the pages document every flag the command line accepts', async () => {
    const main = (await help(['--help'])).page.sections.Options;
    const check = (await help(['check', '--help'])).page.sections.Options;
    const documented = new Set(
      [...main, ...check].flatMap(term =>
        term.split(/,\s*/).map(flag => flag.split(' ')[0].replace(/^--?/, '')),
      ),
    );
    const accepted = Object.entries(CLI_OPTIONS).flatMap(([name, option]) =>
      'short' in option ? [name, option.short] : [name],
    );
    expect([...documented].sort()).toEqual(accepted.sort());
    expect(check).not.toContain('--version');
  });

  it('refuses a page with a heading cli-report cannot read', () => {
    expect(() =>
      readHelpPage('Usage: x\n\nPushing the results:\n  --a  b\n'),
    ).toThrow('unknown section heading "Pushing the results:"');
  });
});
