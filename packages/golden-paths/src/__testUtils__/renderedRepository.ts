import os from 'os';
import { join } from 'path';
import { spawnSync } from 'child_process';
import fs from 'fs-extra';
import YAML from 'yaml';
import { DryRunBackend } from './scaffolderDryRun';
import { GeneratedRepository } from './generatedRepository';
import { loadTemplate } from './templateDirectory';
import { BuiltOverlays, KubeObject } from './seams';

export type RenderedRepository = {
  repository: GeneratedRepository;
  /** Every deploy/overlays/<env> built with `kubectl kustomize`. */
  built: BuiltOverlays;
};

/** Builds every overlay of a generated repository; kubectl is required (Debian's kubectl package). */
export async function buildOverlays(
  repository: GeneratedRepository,
): Promise<BuiltOverlays> {
  const overlays = [
    ...new Set(
      repository
        .paths()
        .map(
          p => /^(deploy\/overlays\/[^/]+)\/kustomization\.yaml$/.exec(p)?.[1],
        )
        .filter((p): p is string => Boolean(p)),
    ),
  ];
  if (overlays.length === 0) return {};
  const dir = await fs.mkdtemp(join(os.tmpdir(), 'paved-road-lifecycle-'));
  try {
    await repository.writeTo(dir);
    const built: BuiltOverlays = {};
    for (const overlay of overlays) {
      const run = spawnSync('kubectl', ['kustomize', join(dir, overlay)], {
        encoding: 'utf8',
      });
      if (run.error || run.status !== 0) {
        throw new Error(
          `kubectl kustomize ${overlay} failed: ${
            run.error?.message ?? run.stderr
          }`,
        );
      }
      built[overlay] = YAML.parseAllDocuments(run.stdout)
        .map(d => d.toJS())
        .filter(Boolean) as KubeObject[];
    }
    return built;
  } finally {
    await fs.remove(dir);
  }
}

/**
 * The values a user gets by accepting every default the form offers (the dry-run API, unlike the
 * form, applies none), overridden by `values`.
 */
export async function withFormDefaults(
  template: string,
  values: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  const take = (properties: Record<string, any> = {}) => {
    for (const [key, property] of Object.entries(properties)) {
      if ('default' in property && result[key] === undefined)
        result[key] = property.default;
    }
  };
  const pages: any[] = (await loadTemplate(template)).spec.parameters;
  for (const page of pages) take(page.properties);
  Object.assign(result, values);
  for (const page of pages) {
    for (const [key, dependency] of Object.entries<any>(
      page.dependencies ?? {},
    )) {
      const branch = (dependency.oneOf ?? []).find(
        (b: any) => b.properties?.[key]?.const === result[key],
      );
      take(branch?.properties);
    }
  }
  return { ...result, ...values };
}

/** Renders a template through the scaffolder's dry run (with the form's defaults) and builds its overlays. */
export async function render(
  scaffolder: DryRunBackend,
  template: string,
  values: Record<string, unknown>,
): Promise<RenderedRepository> {
  const result = await scaffolder.dryRun(
    template,
    await withFormDefaults(template, values),
  );
  if (result.status !== 200) {
    throw new Error(
      `${template} dry run answered ${result.status}: ${JSON.stringify(
        result.body,
      ).slice(0, 2000)}`,
    );
  }
  const failed = result.log.filter(l => l.body.status === 'failed');
  if (failed.length) {
    throw new Error(
      `${template} dry run failed: ${result.log
        .map(l => l.body.message)
        .join('\n')
        .slice(-3000)}`,
    );
  }
  return {
    repository: result.repository,
    built: await buildOverlays(result.repository),
  };
}
