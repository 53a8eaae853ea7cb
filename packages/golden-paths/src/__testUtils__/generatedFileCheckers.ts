import { spawnSync } from 'child_process';
import os from 'os';
import { join } from 'path';
import fs from 'fs-extra';
import {
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';
import type { YamlObject } from './generatedRepository';

export type SchemaResult = {
  file: string;
  apiVersion: string;
  kind: string;
  name?: string;
  schema: 'valid' | 'invalid' | 'none';
  error?: string;
};

export type EsmCheckResults = {
  objects: SchemaResult[];
  workflows: { file: string; errors: string[] }[];
};

/**
 * Validates Kubernetes objects against kubernetes-models / @kubernetes-models/* and parses GitHub
 * workflows with @actions/workflow-parser. Those packages are ES modules only, so they run in a
 * child Node.js process (esmChecks.mjs).
 */
export function runEsmChecks(input: {
  objects: YamlObject[];
  workflows: { file: string; content: string }[];
}): EsmCheckResults {
  const result = spawnSync(
    process.execPath,
    ['--no-warnings', join(__dirname, 'esmChecks.mjs')],
    {
      input: JSON.stringify(input),
      encoding: 'utf8',
      cwd: __dirname,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (result.status !== 0) {
    throw new Error(
      `esmChecks.mjs failed (${result.status}): ${result.stderr}`,
    );
  }
  return JSON.parse(result.stdout);
}

const entityPolicy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

/** Validates a catalog entity the way the catalog does: envelope policies, then its kind's schema. */
export async function validateCatalogEntity(entity: Entity): Promise<void> {
  const checked = await entityPolicy.enforce(entity);
  if (!checked) throw new Error('entity rejected by the catalog policies');
  const validators = [
    componentEntityV1alpha1Validator,
    resourceEntityV1alpha1Validator,
  ];
  for (const validator of validators) {
    if (await validator.check(checked)) return;
  }
  throw new Error(
    `no kind validator accepts ${entity.apiVersion} ${entity.kind}`,
  );
}

/** Parses a CircleCI config with CircleCI's own parser; throws on an invalid config. */
export function parseCircleCiConfig(content: string): {
  jobs: string[];
  workflows: string[];
} {
  // CommonJS build with a large bundle: load it only when a test needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const parser = require('@circleci/circleci-config-parser');
  const config = parser.parseConfig(content);
  return {
    jobs: config.jobs.map((j: { name: string }) => j.name),
    workflows: config.workflows.map((w: { name: string }) => w.name),
  };
}

/**
 * Builds kustomizations of a generated repository with `kubectl kustomize` when kubectl is on the
 * PATH (it is not a dependency of this package); returns the rendered YAML per folder, or
 * undefined when kubectl is not installed.
 */
export async function kustomizeBuild(
  repository: { writeTo(dir: string): Promise<void> },
  folders: string[],
): Promise<Record<string, string> | undefined> {
  const probe = spawnSync('kubectl', ['version', '--client'], {
    encoding: 'utf8',
  });
  if (probe.error) return undefined;
  const dir = await fs.mkdtemp(join(os.tmpdir(), 'paved-road-kustomize-'));
  try {
    await repository.writeTo(dir);
    const rendered: Record<string, string> = {};
    for (const folder of folders) {
      const run = spawnSync('kubectl', ['kustomize', join(dir, folder)], {
        encoding: 'utf8',
      });
      if (run.status !== 0)
        throw new Error(`kubectl kustomize ${folder} failed: ${run.stderr}`);
      rendered[folder] = run.stdout;
    }
    return rendered;
  } finally {
    await fs.remove(dir);
  }
}
