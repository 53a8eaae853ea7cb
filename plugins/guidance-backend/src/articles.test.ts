/**
 * Content checks for the built-in library: every article is valid, connected, and its
 * YAML, JSON and Kubernetes examples are real.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import MarkdownIt from 'markdown-it';
import { parseAllDocuments } from 'yaml';
import {
  SHIPPED_LIFECYCLE,
  checkVerifiedAgainst,
} from '@paved-road/plugin-guidance-common';
import { parseArticle, ParsedArticle } from './service/parseArticle';
import { codeBlocks, isYaml } from './__testUtils__/content/codeBlocks';
import {
  copiedRuns,
  fingerprint,
  runsOf,
  seedFingerprints,
} from './__testUtils__/content/seedRuns';
import committedSeedFingerprints from './__testUtils__/content/seedFingerprints.json';
import { requireTool } from './__testUtils__/content/externalTool';
import {
  checkRules,
  findRuleExamples,
  testRules,
} from './__testUtils__/content/promtool';
import {
  buildKustomization,
  findKustomizations,
  requireKustomize,
} from './__testUtils__/content/kustomize';
import {
  collectImagePins,
  pinConflicts,
} from './__testUtils__/content/imagePins';
import {
  manifestHeads,
  removedApiProblems,
} from './__testUtils__/content/servedApis';

const ARTICLES_DIR = resolve(
  __dirname,
  '../../guidance-backend-module-builtin-articles/articles',
);
const SEEDS_DIR = resolve(__dirname, '../../../../shared/seeds');
const REPO_DIR = resolve(__dirname, '../../..');
/** Where the golden paths keep what they generate. */
const GENERATED_DIRS = [
  join(REPO_DIR, 'templates'),
  join(REPO_DIR, 'plugins/scaffolder-backend-module-guidance/fragments'),
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** The ids of the built-in library: a contract, other plugins and links depend on them. */
const EXPECTED_IDS = [
  'prometheus-grafana-monitoring',
  'secret-management-patterns',
  'tekton-pipelines',
  'database-strategy',
  'gitops-tool-choice',
  'kubernetes-backup-strategy',
  'database-connection-pooling',
  'dns-deep-dive',
  'linux-performance-tuning',
  'oauth2-oidc-infrastructure',
  'minikube-prometheus-grafana',
  'minikube-argocd',
  'minikube-deployment-patterns',
  'secrets-decision-framework',
  'toil-measurement',
  'circleci-pipeline-patterns',
  'golden-paths',
  'saga-pattern',
  'on-call-rotation',
  'buildkite-pipeline-patterns',
];

// Schema packages for the custom resources the articles show, by API group.
const MODEL_PACKAGES: Record<string, string> = {
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
  'argoproj.io': '@kubernetes-models/argo-cd',
  'external-secrets.io': '@kubernetes-models/external-secrets',
  'bitnami.com': '@kubernetes-models/sealed-secrets',
  'source.toolkit.fluxcd.io': '@kubernetes-models/flux-cd',
  'kustomize.toolkit.fluxcd.io': '@kubernetes-models/flux-cd',
  'helm.toolkit.fluxcd.io': '@kubernetes-models/flux-cd',
};
const BUILTIN_GROUP = /^(v1|[a-z]+\/v\d+\w*|[a-z.]+\.k8s\.io\/v\d+\w*)$/;

function modelFor(
  apiVersion: string,
  kind: string,
): { validate(): void } | undefined {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const pkg =
    MODEL_PACKAGES[group] ??
    (BUILTIN_GROUP.test(apiVersion) ? 'kubernetes-models' : undefined);
  if (!pkg) return undefined;
  let mod: Record<string, any>;
  try {
    mod = require(`${pkg}/${apiVersion}`);
  } catch {
    return undefined;
  }
  return mod[kind];
}

const md = new MarkdownIt();
let validated = 0;
const files = readdirSync(ARTICLES_DIR).filter(f => f.endsWith('.md'));
const articles: ParsedArticle[] = files.map(f =>
  parseArticle({
    content: readFileSync(join(ARTICLES_DIR, f), 'utf8'),
    fallbackId: f.slice(0, -3),
    origin: f,
  }),
);
const blocks = (a: ParsedArticle) =>
  md
    .parse(a.markdown, {})
    .filter(t => t.type === 'fence')
    .map(t => ({
      lang: t.info.trim().split(/\s+/)[0],
      code: t.content,
      line: (t.map?.[0] ?? 0) + 1,
    }));

describe('the built-in guidance library', () => {
  it('has exactly the twenty articles of the design, each named after its id', () => {
    expect(articles.map(a => a.summary.id).sort()).toEqual(
      [...EXPECTED_IDS].sort(),
    );
    for (const a of articles) expect(a.origin).toBe(`${a.summary.id}.md`);
  });

  it.each(articles.map(a => [a.summary.id, a] as const))(
    '%s is complete and connected',
    (_id, a) => {
      const ids = new Set(articles.map(x => x.summary.id));
      expect(a.frontMatter.related.filter(r => !ids.has(r))).toEqual([]);
      expect(a.frontMatter.related).not.toContain(a.summary.id);
      const rules = a.frontMatter.appliesTo;
      expect(
        rules.tags.length +
          rules.annotations.length +
          rules.types.length +
          rules.kinds.length,
      ).toBeGreaterThan(0);
      // At least 1,500 words of prose, code not counted.
      const prose = a.sections.map(s => s.text).join(' ');
      const codeWords = blocks(a).reduce(
        (n, b) => n + b.code.split(/\s+/).length,
        0,
      );
      expect(prose.split(/\s+/).length - codeWords).toBeGreaterThanOrEqual(
        1500,
      );
      expect(a.toc.length).toBeGreaterThanOrEqual(5);
      for (const b of blocks(a)) expect(b.lang).not.toBe('');
    },
  );

  it.each(articles.map(a => [a.summary.id, a] as const))(
    '%s says when it was reviewed and against which versions',
    (_id, a) => {
      expect(a.frontMatter.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // A review date in the future would keep an article fresh for longer than it was checked.
      expect(
        a.frontMatter.reviewed! <= new Date().toISOString().slice(0, 10),
      ).toBe(true);
      expect(Object.keys(a.frontMatter.verifiedAgainst ?? {})).not.toEqual([]);
    },
  );

  it.each(articles.map(a => [a.summary.id, a] as const))(
    '%s is verified against releases that are still supported',
    (_id, a) => {
      // the same reasons the reader shows: "Kubernetes 1.34: end of life since 2026-10-27"
      const report = checkVerifiedAgainst(
        a.frontMatter.verifiedAgainst,
        SHIPPED_LIFECYCLE,
        new Date().toISOString().slice(0, 10),
      );
      expect(report.endOfLife).toEqual([]);
    },
  );

  it.each(articles.map(a => [a.summary.id, a] as const))(
    '%s has YAML, JSON and manifests that parse and validate',
    (_id, a) => {
      const problems: string[] = [];
      let manifests = 0;
      for (const b of blocks(a)) {
        if (b.lang === 'json') {
          try {
            JSON.parse(b.code);
          } catch (e) {
            problems.push(`line ${b.line}: JSON: ${(e as Error).message}`);
          }
        }
        if (b.lang !== 'yaml' && b.lang !== 'yml') continue;
        for (const doc of parseAllDocuments(b.code)) {
          if (doc.errors.length) {
            problems.push(
              `line ${b.line}: YAML: ${doc.errors[0].message.split('\n')[0]}`,
            );
            continue;
          }
          const obj = doc.toJS();
          if (!obj || typeof obj !== 'object' || !obj.apiVersion || !obj.kind)
            continue;
          const Model = modelFor(obj.apiVersion, obj.kind) as any;
          if (!Model) continue;
          manifests++;
          try {
            new Model(obj).validate();
          } catch (e) {
            problems.push(
              `line ${b.line}: ${obj.kind}/${obj.metadata?.name}: ${
                (e as Error).message
              }`,
            );
          }
        }
      }
      expect(problems).toEqual([]);
      validated += manifests;
    },
  );

  it('validated the manifests against real schemas, custom resources included', () => {
    // A broken model lookup would silently validate nothing; prove it checks and rejects.
    const ServiceMonitor = modelFor(
      'monitoring.coreos.com/v1',
      'ServiceMonitor',
    ) as any;
    const Deployment = modelFor('apps/v1', 'Deployment') as any;
    expect(() =>
      new ServiceMonitor({
        metadata: { name: 'x' },
        spec: { endpoints: 'nope' },
      }).validate(),
    ).toThrow();
    expect(() =>
      new Deployment({ metadata: { name: 'x' }, spec: {} }).validate(),
    ).toThrow();
    expect(validated).toBeGreaterThan(50);
  });

  // The repository keeps fingerprints of the seeds' ten-word runs (not their text), so this runs
  // in any clone; where the seeds themselves are (../shared), the fingerprints must match them.
  it('shares no run of ten words with the seed material', () => {
    const seeds = new Set(committedSeedFingerprints);
    expect(seeds.size).toBeGreaterThan(1000);
    const shared: string[] = [];
    for (const f of files) {
      const prose = readFileSync(join(ARTICLES_DIR, f), 'utf8')
        .split('\n')
        .filter(line => !/^\s*(#|title:|\|)/.test(line))
        .join('\n');
      shared.push(...copiedRuns(prose, seeds).map(run => `${f}: ${run}`));
    }
    expect(shared).toEqual([]);
  });

  it('compares against fingerprints of the current seeds', () => {
    // a copied run is found whatever its case and punctuation around it
    const copied =
      'Pool size is the number of server connections, per user and database';
    const fingerprints = new Set(runsOf(copied).map(fingerprint));
    expect(
      copiedRuns(
        `We say: pool SIZE is the number of server connections, per user!`,
        fingerprints,
      ),
    ).toEqual(['pool size is the number of server connections per user']);
    const current = existsSync(SEEDS_DIR)
      ? seedFingerprints(SEEDS_DIR)
      : committedSeedFingerprints;
    // stale: node -r sucrase/register/ts scripts/seed-fingerprints.ts
    expect(committedSeedFingerprints).toEqual(current);
  });
});

/** Lines before an article's body, so messages can name lines of the file. */
const frontMatterLines = (a: ParsedArticle) =>
  readFileSync(join(ARTICLES_DIR, a.origin), 'utf8').split('\n').length -
  a.markdown.split('\n').length;

describe('the built-in library against the tools that run it', () => {
  const byId = articles.map(a => [a.summary.id, a] as const);

  it('uses no API version that current releases no longer serve, in articles, templates or fragments', () => {
    const heads = articles.flatMap(a =>
      codeBlocks(a.markdown)
        .filter(isYaml)
        .flatMap(b =>
          manifestHeads(b.code, a.origin, b.line + 1 + frontMatterLines(a)),
        ),
    );
    const generated = GENERATED_DIRS.flatMap(filesUnder)
      .filter(f => /\.ya?ml$/.test(f))
      .flatMap(f =>
        manifestHeads(readFileSync(f, 'utf8'), f.slice(REPO_DIR.length + 1)),
      );
    expect(heads.length).toBeGreaterThan(50);
    expect(generated.length).toBeGreaterThan(20);
    expect(removedApiProblems([...heads, ...generated])).toEqual([]);
  });

  it('pins each image to one version across articles, templates and fragments', () => {
    const pins = [
      ...articles.flatMap(a =>
        codeBlocks(a.markdown).flatMap(b =>
          collectImagePins(b.code, `${a.origin} line ${b.line}`),
        ),
      ),
      ...GENERATED_DIRS.flatMap(filesUnder).flatMap(f =>
        collectImagePins(readFileSync(f, 'utf8'), f.slice(REPO_DIR.length + 1)),
      ),
    ];
    expect(pins.length).toBeGreaterThan(30);
    expect(pinConflicts(pins)).toEqual([]);
  });

  describe('Prometheus rules', () => {
    let groups = 0;
    let tests = 0;
    beforeAll(() => {
      requireTool('promtool', ['--version'], 'apt-get install -y prometheus');
    });

    it.each(byId)(
      '%s: every rule group passes promtool check rules and every rule test passes promtool test rules',
      (_id, a) => {
        const found = findRuleExamples(codeBlocks(a.markdown), a.origin);
        const problems = [
          ...found.groups.map(checkRules),
          ...found.tests.map(t => testRules(t, found.groups)),
        ].filter(Boolean);
        groups += found.groups.length;
        tests += found.tests.length;
        expect(problems).toEqual([]);
      },
    );

    it('found the rule groups and rule tests the articles show', () => {
      expect(groups).toBeGreaterThanOrEqual(5);
      expect(tests).toBeGreaterThanOrEqual(1);
    });
  });

  describe('kustomizations', () => {
    let built = 0;
    beforeAll(() => {
      requireKustomize(
        requireTool(
          'kubectl',
          ['version', '--client'],
          'apt-get install -y kubectl',
        ),
      );
    });

    it.each(byId)(
      '%s: every kustomization whose files are all in the article builds with kubectl kustomize',
      (_id, a) => {
        const { complete } = findKustomizations(
          codeBlocks(a.markdown),
          a.origin,
        );
        const problems = complete.map(buildKustomization).filter(Boolean);
        built += complete.length;
        expect(problems).toEqual([]);
      },
    );

    it('built the kustomizations the articles show', () => {
      expect(built).toBeGreaterThanOrEqual(2);
    });
  });
});
