#!/usr/bin/env node
// Writes one installable tarball per publishable workspace package into dist-packages/.
// Each package must be built first (`npm run build:all`): `npm pack` runs the package's
// prepack (backstage-cli applies publishConfig to package.json) and postpack (restores it).
// Then every tarball is opened and checked: dist/ inside, main and types pointing into it.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const out = join(root, 'dist-packages');
const rootPackage = JSON.parse(
  readFileSync(join(root, 'package.json'), 'utf8'),
);

function workspaceDirs() {
  const dirs = [];
  for (const pattern of rootPackage.workspaces) {
    const parent = join(root, pattern.replace(/\/\*$/, ''));
    for (const name of readdirSync(parent)) {
      if (existsSync(join(parent, name, 'package.json')))
        dirs.push(join(parent, name));
    }
  }
  return dirs;
}

const publishable = workspaceDirs()
  .map(dir => ({
    dir,
    pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')),
  }))
  .filter(({ pkg }) => !pkg.private);

const unbuilt = publishable.filter(({ dir }) => !existsSync(join(dir, 'dist')));
if (unbuilt.length > 0) {
  console.error(
    `pack: no dist/ in ${unbuilt
      .map(u => u.pkg.name)
      .join(', ')}; run "npm run build:all" first`,
  );
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out);

const problems = [];
for (const { dir, pkg } of publishable) {
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', out], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const tarball = join(out, filename);
  const files = execFileSync('tar', ['-tzf', tarball], {
    encoding: 'utf8',
  }).split('\n');
  const packed = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  const check = (ok, what) => ok || problems.push(`${filename}: ${what}`);
  check(
    files.some(f => f.startsWith('package/dist/')),
    'no dist/ inside',
  );
  check(files.includes('package/README.md'), 'no README.md');
  // what a package reads at run time besides its code (the built-in articles, the migrations)
  for (const entry of pkg.files ?? []) {
    if (entry === 'dist') continue;
    check(
      files.some(
        f => f === `package/${entry}` || f.startsWith(`package/${entry}/`),
      ),
      `${entry} (listed in files) is not in the tarball`,
    );
  }
  for (const field of ['main', 'types', 'module']) {
    if (pkg.publishConfig?.[field] === undefined) continue;
    check(
      packed[field] === pkg.publishConfig[field],
      `${field} is ${packed[field]}, not ${pkg.publishConfig[field]} from publishConfig`,
    );
    check(
      files.includes(`package/${packed[field].replace(/^\.\//, '')}`),
      `${field} ${packed[field]} is not in the tarball`,
    );
  }
  const restored = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  check(restored.main === pkg.main, 'postpack did not restore package.json');
  console.log(`${filename}  ${files.filter(Boolean).length} files`);
}

if (problems.length > 0) {
  console.error(
    `pack: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`pack: ${publishable.length} tarballs in ${out}`);
