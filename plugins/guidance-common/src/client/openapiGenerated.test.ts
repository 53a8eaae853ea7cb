import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const repoRoot = path.resolve(__dirname, '../../../..');
const script = path.join(repoRoot, 'scripts', 'openapi.mjs');
const SPEC = 'plugins/guidance-backend/src/schema/openapi.yaml';
const ROUTER = 'plugins/guidance-backend/src/schema/openapi.generated.ts';
const CLIENT = 'plugins/guidance-common/src/generated/guidance.ts';

function run(mode: 'generate' | 'check', root?: string) {
  const result = spawnSync(
    process.execPath,
    [script, mode, ...(root ? ['--root', root] : [])],
    { encoding: 'utf8' },
  );
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/** A copy of the spec and its generated files, to edit without touching the repository. */
function copyOfRepository() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-drift-'));
  for (const rel of [SPEC, ROUTER, CLIENT]) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, rel), path.join(root, rel));
  }
  return root;
}

describe('generated OpenAPI files (scripts/openapi.mjs)', () => {
  jest.setTimeout(60_000);
  let root: string;
  beforeEach(() => {
    root = copyOfRepository();
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('match the specs in the repository', () => {
    const { status, out } = run('check');
    expect(out).toMatch(/generated files match their \d+ specs/);
    expect(status).toBe(0);
  });

  it('fail the check after a hand edit of the spec, naming both files, until regenerated', () => {
    expect(run('check', root).status).toBe(0);
    const specFile = path.join(root, SPEC);
    const edited = fs
      .readFileSync(specFile, 'utf8')
      .replace('maxLength: 500', 'maxLength: 400')
      .replace(
        'Every category with its number of articles.',
        'Every category, counted.',
      );
    expect(edited).not.toBe(fs.readFileSync(specFile, 'utf8'));
    fs.writeFileSync(specFile, edited);

    const drift = run('check', root);
    expect(drift.status).toBe(1);
    expect(drift.out).toContain(ROUTER);
    expect(drift.out).toContain(CLIENT);

    expect(run('generate', root).status).toBe(0);
    expect(run('check', root).status).toBe(0);
    expect(fs.readFileSync(path.join(root, ROUTER), 'utf8')).toContain(
      'maxLength: 400',
    );
    expect(fs.readFileSync(path.join(root, CLIENT), 'utf8')).toContain(
      'Every category, counted.',
    );
  });

  it('fail the check after a hand edit of a generated file', () => {
    fs.appendFileSync(path.join(root, CLIENT), '\nexport type Extra = 1;\n');
    const drift = run('check', root);
    expect(drift.status).toBe(1);
    expect(drift.out).toContain(CLIENT);
    expect(drift.out).not.toContain(ROUTER);
  });

  it('pick up a new plugin spec with no change to the script, and drop client types whose spec is gone', () => {
    const other = 'plugins/other-backend/src/schema/openapi.yaml';
    fs.mkdirSync(path.dirname(path.join(root, other)), { recursive: true });
    fs.writeFileSync(
      path.join(root, other),
      [
        'openapi: 3.0.3',
        'info: { title: other, version: "1" }',
        'paths:',
        '  /ping:',
        '    get:',
        '      responses:',
        "        '200': { description: ok }",
        '',
      ].join('\n'),
    );
    const drift = run('check', root);
    expect(drift.status).toBe(1);
    expect(drift.out).toContain(
      'plugins/other-backend/src/schema/openapi.generated.ts',
    );
    expect(drift.out).toContain(
      'plugins/guidance-common/src/generated/other-backend.ts',
    );

    fs.rmSync(path.join(root, other));
    fs.writeFileSync(
      path.join(root, 'plugins/guidance-common/src/generated/gone.ts'),
      'export {};\n',
    );
    const orphan = run('check', root);
    expect(orphan.status).toBe(1);
    expect(orphan.out).toContain(
      'plugins/guidance-common/src/generated/gone.ts',
    );
  });

  it('refuse an unknown mode with exit code 2', () => {
    const { status, out } = run('write' as 'check');
    expect(status).toBe(2);
    expect(out).toContain('Usage: node scripts/openapi.mjs generate|check');
  });
});
