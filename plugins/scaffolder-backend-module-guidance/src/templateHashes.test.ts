import os from 'os';
import { join } from 'path';
import fs from 'fs-extra';
import { defaultFragmentsRoot } from './actions/fetchFragment';
import { TEMPLATES_ROOT } from './__testUtils__/templateDirectory';
import {
  checkTemplateVersions,
  fragmentFoldersOf,
  readHashRecord,
  recordTemplateHashes,
  templateNames,
} from './templateHashes';

describe('template version guard', () => {
  it('every template is versioned, has a changelog entry and matches its recorded hash', async () => {
    const problems = await checkTemplateVersions({
      templatesRoot: TEMPLATES_ROOT,
      fragmentsRoot: defaultFragmentsRoot(),
      record: await readHashRecord(TEMPLATES_ROOT),
    });
    expect(problems).toEqual([]);
    expect(await templateNames(TEMPLATES_ROOT)).toContain('go-service');
  });

  it('takes the literal part of dynamic fragment names', () => {
    expect(
      fragmentFoldersOf({
        spec: {
          steps: [
            {
              action: 'guidance:fetch:fragment',
              input: { fragment: 'kubernetes/base' },
            },
            {
              action: 'guidance:fetch:fragment',
              input: { fragment: 'ci/${{ parameters.ciProvider }}' },
            },
            { action: 'fetch:template', input: { url: './content' } },
          ],
        },
      }),
    ).toEqual(['ci', 'kubernetes/base']);
  });

  describe('on a changed copy', () => {
    let dir: string;
    let templatesRoot: string;
    let fragmentsRoot: string;

    /** The version go-service is at, and the next one. */
    let current: number;
    let next: number;
    beforeEach(async () => {
      dir = await fs.mkdtemp(join(os.tmpdir(), 'template-guard-'));
      templatesRoot = join(dir, 'templates');
      fragmentsRoot = join(dir, 'fragments');
      await fs.copy(
        join(TEMPLATES_ROOT, 'go-service'),
        join(templatesRoot, 'go-service'),
      );
      await fs.copy(defaultFragmentsRoot(), fragmentsRoot);
      const record = await readHashRecord(TEMPLATES_ROOT);
      await fs.writeJson(join(templatesRoot, 'versions.json'), {
        'go-service': record['go-service'],
      });
      current = Number(
        (
          await fs.readFile(
            join(templatesRoot, 'go-service/template.yaml'),
            'utf8',
          )
        ).match(/paved-road\.dev\/template-version: '(\d+)'/)![1],
      );
      next = current + 1;
    });
    const setVersion = async (version: string) => {
      const templateFile = join(templatesRoot, 'go-service/template.yaml');
      await fs.writeFile(
        templateFile,
        (
          await fs.readFile(templateFile, 'utf8')
        ).replace(
          `paved-road.dev/template-version: '${current}'`,
          `paved-road.dev/template-version: '${version}'`,
        ),
      );
    };

    afterEach(() => fs.remove(dir));

    const check = async () =>
      checkTemplateVersions({
        templatesRoot,
        fragmentsRoot,
        record: await readHashRecord(templatesRoot),
      });

    it('passes on an unchanged copy', async () => {
      expect(await check()).toEqual([]);
    });

    it('fails when a fragment the template uses changes without a bump', async () => {
      const deployment = join(
        fragmentsRoot,
        'kubernetes/base/deploy/base/deployment.yaml',
      );
      await fs.appendFile(deployment, '# a change\n');
      const problems = await check();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(
        new RegExp(
          `^go-service: the template or a fragment it uses .*changed since version ${current} `,
        ),
      );
    });

    it('fails when the template content changes without a bump', async () => {
      await fs.appendFile(
        join(templatesRoot, 'go-service/content/README.md'),
        '\nmore\n',
      );
      expect(await check()).toEqual([
        expect.stringContaining(`changed since version ${current} `),
      ]);
    });

    it('ignores fragments the template does not use and edits of the changelog', async () => {
      await fs.outputFile(join(fragmentsRoot, 'unused/file.yaml'), 'a: 1\n');
      await fs.appendFile(
        join(templatesRoot, 'go-service/CHANGELOG.md'),
        '\ntypo fixed\n',
      );
      expect(await check()).toEqual([]);
    });

    it('after a bump asks for a changelog entry and a recorded hash, then passes', async () => {
      await fs.appendFile(
        join(templatesRoot, 'go-service/content/README.md'),
        '\nmore\n',
      );
      await setVersion(String(next));
      const problems = await check();
      expect(problems).toEqual([
        expect.stringContaining(`CHANGELOG.md has no "## v${next}" entry`),
        expect.stringContaining(`no content hash recorded for version ${next}`),
      ]);

      const changelog = join(templatesRoot, 'go-service/CHANGELOG.md');
      await fs.writeFile(
        changelog,
        (
          await fs.readFile(changelog, 'utf8')
        ).replace(
          `## v${current}`,
          `## v${next} — 2026-11-25\n\nREADME explains more.\n\n## v${current}`,
        ),
      );
      const { recorded } = await recordTemplateHashes({
        templatesRoot,
        fragmentsRoot,
      });
      expect(recorded).toEqual([`go-service@${next}`]);
      expect(await check()).toEqual([]);
      // The old versions' hashes stay recorded.
      expect(
        Object.keys((await readHashRecord(templatesRoot))['go-service']),
      ).toEqual(Array.from({ length: next }, (_, i) => String(i + 1)));
    });

    it('refuses to re-record a changed version without a bump', async () => {
      await fs.appendFile(
        join(templatesRoot, 'go-service/content/README.md'),
        '\nmore\n',
      );
      const { refused, recorded } = await recordTemplateHashes({
        templatesRoot,
        fragmentsRoot,
      });
      expect(recorded).toEqual([]);
      expect(refused).toEqual([
        expect.stringContaining(
          `go-service: version ${current} is already recorded`,
        ),
      ]);
    });

    it('rejects a missing or non-integer version annotation', async () => {
      await setVersion('v1');
      expect(await check()).toEqual([
        expect.stringContaining('must be a positive integer'),
      ]);
    });

    it('refuses a version that goes backwards, and will not record it', async () => {
      expect(current).toBeGreaterThan(1);
      await setVersion(String(current - 1));
      await fs.appendFile(
        join(templatesRoot, 'go-service/content/README.md'),
        '\nmore\n',
      );
      expect(await check()).toContainEqual(
        `go-service: version ${
          current - 1
        } is lower than version ${current}, already recorded in versions.json; a version never goes backwards (services on v${current} would be shown as current). Bump to v${next}`,
      );
      const { refused, recorded } = await recordTemplateHashes({
        templatesRoot,
        fragmentsRoot,
      });
      expect(recorded).toEqual([]);
      expect(refused).toEqual([
        `go-service: version ${
          current - 1
        } is lower than version ${current}, already recorded; bump to v${next}`,
      ]);
    });
  });
});
