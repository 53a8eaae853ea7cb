#!/usr/bin/env node
// Generates what `backstage-repo-tools package schema openapi generate` would, without its Java
// generator (it downloads a JAR from a registry these machines cannot reach): each
// plugins/<pkg>/src/schema/openapi.yaml is the source of truth and becomes
//   plugins/<pkg>/src/schema/openapi.generated.ts          the spec and a typed, validating router
//   plugins/guidance-common/src/generated/<name>.ts        client types (openapi-typescript)
// `generate` writes them; `check` compares them with what is on disk and exits 1 on drift.
//
// Usage: node scripts/openapi.mjs generate|check [--root <dir>]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

// loaded once the arguments are known, so a usage error answers at once
let prettier;
let openapiTS;
let astToString;

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
const prettierOptions = require('@backstage/cli/config/prettier.json');

const header = specPath =>
  [
    '// ********************************************************************',
    '// * GENERATED FILE, DO NOT EDIT: change the spec and run',
    '// * `npm run openapi:generate` at the repository root.',
    `// * Source: ${specPath}`,
    '// ********************************************************************',
  ].join('\n');

const CLIENT_DIR = path.join('plugins', 'guidance-common', 'src', 'generated');

function usage(message) {
  if (message) console.error(message);
  console.error(
    'Usage: node scripts/openapi.mjs generate|check [--root <dir>]',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const [mode, ...rest] = argv;
  if (mode !== 'generate' && mode !== 'check')
    usage(`Unknown mode: ${mode ?? '(none)'}`);
  let root = repoRoot;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--root' && rest[i + 1]) root = path.resolve(rest[++i]);
    else usage(`Unknown argument: ${rest[i]}`);
  }
  return { mode, root };
}

/** plugins/*\/src/schema/openapi.yaml, sorted so output order never depends on the file system. */
function findSpecs(root) {
  const pluginsDir = path.join(root, 'plugins');
  if (!fs.existsSync(pluginsDir)) return [];
  return fs
    .readdirSync(pluginsDir)
    .sort()
    .map(pkg => ({
      pkg,
      file: path.join(pluginsDir, pkg, 'src', 'schema', 'openapi.yaml'),
    }))
    .filter(({ file }) => fs.existsSync(file));
}

function clientName(spec, pkg) {
  const name = spec.info?.['x-client-name'] ?? pkg;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    throw new Error(
      `plugins/${pkg}: info.x-client-name "${name}" must be kebab-case`,
    );
  }
  return name;
}

function format(source) {
  return prettier.format(source, { ...prettierOptions, parser: 'typescript' });
}

function routerSource(spec) {
  return format(`${header('src/schema/openapi.yaml')}
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

/** The OpenAPI document of this plugin's routes. */
export const spec = ${JSON.stringify(spec, null, 2)} as const;

/**
 * An express router that refuses requests breaking the spec with a 400 before any handler
 * runs, and types each handler's params, query, body and response by it.
 */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`);
}

async function clientSource(spec, relativeSpecPath) {
  const ast = await openapiTS(spec, { alphabetize: false });
  return format(`${header(relativeSpecPath)}
/* eslint-disable */

${astToString(ast)}`);
}

/** Every generated file as { path relative to root: content }. */
async function generateAll(root) {
  const files = new Map();
  const clientNames = new Map();
  for (const { pkg, file } of findSpecs(root)) {
    const spec = parseYaml(fs.readFileSync(file, 'utf8'));
    const name = clientName(spec, pkg);
    if (clientNames.has(name)) {
      throw new Error(
        `plugins/${pkg} and plugins/${clientNames.get(
          name,
        )} both name their client "${name}"`,
      );
    }
    clientNames.set(name, pkg);
    const schemaDir = path.join('plugins', pkg, 'src', 'schema');
    files.set(path.join(schemaDir, 'openapi.generated.ts'), routerSource(spec));
    files.set(
      path.join(CLIENT_DIR, `${name}.ts`),
      await clientSource(spec, `plugins/${pkg}/src/schema/openapi.yaml`),
    );
  }
  return files;
}

/** Generated client files whose spec is gone: drift too. */
function orphans(root, files) {
  const dir = path.join(root, CLIENT_DIR);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.ts'))
    .map(f => path.join(CLIENT_DIR, f))
    .filter(f => !files.has(f));
}

async function main() {
  const { mode, root } = parseArgs(process.argv.slice(2));
  prettier = (await import('prettier')).default;
  ({ default: openapiTS, astToString } = await import('openapi-typescript'));
  const files = await generateAll(root);
  const stale = orphans(root, files);
  if (mode === 'generate') {
    for (const [rel, content] of files) {
      const target = path.join(root, rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (
        !fs.existsSync(target) ||
        fs.readFileSync(target, 'utf8') !== content
      ) {
        fs.writeFileSync(target, content);
        console.log(`wrote ${rel}`);
      }
    }
    for (const rel of stale) {
      fs.rmSync(path.join(root, rel));
      console.log(`removed ${rel} (its spec is gone)`);
    }
    console.log(
      `${files.size} generated files from ${files.size / 2} specs are current`,
    );
    return;
  }
  const drifted = [...files]
    .filter(([rel, content]) => {
      const target = path.join(root, rel);
      return (
        !fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== content
      );
    })
    .map(([rel]) => rel)
    .concat(stale);
  if (drifted.length) {
    console.error('OpenAPI generated files differ from their specs:');
    for (const rel of drifted) console.error(`  ${rel}`);
    console.error('Run `npm run openapi:generate` and commit the result.');
    process.exit(1);
  }
  console.log(
    `${files.size} generated files match their ${files.size / 2} specs`,
  );
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
