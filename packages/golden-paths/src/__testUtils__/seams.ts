import YAML from 'yaml';
import { GeneratedRepository } from './generatedRepository';
import { isSupported, SUPPORTED_ACTION_MAJORS } from './lifecycleVersions';

/**
 * Checks of the seams between generated files — the places where each file is valid on its own and
 * the repository still never deploys. Each returns the problems it found, as sentences; [] is good.
 */

export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: any;
};

/** What a rendered overlay builds to (`kubectl kustomize`), by overlay folder. */
export type BuiltOverlays = Record<string, KubeObject[]>;

/** A CI job that pushes `repository:tag`, where tag is the CI system's commit expression. */
export type CiPush = { job: string; repository: string; tag: string };
/** A CI job that runs deploy/promote.sh with `tag`, and the jobs that must finish before it. */
export type CiPromote = { job: string; tag: string; after: Set<string> };

const PROMOTE = /deploy\/promote\.sh\s+(?:"([^"]+)"|(\S+))/;
const promoteTag = (match: RegExpExecArray) => match[1] ?? match[2];

function closure(direct: Map<string, string[]>, job: string): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    for (const before of direct.get(name) ?? []) {
      if (!seen.has(before)) {
        seen.add(before);
        visit(before);
      }
    }
  };
  visit(job);
  return seen;
}

const asList = (value: unknown): string[] => {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
};

/** Reads, from whichever CI configuration the repository has, what it pushes and what deploys. */
export function ciDeliveries(repository: GeneratedRepository): {
  pushes: CiPush[];
  promotes: CiPromote[];
} {
  const pushes: CiPush[] = [];
  const promotes: CiPromote[] = [];
  const order = new Map<string, string[]>();
  const promoteJobs: { job: string; tag: string }[] = [];

  if (repository.has('.github/workflows/ci.yaml')) {
    const workflow = YAML.parse(repository.read('.github/workflows/ci.yaml'));
    const env: Record<string, string> = workflow.env ?? {};
    for (const [job, spec] of Object.entries<any>(workflow.jobs ?? {})) {
      order.set(job, asList(spec.needs));
      for (const step of spec.steps ?? []) {
        if (
          String(step.uses ?? '').startsWith('docker/build-push-action@') &&
          step.with?.push !== false
        ) {
          for (const tag of String(step.with?.tags ?? '').split(/[,\n]/)) {
            const resolved = tag
              .trim()
              .replace(/\$\{\{\s*env\.(\w+)\s*\}\}/g, (_, v) => env[v] ?? '');
            const at = resolved.lastIndexOf(':');
            if (at > 0)
              pushes.push({
                job,
                repository: resolved.slice(0, at),
                tag: resolved.slice(at + 1),
              });
          }
        }
        const promote = PROMOTE.exec(String(step.run ?? ''));
        if (promote) promoteJobs.push({ job, tag: promoteTag(promote) });
      }
    }
  }

  if (repository.has('.circleci/config.yml')) {
    const config = YAML.parse(repository.read('.circleci/config.yml'));
    for (const [job, spec] of Object.entries<any>(config.jobs ?? {})) {
      for (const step of spec.steps ?? []) {
        const command = String(step?.run?.command ?? '');
        for (const match of command.matchAll(
          /docker push (\S+):(\$\{?\w+\}?)/g,
        )) {
          pushes.push({ job, repository: match[1], tag: match[2] });
        }
        const promote = PROMOTE.exec(command);
        if (promote) promoteJobs.push({ job, tag: promoteTag(promote) });
      }
    }
    for (const workflow of Object.values<any>(config.workflows ?? {})) {
      for (const entry of workflow?.jobs ?? []) {
        const [name, options] =
          typeof entry === 'string'
            ? [entry, {}]
            : Object.entries<any>(entry)[0];
        order.set(name, asList(options?.requires));
      }
    }
  }

  if (repository.has('.buildkite/pipeline.yml')) {
    const pipeline = YAML.parse(repository.read('.buildkite/pipeline.yml'));
    const env: Record<string, string> = pipeline.env ?? {};
    const before: string[] = [];
    let waited: string[] = [];
    for (const step of pipeline.steps ?? []) {
      if (step === 'wait' || step?.wait !== undefined) {
        waited = [...before];
        continue;
      }
      const job = String(step.key ?? step.label);
      before.push(job);
      order.set(job, [...waited, ...asList(step.depends_on)]);
      const command = asList(step.command).join('\n');
      for (const match of command.matchAll(
        /docker push "?\$\$(\w+):(\$\$\w+)"?/g,
      )) {
        pushes.push({ job, repository: env[match[1]] ?? '', tag: match[2] });
      }
      const promote = PROMOTE.exec(command);
      if (promote) promoteJobs.push({ job, tag: promoteTag(promote) });
    }
  }

  if (repository.has('.tekton/pipeline.yaml')) {
    const pipeline = YAML.parse(repository.read('.tekton/pipeline.yaml'));
    const params: Record<string, string> = Object.fromEntries(
      (pipeline.spec?.params ?? []).map((p: any) => [p.name, p.default]),
    );
    for (const task of pipeline.spec?.tasks ?? []) {
      order.set(task.name, asList(task.runAfter));
      for (const step of task.taskSpec?.steps ?? []) {
        for (const arg of asList(step.args)) {
          const match =
            /^--destination=\$\(params\.(\w+)\):(\$\(params\.\w+\))$/.exec(arg);
          if (match)
            pushes.push({
              job: task.name,
              repository: params[match[1]] ?? '',
              tag: match[2],
            });
        }
        const promote = PROMOTE.exec(String(step.script ?? ''));
        if (promote) {
          // A script reads parameters from its env ("$REVISION"), not pasted in.
          const tag = promoteTag(promote);
          const variable = /^\$\{?(\w+)\}?$/.exec(tag)?.[1];
          const env = (Array.isArray(step.env) ? step.env : []).find(
            (e: any) => e?.name === variable,
          );
          promoteJobs.push({
            job: task.name,
            tag: variable && env ? String(env.value) : tag,
          });
        }
      }
    }
  }

  for (const { job, tag } of promoteJobs) {
    promotes.push({ job, tag, after: closure(order, job) });
  }
  return { pushes, promotes };
}

const WORKLOAD_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
];

function podSpec(object: KubeObject): any {
  return object.kind === 'CronJob'
    ? object.spec?.jobTemplate?.spec?.template?.spec
    : object.spec?.template?.spec;
}

function splitImage(image: string): { repository: string; tag: string } {
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash
    ? { repository: image.slice(0, colon), tag: image.slice(colon + 1) }
    : { repository: image, tag: 'latest' };
}

/**
 * (a) Every image an overlay deploys is one CI pushes and then writes into that overlay (after the
 * push, with the same tag), or an existing image the user named.
 */
export function unpushedImages(
  repository: GeneratedRepository,
  built: BuiltOverlays,
  options: { existingImages?: string[] } = {},
): string[] {
  const problems: string[] = [];
  const { pushes, promotes } = ciDeliveries(repository);
  for (const [overlay, objects] of Object.entries(built)) {
    const kustomization = repository.has(`${overlay}/kustomization.yaml`)
      ? repository.read(`${overlay}/kustomization.yaml`)
      : '';
    for (const object of objects.filter(o => WORKLOAD_KINDS.includes(o.kind))) {
      const spec = podSpec(object);
      for (const container of [
        ...(spec?.initContainers ?? []),
        ...(spec?.containers ?? []),
      ]) {
        const image = String(container.image);
        if (options.existingImages?.includes(image)) continue;
        const { repository: imageRepository } = splitImage(image);
        const pushed = pushes.filter(p => p.repository === imageRepository);
        const where = `${overlay}: ${object.kind} ${object.metadata.name} runs ${image}`;
        if (pushed.length === 0) {
          problems.push(`${where}, which no CI job pushes`);
          continue;
        }
        const written = pushed.some(push =>
          promotes.some(p => p.tag === push.tag && p.after.has(push.job)),
        );
        if (!written) {
          problems.push(
            `${where}: CI pushes ${imageRepository}:${pushed[0].tag} but no job writes that tag into the overlay after the push`,
          );
          continue;
        }
        const entry = YAML.parse(kustomization || '{}')?.images?.find(
          (i: any) => i.name === imageRepository,
        );
        if (
          !entry ||
          !new RegExp(`^\\s*newTag: "[^"]*" # set-image-tag$`, 'm').test(
            kustomization,
          )
        ) {
          problems.push(
            `${where}, but its kustomization has no newTag line marked "# set-image-tag" for CI to write`,
          );
        }
        for (const script of ['deploy/promote.sh', 'deploy/set-image-tag.sh']) {
          if (!repository.has(script))
            problems.push(`${where}, but ${script} is missing`);
        }
      }
    }
  }
  return problems;
}

function identity(object: KubeObject): string {
  const group = object.apiVersion.includes('/')
    ? object.apiVersion.split('/')[0]
    : '';
  return `${group}/${object.kind} ${object.metadata.namespace ?? '-'}/${
    object.metadata.name
  }`;
}

/** Every object a repository makes exist: its built overlays plus what it applies beside them. */
export function declaredObjects(
  repository: GeneratedRepository,
  built: BuiltOverlays,
): KubeObject[] {
  const outsideOverlays = repository
    .kubernetesObjects()
    .filter(({ file }) => !/^deploy\/(base|overlays)\//.test(file))
    .map(({ object }) => object as KubeObject);
  return [...Object.values(built).flat(), ...outsideOverlays];
}

/** (b) Objects two service repositories both declare (each would own, sync and prune them). */
export function sharedObjects(a: KubeObject[], b: KubeObject[]): string[] {
  const ids = new Set(a.map(identity));
  return [...new Set(b.map(identity))]
    .filter(id => ids.has(id))
    .map(id => `both repositories declare ${id}`);
}

/** (c) Workloads an HPA scales that still set spec.replicas (every sync would reset the count). */
export function replicasUnderHpa(objects: KubeObject[]): string[] {
  const problems: string[] = [];
  for (const hpa of objects.filter(o => o.kind === 'HorizontalPodAutoscaler')) {
    const target = hpa.spec?.scaleTargetRef ?? {};
    const workload = objects.find(
      o =>
        o.kind === target.kind &&
        o.metadata.name === target.name &&
        (o.metadata.namespace ?? '') === (hpa.metadata.namespace ?? ''),
    );
    if (workload && workload.spec?.replicas !== undefined) {
      problems.push(
        `${workload.kind} ${workload.metadata.name} sets replicas: ${workload.spec.replicas}, but HorizontalPodAutoscaler ${hpa.metadata.name} owns the count`,
      );
    }
  }
  return problems;
}

const BUILD_FILES =
  /^(Dockerfile|\.github\/workflows\/.+|\.circleci\/config\.yml|\.buildkite\/pipeline\.yml|\.tekton\/.+\.ya?ml)$/;

/** (d) Build paths that resolve dependencies instead of installing exactly the committed lock. */
export function resolvingBuilds(repository: GeneratedRepository): string[] {
  const problems: string[] = [];
  const buildFiles = repository.paths().filter(p => BUILD_FILES.test(p));
  const rules: [RegExp, string][] = [
    [
      /go mod tidy/,
      'runs go mod tidy (re-resolves modules; its go.sum is never committed)',
    ],
    [/\bgo get\b/, 'runs go get (resolves modules at build time)'],
    [
      /\bnpm (install|i)\b/,
      'runs npm install (resolves packages instead of installing the lockfile)',
    ],
    [
      /\bnpm ci\b[^\n]*\|\|/,
      'falls back from npm ci (lockfile drift is silently tolerated)',
    ],
    [
      /go\.sum\*|package-lock\.json\*/,
      'copies the lockfile only if present (builds without it)',
    ],
  ];
  for (const file of buildFiles) {
    const content = repository.read(file);
    for (const [pattern, message] of rules) {
      if (pattern.test(content)) problems.push(`${file} ${message}`);
    }
  }
  if (repository.has('go.mod')) {
    const goMod = repository.read('go.mod');
    const goSum = repository.has('go.sum') ? repository.read('go.sum') : '';
    if (!goSum) problems.push('go.mod has no go.sum beside it');
    for (const [, module, version] of goMod.matchAll(
      /^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]+\/\S+)\s+(v\S+)/gm,
    )) {
      for (const suffix of ['', '/go.mod']) {
        const line = `${module} ${version}${suffix} h1:`;
        if (goSum && !goSum.includes(line))
          problems.push(`go.sum has no "${line}" line`);
      }
    }
    for (const file of buildFiles) {
      const content = repository.read(file);
      const readonlyEverywhere = /GOFLAGS[=:][^\n]*-mod=readonly/.test(content);
      for (const line of content.split('\n')) {
        if (
          /\bgo (build|vet|test)\b/.test(line) &&
          !/-mod=readonly/.test(line) &&
          !readonlyEverywhere
        ) {
          problems.push(`${file} runs "${line.trim()}" without -mod=readonly`);
        }
      }
    }
  }
  if (repository.has('package.json')) {
    if (!repository.has('package-lock.json')) {
      problems.push('package.json has no package-lock.json beside it');
    } else {
      const pkg = JSON.parse(repository.read('package.json'));
      const root =
        JSON.parse(repository.read('package-lock.json')).packages?.[''] ?? {};
      for (const field of ['dependencies', 'devDependencies']) {
        if (
          JSON.stringify(pkg[field] ?? {}) !== JSON.stringify(root[field] ?? {})
        ) {
          problems.push(
            `package-lock.json does not match package.json ${field} (npm ci fails)`,
          );
        }
      }
    }
  }
  return problems;
}

/** Versions a generated repository names, as [product, version, file]. */
export function namedVersions(
  repository: GeneratedRepository,
): [string, string, string][] {
  const found: [string, string, string][] = [];
  const add = (product: string, version: string, file: string) =>
    found.push([product, version, file]);
  for (const file of repository.paths()) {
    const content = repository.read(file);
    for (const m of content.matchAll(/\b(?:golang|cimg\/go):(\d+\.\d+)/g))
      add('go', m[1], file);
    for (const m of content.matchAll(/\bgo-version: '?(\d+\.\d+)/g))
      add('go', m[1], file);
    for (const m of content.matchAll(
      /(?:^|[\s"'/])(?:node|cimg\/node):(\d+)(?=[.\-\s"']|$)/gm,
    ))
      add('node', m[1], file);
    for (const m of content.matchAll(/node-version: \[([^\]]*)\]/g))
      for (const v of m[1].split(','))
        add('node', v.replace(/['"\s]/g, ''), file);
    for (const m of content.matchAll(
      /\bmatrix:\s*\n((?:\s*#[^\n]*\n)*(?:\s*- "?\d+"?\s*\n?)+)/g,
    ))
      for (const v of m[1].matchAll(/- "?(\d+)"?/g)) add('node', v[1], file);
    for (const m of content.matchAll(/distroless\/nodejs(\d+)-(debian\d+)/g)) {
      add('node', m[1], file);
      add('distroless', m[2], file);
    }
    for (const m of content.matchAll(
      /distroless\/(?:static|base|cc)[a-z-]*-(debian\d+)/g,
    ))
      add('distroless', m[1], file);
    // `owner/repo[/path]@vN`, or pinned to a commit with the release in a comment: `@<sha> # vN.x.y`
    for (const m of content.matchAll(
      /uses: ([\w.-]+\/[\w.-]+)(?:\/[\w./-]+)?@(?:(v\d+)\b|[0-9a-f]{40} # (v\d+)\.)/g,
    ))
      add(`action:${m[1]}`, m[2] ?? m[3], file);
    // kubectl images carry the Kubernetes release they were built for
    for (const m of content.matchAll(/alpine\/k8s:(\d+\.\d+)\.\d+/g))
      add('kubernetes', m[1], file);
    for (const m of content.matchAll(/cloudnative-pg\/postgresql:(\d+\.\d+)/g))
      add('postgresql', m[1], file);
    for (const m of content.matchAll(/argo-cd\/v(\d+\.\d+\.\d+)\//g))
      add('argo-cd', m[1], file);
    if (content.includes('kube-prometheus-stack'))
      for (const m of content.matchAll(/--version (\d+\.\d+\.\d+)/g))
        add('kube-prometheus-stack', m[1], file);
    if (file === 'go.mod')
      for (const m of content.matchAll(/^go (\d+\.\d+)/gm))
        add('go', m[1], file);
    if (file === 'package.json') {
      const range = JSON.parse(content).engines?.node;
      const lowest = range && /(\d+)/.exec(String(range));
      if (lowest) add('node', lowest[1], file);
    }
  }
  return found;
}

/** (e) Versions past their end of life on `today` (or not known to be supported). */
export function unsupportedVersions(
  repository: GeneratedRepository,
  today: string,
): string[] {
  const problems: string[] = [];
  for (const [product, version, file] of namedVersions(repository)) {
    if (product.startsWith('action:')) {
      const action = product.slice('action:'.length);
      const majors = SUPPORTED_ACTION_MAJORS[action];
      if (!majors)
        problems.push(`${file}: no lifecycle data for action ${action}`);
      else if (!majors.includes(version))
        problems.push(
          `${file}: ${action}@${version} is not a supported major (${majors.join(
            ', ',
          )})`,
        );
      continue;
    }
    const problem = isSupported(product, version, today);
    if (problem) problems.push(`${file}: ${problem}`);
  }
  return [...new Set(problems)];
}
