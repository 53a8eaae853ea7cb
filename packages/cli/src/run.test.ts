import { promises as fs } from 'fs';
import { join } from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  WEB_DEPLOYMENT,
  WEB_SERVICE,
  catalogInfo,
  run,
  writeRepository,
} from './__testUtils__/fixtureRepository';
import { MARKDOWN_MARKER } from './formats/markdown';

/** The error-severity rules the fixture's Deployment fails. */
const ERROR_RULES = [
  'readiness-probe',
  'liveness-probe',
  'resources',
  'memory-limit',
  'non-root',
  'pdb',
];

describe('paved-road check, locally', () => {
  let repo: string;

  beforeAll(async () => {
    repo = await writeRepository({
      'catalog-info.yaml': catalogInfo({
        'paved-road.dev/waive.image-tag':
          '2027-01-31 vendor image pins its own tag',
      }),
      'deploy/app.yaml': WEB_DEPLOYMENT + WEB_SERVICE,
      // not under an include glob: never read
      'docs/example.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata: { name: x }\nspec:\n  containers: [{ name: x, image: busybox:1.37 }]\n',
    });
  });

  afterAll(() => fs.rm(repo, { recursive: true, force: true }));

  it('reports failing rules with file:line, applies the waiver, and exits 1', async () => {
    const { code, stdout, stderr } = await run(repo, ['check']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain(
      'FAIL error  readiness-probe  Long-running containers have a readiness probe\n' +
        '  deploy/app.yaml:15:11 Deployment/web: container "web" has no readinessProbe\n',
    );
    expect(stdout).toContain(
      'WAIVED error  image-tag  Images name a version, not latest\n' +
        '  waived until 2027-01-31: vendor image pins its own tag\n',
    );
    expect(stdout).not.toContain('docs/example.yaml');
    expect(stdout).toMatch(/6 at or above error: check failed\n$/);
  });

  it('the same verdicts in json, the ValidateResponse shape', async () => {
    const { code, stdout } = await run(repo, ['check', '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    const failing = report.results
      .filter((r: any) => r.status === 'fail' && r.rule.severity === 'error')
      .map((r: any) => r.rule.id)
      .sort();
    expect(failing).toEqual([...ERROR_RULES].sort());
    const imageTag = report.results.find((r: any) => r.rule.id === 'image-tag');
    expect(imageTag).toMatchObject({
      status: 'waived',
      waiver: { until: '2027-01-31', reason: 'vendor image pins its own tag' },
    });
    expect(report.summary.fail).toBe(
      report.results.filter((r: any) => r.status === 'fail').length,
    );
    // the Service is the second document: its object line is past the Deployment
    const selector = report.results.find(
      (r: any) => r.rule.id === 'service-selector',
    );
    expect(selector.status).toBe('pass');
  });

  it('fails again once the waiver has lapsed, and says so', async () => {
    const { code, stdout } = await run(repo, ['check'], {
      now: '2027-02-01T00:00:00Z',
    });
    expect(code).toBe(1);
    expect(stdout).toContain(
      'FAIL error  image-tag  Images name a version, not latest\n' +
        '  waiver lapsed on 2027-01-31: vendor image pins its own tag\n',
    );
  });

  it('writes SARIF 2.1.0 that the schema accepts, with rules, help links and positions', async () => {
    const { code, stdout } = await run(repo, [
      'check',
      '--format',
      'sarif',
      '--docs-url',
      'https://portal.example.com/',
    ]);
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    const schema = JSON.parse(
      await fs.readFile(
        require.resolve(
          '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
        ),
        'utf8',
      ),
    );
    // the schema's `language` pattern is not valid with the `u` flag
    const ajv = new Ajv({
      allErrors: true,
      strict: false,
      unicodeRegExp: false,
    });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log) ? [] : validate.errors).toEqual([]);

    expect(log.version).toBe('2.1.0');
    const [sarifRun] = log.runs;
    const rules = sarifRun.tool.driver.rules;
    expect(sarifRun.tool.driver.name).toBe('paved-road');
    const readiness = rules.find((r: any) => r.id === 'readiness-probe');
    expect(readiness).toMatchObject({
      shortDescription: {
        text: 'Long-running containers have a readiness probe',
      },
      helpUri:
        'https://portal.example.com/guidance/minikube-deployment-patterns#rule-readiness-probe',
      defaultConfiguration: { level: 'error' },
    });
    for (const result of sarifRun.results) {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning']).toContain(result.level);
      expect(result.message.text).toBeTruthy();
    }
    const probe = sarifRun.results.find(
      (r: any) => r.ruleId === 'readiness-probe',
    );
    expect(probe.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'deploy/app.yaml' },
          // the container the finding is about, not only its Deployment
          region: { startLine: 15, startColumn: 11 },
        },
      },
    ]);
    // every finding with a position has it in its result, in the order of the json report
    const json = JSON.parse(
      (await run(repo, ['check', '--format', 'json'])).stdout,
    );
    const positioned = json.results
      .filter((r: any) => r.status === 'fail' || r.status === 'waived')
      .flatMap((r: any) =>
        r.findings.map((f: any) => [r.rule.id, f.file, f.line, f.column]),
      );
    expect(positioned.length).toBeGreaterThan(ERROR_RULES.length);
    expect(positioned.every(([, , line]: any[]) => line !== undefined)).toBe(
      true,
    );
    expect(
      sarifRun.results.map((r: any) => {
        const where = r.locations[0].physicalLocation;
        return [
          r.ruleId,
          where.artifactLocation.uri,
          where.region.startLine,
          where.region.startColumn,
        ];
      }),
    ).toEqual(positioned);
    const waived = sarifRun.results.find((r: any) => r.ruleId === 'image-tag');
    expect(waived.suppressions).toEqual([
      {
        kind: 'external',
        justification: 'waived until 2027-01-31: vendor image pins its own tag',
      },
    ]);
    // every failing rule has a result, and no passing rule has one
    const withResults = new Set(sarifRun.results.map((r: any) => r.ruleId));
    for (const id of ERROR_RULES) expect(withResults.has(id)).toBe(true);
    expect(withResults.has('yaml')).toBe(false);
  });

  it('writes JUnit XML that parses: a testcase per rule, a failure per failing rule', async () => {
    const { code, stdout } = await run(repo, ['check', '--format', 'junit']);
    expect(code).toBe(1);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const xml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: name => name === 'testcase',
    }).parse(stdout);
    const suite = xml.testsuites.testsuite;
    const json = JSON.parse(
      (await run(repo, ['check', '--format', 'json'])).stdout,
    );
    expect(suite.testcase).toHaveLength(json.results.length);
    const failures = suite.testcase.filter((t: any) => t.failure);
    expect(failures).toHaveLength(json.summary.fail);
    expect(Number(suite.failures)).toBe(json.summary.fail);
    const probe = suite.testcase.find((t: any) =>
      t.name.startsWith('readiness-probe:'),
    );
    expect(probe.classname).toBe('paved-road.minikube-deployment-patterns');
    expect(probe.failure.type).toBe('error');
    expect(probe.failure['#text']).toContain(
      'deploy/app.yaml:15:11 Deployment/web: container "web" has no readinessProbe',
    );
    const waived = suite.testcase.find((t: any) =>
      t.name.startsWith('image-tag:'),
    );
    expect(waived.skipped.message).toBe(
      'waived until 2027-01-31: vendor image pins its own tag',
    );
  });

  it('writes Markdown for a pull-request comment: failing rules, file:line, the section link, how to waive', async () => {
    const { code, stdout } = await run(repo, [
      'check',
      '--format',
      'markdown',
      '--docs-url',
      'https://portal.example.com',
    ]);
    expect(code).toBe(1);
    expect(
      stdout.startsWith(
        `${MARKDOWN_MARKER}\n### Paved Road check: 6 rules failing\n`,
      ),
    ).toBe(true);
    expect(stdout).toContain(
      '#### `readiness-probe` Long-running containers have a readiness probe — error\n\n' +
        '- `deploy/app.yaml:15:11` Deployment/web: container "web" has no readinessProbe\n\n' +
        'Why and how to fix: [minikube-deployment-patterns › rule-readiness-probe](https://portal.example.com/guidance/minikube-deployment-patterns#rule-readiness-probe)\n',
    );
    expect(stdout).toContain('— warning (not blocking)');
    expect(stdout).toContain(
      '| `image-tag` | 2027-01-31 | vendor image pins its own tag |',
    );
    expect(stdout).toContain('paved-road.dev/waive.');
    expect(stdout).toContain('<details><summary>How to waive a rule</summary>');
  });

  it('--output writes the report to a file and keeps stdout empty', async () => {
    const { code, stdout } = await run(repo, [
      'check',
      '--format',
      'sarif',
      '--output',
      'results.sarif',
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const written = JSON.parse(
      await fs.readFile(join(repo, 'results.sarif'), 'utf8'),
    );
    expect(written.version).toBe('2.1.0');
  });

  it('checks a file named on the command line, whatever its folder', async () => {
    const { code, stdout } = await run(repo, [
      'check',
      'docs/example.yaml',
      '--format',
      'json',
    ]);
    const report = JSON.parse(stdout);
    // a bare Pod needs no probes, but does need resources
    const probe = report.results.find((r: any) => r.rule.id === 'resources');
    expect(probe.findings[0]).toMatchObject({
      file: 'docs/example.yaml',
      object: 'Pod/x',
      // the container in the flow list: `  containers: [{ name: x, …`
      line: 5,
      column: 16,
    });
    expect(code).toBe(1);
  });
});

describe('--fail-on', () => {
  let repo: string;

  beforeAll(async () => {
    // every error rule waived: only warnings fail
    repo = await writeRepository({
      'catalog-info.yaml': catalogInfo(
        Object.fromEntries(
          [...ERROR_RULES, 'image-tag'].map(id => [
            `paved-road.dev/waive.${id}`,
            '2027-01-31 migrating this quarter',
          ]),
        ),
      ),
      'deploy/app.yaml': WEB_DEPLOYMENT,
    });
  });

  afterAll(() => fs.rm(repo, { recursive: true, force: true }));

  it('passes with failing warnings under --fail-on error (the default)', async () => {
    const byDefault = await run(repo, ['check']);
    expect(byDefault.code).toBe(0);
    expect(byDefault.stdout).toContain(
      'FAIL warning (not blocking)  image-pinned',
    );
    expect(byDefault.stdout).toMatch(/check passed\n$/);
    expect((await run(repo, ['check', '--fail-on', 'error'])).code).toBe(0);
  });

  it('fails on the same warnings under --fail-on warning', async () => {
    const { code, stdout } = await run(repo, ['check', '--fail-on', 'warning']);
    expect(code).toBe(1);
    expect(stdout).not.toContain('(not blocking)');
    // a rule on the entity of the catalog-info.yaml: a production service without on-call
    expect(stdout).toMatch(
      /oncall-annotation .*\n {2}catalog-info\.yaml:\d+:\d+ component:default\/orders: is a production service with no on-call annotation/,
    );
    expect(stdout).toMatch(/at or above warning: check failed\n$/);
  });

  it('passes a repository that follows every rule', async () => {
    // a production service names its on-call rotation (oncall-annotation)
    const clean = await writeRepository({
      'catalog-info.yaml': catalogInfo({
        'pagerduty.com/service-id': 'PABC123',
      }),
    });
    const { code, stdout } = await run(clean, [
      'check',
      '--fail-on',
      'warning',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/0 failing, 0 waived, \d+ passing/);
    await fs.rm(clean, { recursive: true, force: true });
  });
});

describe('waivers read from catalog-info.yaml', () => {
  it('reports a malformed waiver and one for a rule that does not exist, applying neither', async () => {
    const repo = await writeRepository({
      'catalog-info.yaml': catalogInfo({
        'paved-road.dev/waive.readiness-probe': 'soon, we promise',
        'paved-road.dev/waive.no-such-rule': '2027-01-31 typo',
      }),
      'deploy/app.yaml': WEB_DEPLOYMENT,
    });
    const { code, stdout, stderr } = await run(repo, [
      'check',
      '--format',
      'json',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'paved-road: catalog-info.yaml: waiver ignored: paved-road.dev/waive.readiness-probe must be "<YYYY-MM-DD> <reason>", got "soon, we promise"\n',
    );
    expect(stderr).toContain(
      'paved-road: catalog-info.yaml waives "no-such-rule", which is no rule built in\n',
    );
    const probe = JSON.parse(stdout).results.find(
      (r: any) => r.rule.id === 'readiness-probe',
    );
    expect(probe.status).toBe('fail');
    expect(probe.findings).toContainEqual({
      file: 'catalog-info.yaml',
      message:
        'waiver ignored: paved-road.dev/waive.readiness-probe must be "<YYYY-MM-DD> <reason>", got "soon, we promise"',
    });
    await fs.rm(repo, { recursive: true, force: true });
  });

  it('each folder is checked with its own waivers', async () => {
    const mono = await writeRepository({
      'a/catalog-info.yaml': catalogInfo({
        'paved-road.dev/waive.readiness-probe': '2027-01-31 a waives it',
      }),
      'a/deploy/app.yaml': WEB_DEPLOYMENT,
      'b/catalog-info.yaml': catalogInfo(),
      'b/deploy/app.yaml': WEB_DEPLOYMENT,
    });
    const { stdout } = await run(mono, ['check', 'a', 'b', '--format', 'json']);
    const probe = JSON.parse(stdout).results.find(
      (r: any) => r.rule.id === 'readiness-probe',
    );
    // b does not waive it: failing, with b's findings only
    expect(probe.status).toBe('fail');
    expect(probe.findings.map((f: any) => f.file)).toEqual([
      'b/deploy/app.yaml',
    ]);
    const onlyA = JSON.parse(
      (await run(mono, ['check', 'a', '--format', 'json'])).stdout,
    ).results.find((r: any) => r.rule.id === 'readiness-probe');
    expect(onlyA.status).toBe('waived');
    await fs.rm(mono, { recursive: true, force: true });
  });
});

describe('bad input exits 2 with a message', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await writeRepository({ 'catalog-info.yaml': catalogInfo() });
  });
  afterAll(() => fs.rm(repo, { recursive: true, force: true }));

  it.each([
    [['check', '--bogus'], "unknown option '--bogus'"],
    [
      ['check', '--format', 'yaml'],
      'unknown format "yaml": use one of text, sarif, junit, markdown, json',
    ],
    [['check', '--format'], "option '--format <value>' argument missing"],
    [
      ['check', '--fail-on', 'info'],
      'unknown severity "info" for --fail-on: use error or warning',
    ],
    [['check', 'missing-folder'], 'missing-folder: no such file or folder'],
    [
      ['check', '--portal', 'https://portal.example.com'],
      '--portal needs a token: pass --token or set PAVED_ROAD_TOKEN',
    ],
    [
      ['check', '--portal', 'ftp://portal', '--token', 't'],
      '--portal must be an http(s) URL, got "ftp://portal"',
    ],
    [
      ['check', '--token', 't'],
      "--token is for --portal: give the portal's URL too",
    ],
    [['lint'], 'unknown command "lint": the command is check'],
    [[], 'no command given: paved-road check [paths…] [options]'],
  ])('%j', async (argv, message) => {
    const { code, stdout, stderr } = await run(repo, argv as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `paved-road: ${message}\nRun paved-road --help for usage.\n`,
    );
  });

  it('a source over the 16 MiB budget is bad input, as the portal refuses it', async () => {
    const big = await writeRepository({});
    const chunk = `# ${'x'.repeat(1024 * 1024 - 10)}\n`;
    for (let i = 0; i < 17; i++) {
      await fs.mkdir(join(big, 'deploy'), { recursive: true });
      await fs.writeFile(join(big, 'deploy', `f${i}.yaml`), chunk);
    }
    const { code, stderr } = await run(big, ['check']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^paved-road: \. is too large: 17 files, 17\.0 MiB; a check reads at most 16\.0 MiB per source, as the portal does\n/,
    );
    await fs.rm(big, { recursive: true, force: true });
  });

  it('leaves out a file over 1 MiB and says so', async () => {
    const big = await writeRepository({
      'deploy/huge.yaml': `# ${'x'.repeat(1024 * 1024)}\n`,
    });
    const { code, stderr } = await run(big, ['check']);
    expect(code).toBe(0);
    expect(stderr).toContain(
      'paved-road: deploy/huge.yaml left out: 1.0 MiB, over the 1.0 MiB a file\n',
    );
    await fs.rm(big, { recursive: true, force: true });
  });

  it('--help prints the usage and exits 0', async () => {
    const { code, stdout } = await run(repo, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: paved-road \[options\] \[command\]\n/);
    const check = await run(repo, ['check', '--help']);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(
      /^Usage: paved-road check \[options\] \[paths…\]\n/,
    );
  });
});
