import { readdirSync } from 'fs';
import { dirname, join } from 'path';
import YAML from 'yaml';
import {
  GUIDANCE_ANNOTATION,
  parseGuidanceAnnotation,
} from '@paved-road/plugin-guidance-common';
import type { DryRunResult } from './scaffolderDryRun';
import type { GeneratedRepository, YamlObject } from './generatedRepository';
import {
  parseCircleCiConfig,
  runEsmChecks,
  SchemaResult,
  validateCatalogEntity,
} from './generatedFileCheckers';

/** The built-in library's article ids: every id a template names must be one of them. */
export const ARTICLE_IDS = readdirSync(
  join(
    dirname(
      require.resolve(
        '@paved-road/plugin-guidance-backend-module-builtin-articles/package.json',
      ),
    ),
    'articles',
  ),
)
  .filter(f => f.endsWith('.md'))
  .map(f => f.slice(0, -'.md'.length));

/**
 * API groups with no published schema in kubernetes-models / @kubernetes-models/*: kustomize's
 * own files, CloudNativePG, its Barman Cloud Plugin and Tekton. Their objects are parsed and
 * checked by hand instead.
 */
const GROUPS_WITHOUT_SCHEMA = [
  'kustomize.config.k8s.io/',
  'postgresql.cnpg.io/',
  'barmancloud.cnpg.io/',
  'tekton.dev/',
];

export type GoldenPathOutput = {
  repository: GeneratedRepository;
  objects: YamlObject[];
  schemas: SchemaResult[];
  entity: any;
  articles: string[];
  of(kind: string): any[];
};

function describeFailure(result: DryRunResult): string {
  const tail = result.log
    .slice(-15)
    .map(l => `${l.body.stepId ?? ''} ${l.body.status ?? ''} ${l.body.message}`)
    .join('\n');
  return `dry run answered ${result.status}: ${JSON.stringify(
    result.body?.error ?? result.body?.errors ?? '',
  ).slice(0, 2000)}\n${tail}`;
}

/**
 * The checks every golden-path result must pass: the run succeeded with guidance:validate and
 * guidance:annotate completed, nothing is left unrendered, every YAML parses, Kubernetes objects
 * match their schemas, CI configs parse with their own parsers, and the catalog entity validates
 * and carries the guidance annotation with the explicit articles first.
 */
export function expectGoldenPathOutput(
  result: DryRunResult,
  options: { articles: string[]; validated?: boolean },
): GoldenPathOutput {
  if (result.status !== 200) throw new Error(describeFailure(result));

  const completed = (stepId: string) =>
    result.log.some(
      l => l.body.stepId === stepId && l.body.status === 'completed',
    );
  if (options.validated !== false) {
    expect(completed('validate')).toBe(true);
    // A golden path follows every rule, the warning ones included: conformance shows it all green.
    expect(
      result.stepLog('validate').filter(line => line.includes('(warning)')),
    ).toEqual([]);
  }
  expect(completed('annotate')).toBe(true);

  const { repository } = result;
  expect(repository.paths()).toContain('catalog-info.yaml');
  for (const path of repository.paths()) {
    const content = repository.read(path);
    // Nothing of the template language survives rendering. GitHub workflows keep their own
    // `${{ github.* }}` expressions, so only `values.` is checked there.
    expect({
      path,
      leftover: /\$\{\{\s*values\.|\{%|%\}|\{#/.test(content),
    }).toEqual({ path, leftover: false });
    if (!path.startsWith('.github/')) {
      expect({ path, leftover: content.includes('${{') }).toEqual({
        path,
        leftover: false,
      });
    }
    expect(path).not.toMatch(/(\$\{\{|\{%)/);
  }

  const objects = repository.kubernetesObjects();
  const workflows = repository
    .paths()
    .filter(p => /^\.github\/workflows\/.+\.ya?ml$/.test(p))
    .map(file => ({ file, content: repository.read(file) }));
  const checked = runEsmChecks({ objects, workflows });

  const invalid = checked.objects.filter(o => o.schema === 'invalid');
  expect(invalid).toEqual([]);
  const unknown = checked.objects.filter(
    o =>
      o.schema === 'none' &&
      !GROUPS_WITHOUT_SCHEMA.some(g => o.apiVersion.startsWith(g)),
  );
  expect(unknown).toEqual([]);
  for (const workflow of checked.workflows) {
    expect(workflow).toEqual({ file: workflow.file, errors: [] });
  }

  if (repository.has('.circleci/config.yml')) {
    const circle = parseCircleCiConfig(repository.read('.circleci/config.yml'));
    expect(circle.jobs).toContain('image');
    expect(circle.workflows.length).toBeGreaterThan(0);
  }
  if (repository.has('.buildkite/pipeline.yml')) {
    const pipeline = YAML.parse(repository.read('.buildkite/pipeline.yml'));
    expect(Array.isArray(pipeline.steps)).toBe(true);
    for (const step of pipeline.steps) {
      // A step runs commands, or only plugins (junit-annotate needs no command of its own).
      expect(
        step === 'wait' ||
          (typeof step.label === 'string' && (step.command || step.plugins)),
      ).toBeTruthy();
    }
  }

  const entity = repository.catalogEntity();
  const articles = parseGuidanceAnnotation(
    entity.metadata?.annotations?.[GUIDANCE_ANNOTATION],
  );
  const explicit = dedupe(options.articles);
  expect(articles.slice(0, explicit.length)).toEqual(explicit);
  for (const id of articles) expect(ARTICLE_IDS).toContain(id);

  return {
    repository,
    objects,
    schemas: checked.objects,
    entity,
    articles,
    of: (kind: string) =>
      objects.filter(o => o.object.kind === kind).map(o => o.object),
  };
}

/** The catalog validates the entity the way it would when the repository is registered. */
export async function expectValidEntity(
  output: GoldenPathOutput,
): Promise<void> {
  await expect(validateCatalogEntity(output.entity)).resolves.toBeUndefined();
}

function dedupe(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** Checks the alerts of every PrometheusRule: each waits (`for`) and links a runbook. */
export function expectMeaningfulAlerts(output: GoldenPathOutput): string[] {
  const alerts = output
    .of('PrometheusRule')
    .flatMap(rule => rule.spec.groups.flatMap((g: any) => g.rules))
    .filter((r: any) => r.alert);
  for (const alert of alerts) {
    expect({ alert: alert.alert, for: typeof alert.for }).toEqual({
      alert: alert.alert,
      for: 'string',
    });
    // Absolute: Alertmanager's receivers (Slack, PagerDuty) cannot resolve a relative path.
    expect(alert.annotations.runbook_url).toMatch(
      /^https:\/\/[^/]+\/docs\/default\/(component|resource)\/[a-z0-9-]+\/runbook\/#[a-z0-9]+$/,
    );
    expect(alert.labels.environment).toMatch(/^(base|dev|prod)$/);
    expect(alert.labels.severity).toMatch(/^(critical|warning)$/);
  }
  const exprs = alerts.map((a: any) => String(a.expr)).join('\n');
  expect(exprs).toMatch(/http_requests_total\{[^}]*code=~"5\.\."/);
  expect(exprs).toMatch(
    /histogram_quantile\(0\.99,[\s\S]*http_request_duration_seconds_bucket/,
  );
  expect(exprs).toMatch(/kube_pod_container_status_restarts_total/);
  expect(exprs).toMatch(/up\{job=/);
  return alerts.map((a: any) => a.alert);
}

/** The ServiceMonitor selects a generated Service by its labels and scrapes a named port of it. */
export function expectServiceMonitorMatchesService(
  output: GoldenPathOutput,
): void {
  const services = output.of('Service');
  for (const monitor of output.of('ServiceMonitor')) {
    const wanted: Record<string, string> = monitor.spec.selector.matchLabels;
    const matching = services.filter(s =>
      Object.entries(wanted).every(([k, v]) => s.metadata.labels?.[k] === v),
    );
    expect(matching.length).toBe(1);
    for (const endpoint of monitor.spec.endpoints) {
      expect(matching[0].spec.ports.map((p: any) => p.name)).toContain(
        endpoint.port,
      );
    }
  }
}

/** The Grafana dashboard is a ConfigMap the sidecar picks up, holding valid dashboard JSON. */
export function expectGrafanaDashboard(output: GoldenPathOutput): any {
  const maps = output
    .of('ConfigMap')
    .filter(c => c.metadata.labels?.grafana_dashboard === '1');
  expect(maps).toHaveLength(1);
  const [json] = Object.values(maps[0].data) as string[];
  const dashboard = JSON.parse(json);
  expect(dashboard.panels.length).toBeGreaterThanOrEqual(4);
  return dashboard;
}
