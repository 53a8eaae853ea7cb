import os from 'os';
import { join } from 'path';
import { spawnSync, SpawnSyncReturns } from 'child_process';
import fs from 'fs-extra';
import {
  DryRunBackend,
  startDryRunBackend,
} from './__testUtils__/scaffolderDryRun';
import { withFormDefaults } from './__testUtils__/renderedRepository';

// The services the golden paths generate build and pass their own tests, as generated. Needs other
// runtimes than the repository's own tests, so it runs from scripts/check-generated-services.sh
// (called by .ci/run), which provides them:
// - PAVED_ROAD_NODE_BINS: folders holding a `node` binary, one per Node.js line to test on;
// - Debian's Go and client_golang (golang-go, golang-github-prometheus-client-golang-dev).
//   There is no Go module proxy here, so the Go service builds in GOPATH mode against Debian's
//   libraries: proof that the code compiles, vets and passes its tests, not of the module build.

jest.setTimeout(900_000);

const GOCODE = process.env.PAVED_ROAD_GOCODE ?? '/usr/share/gocode';

function output(run: SpawnSyncReturns<string>): string {
  return `${run.error?.message ?? ''}${run.stdout}\n${run.stderr}`.slice(-4000);
}

describe('generated services, built and tested as generated', () => {
  let scaffolder: DryRunBackend;
  let work: string;

  beforeAll(async () => {
    scaffolder = await startDryRunBackend();
    work = await fs.mkdtemp(join(os.tmpdir(), 'paved-road-services-'));
  });

  afterAll(async () => {
    await scaffolder?.stop();
    if (work) await fs.remove(work);
  });

  const generate = async (template: string, name: string, dir: string) => {
    const result = await scaffolder.dryRun(
      template,
      await withFormDefaults(template, {
        name,
        owner: 'group:default/team-a',
        publishTo: 'local',
        gitRemoteUrl: `https://github.com/acme/${name}.git`,
      }),
    );
    expect(result.status).toBe(200);
    await result.repository.writeTo(dir);
  };

  const nodeBins = (process.env.PAVED_ROAD_NODE_BINS ?? '')
    .split(':')
    .filter(Boolean);

  it('is given the Node.js runtimes to test on (scripts/check-generated-services.sh)', () => {
    expect(nodeBins.length).toBeGreaterThan(0);
  });

  it.each(nodeBins.map(bin => [bin]))(
    'node-service installs its lockfile, builds and passes its tests on the node in %s',
    async bin => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PATH: `${bin}:${process.env.PATH}`,
        NODE_ENV: 'development',
      };
      delete env.NODE_OPTIONS;
      const version = spawnSync('node', ['--version'], {
        env,
        encoding: 'utf8',
      });
      const dir = join(work, `node-service-${version.stdout.trim()}`);
      await generate('node-service', 'cart-api', dir);
      const run = (args: string[]) =>
        spawnSync('npm', args, {
          cwd: dir,
          env,
          encoding: 'utf8',
          timeout: 600_000,
        });
      const install = run([
        'ci',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
      ]);
      expect({
        install: install.status,
        output: install.status ? output(install) : '',
      }).toEqual({
        install: 0,
        output: '',
      });
      const test = run(['test']);
      expect({
        test: test.status,
        output: test.status ? output(test) : '',
      }).toEqual({
        test: 0,
        output: '',
      });
      // TAP (# pass) on Node.js 22, the spec reporter (ℹ pass) on 24.
      expect(test.stdout).toMatch(/[#ℹ] pass 4\b/);
      expect(test.stdout).toMatch(/[#ℹ] fail 0\b/);
      process.stdout.write(
        `node-service on Node.js ${version.stdout.trim()}: ${
          /[#ℹ] pass \d+/.exec(test.stdout)?.[0]
        }\n`,
      );
    },
  );

  it('go-service is gofmt-clean, compiles, vets and passes its tests', async () => {
    const gopath = join(work, 'gopath');
    // GOPATH mode resolves imports by folder: the module path (the name here) is the folder.
    const dir = join(gopath, 'src', 'orders-api');
    await generate('go-service', 'orders-api', dir);
    expect(await fs.readFile(join(dir, 'go.sum'), 'utf8')).toMatch(/ h1:/);
    const env = {
      ...process.env,
      GO111MODULE: 'off',
      GOPATH: `${gopath}:${GOCODE}`,
      GOCACHE: join(work, 'gocache'),
      GOFLAGS: '',
    };
    const go = (...args: string[]) =>
      spawnSync('go', args, {
        cwd: dir,
        env,
        encoding: 'utf8',
        timeout: 600_000,
      });
    const gofmt = spawnSync('gofmt', ['-l', '.'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect({
      gofmt: gofmt.status,
      unformatted: gofmt.stdout.trim(),
      error: gofmt.error?.message,
    }).toEqual({
      gofmt: 0,
      unformatted: '',
      error: undefined,
    });
    for (const args of [
      ['build', './...'],
      ['vet', './...'],
    ]) {
      const run = go(...args);
      expect({
        args,
        status: run.status,
        output: run.status ? output(run) : '',
      }).toEqual({
        args,
        status: 0,
        output: '',
      });
    }
    const test = go('test', '-count=1', '-v', './...');
    expect({
      status: test.status,
      output: test.status ? output(test) : '',
    }).toEqual({
      status: 0,
      output: '',
    });
    const passed = test.stdout.match(/^--- PASS/gm) ?? [];
    expect(test.stdout).not.toMatch(/^--- FAIL/m);
    expect(passed.length).toBeGreaterThanOrEqual(6);
    process.stdout.write(
      `go-service (${spawnSync('go', ['version'], {
        encoding: 'utf8',
      }).stdout.trim()}, GOPATH mode): ${passed.length} tests passed\n`,
    );
  });
});
