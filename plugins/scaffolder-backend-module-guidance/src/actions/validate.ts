import fs from 'fs-extra';
import { posix, relative, sep } from 'path';
import { parseAllDocuments } from 'yaml';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';

/**
 * The checks `guidance:validate` runs, by rule id, with what each one asks for.
 * @public
 */
export const MANIFEST_RULES = {
  yaml: 'every .yaml/.yml file parses',
  probes:
    'readiness and liveness probes on every container of a Deployment, StatefulSet or DaemonSet',
  resources:
    'cpu and memory requests and limits on every container, init containers included',
  'image-tag': 'images pinned to a tag other than latest (or a digest)',
  'non-root':
    'runAsNonRoot: true on the pod or container and allowPrivilegeEscalation: false',
  'secret-env':
    'secret-looking environment variables come from valueFrom, never a plain value',
  'service-selector':
    'every Service selects the pods of a workload in the same output',
  'servicemonitor-selector':
    'every ServiceMonitor selects a Service and scrapes one of its named ports',
  pdb: 'a PodDisruptionBudget for every workload that runs more than one replica',
} as const;

/** @public */
export type ManifestRuleId = keyof typeof MANIFEST_RULES;

/** @public */
export type ManifestProblem = {
  file: string;
  rule: ManifestRuleId;
  message: string;
  /** `<Kind>/<name>`, absent for problems with the file itself. */
  object?: string;
};

/** @public */
export type ManifestFile = { path: string; content: string };

const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY|CREDENTIALS)/i;
/** Variables that point at a mounted secret hold a path, not the secret. */
const SECRET_REFERENCE = /_(FILE|PATH|DIR)$/i;
const WORKLOAD_KINDS_WITH_PROBES = ['Deployment', 'StatefulSet', 'DaemonSet'];
const REPLICATED_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet'];

type Labels = Record<string, string>;
type LabelSelector = {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
};
type Container = {
  name?: string;
  image?: string;
  readinessProbe?: unknown;
  livenessProbe?: unknown;
  resources?: {
    requests?: Record<string, unknown>;
    limits?: Record<string, unknown>;
  };
  securityContext?: {
    runAsNonRoot?: boolean;
    allowPrivilegeEscalation?: boolean;
  };
  env?: { name?: string; value?: unknown; valueFrom?: unknown }[];
};
type PodSpec = {
  containers?: Container[];
  initContainers?: Container[];
  securityContext?: { runAsNonRoot?: boolean };
};
type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Labels };
  spec?: any;
};
type Located = { file: string; object: KubeObject };
type PodTemplate = { spec: PodSpec; labels: Labels };

const isRecord = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isKubeObject(v: unknown): v is KubeObject {
  return (
    isRecord(v) &&
    typeof v.apiVersion === 'string' &&
    typeof v.kind === 'string' &&
    isRecord(v.metadata) &&
    typeof v.metadata.name === 'string'
  );
}

function isKustomization(file: string, doc: unknown): boolean {
  if (!isRecord(doc)) return false;
  if (typeof doc.apiVersion === 'string') {
    return doc.apiVersion.startsWith('kustomize.config.k8s.io/');
  }
  // kustomize accepts a kustomization.yaml without apiVersion and kind
  return /^kustomization\.ya?ml$/i.test(posix.basename(file));
}

function podTemplateOf(object: KubeObject): PodTemplate | undefined {
  const fromTemplate = (template: any) =>
    isRecord(template) && isRecord(template.spec)
      ? {
          spec: template.spec as PodSpec,
          labels: (template.metadata?.labels ?? {}) as Labels,
        }
      : undefined;
  switch (object.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return fromTemplate(object.spec?.template);
    case 'CronJob':
      return fromTemplate(object.spec?.jobTemplate?.spec?.template);
    case 'Pod':
      return isRecord(object.spec)
        ? { spec: object.spec, labels: object.metadata.labels ?? {} }
        : undefined;
    default:
      return undefined;
  }
}

/** A workload without a complete container list is a kustomize patch, not an object to check. */
function isPartial(object: KubeObject): boolean {
  if (
    ![
      'Deployment',
      'StatefulSet',
      'DaemonSet',
      'ReplicaSet',
      'Job',
      'CronJob',
      'Pod',
    ].includes(object.kind)
  ) {
    return false;
  }
  const pod = podTemplateOf(object);
  const containers = pod?.spec.containers;
  return (
    !Array.isArray(containers) ||
    containers.length === 0 ||
    containers.some(c => !c?.image)
  );
}

function containersOf(
  pod: PodTemplate,
): { container: Container; label: string }[] {
  const list = (items: unknown, what: string) =>
    (Array.isArray(items) ? items : [])
      .filter(isRecord)
      .map(c => ({
        container: c as Container,
        label: `${what} "${c.name ?? '?'}"`,
      }));
  return [
    ...list(pod.spec.initContainers, 'init container'),
    ...list(pod.spec.containers, 'container'),
  ];
}

function mapMatches(selector: Labels, labels: Labels): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === String(v));
}

function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  if (!mapMatches(selector.matchLabels ?? {}, labels)) return false;
  return (selector.matchExpressions ?? []).every(
    ({ key, operator, values = [] }) => {
      switch (operator) {
        case 'In':
          return key in labels && values.includes(labels[key]);
        case 'NotIn':
          return !(key in labels) || !values.includes(labels[key]);
        case 'Exists':
          return key in labels;
        case 'DoesNotExist':
          return !(key in labels);
        default:
          return false;
      }
    },
  );
}

const formatLabels = (labels: Labels) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/** Objects without a namespace take the one they are deployed to, so they may meet anything. */
const sameNamespace = (a: KubeObject, b: KubeObject) =>
  !a.metadata.namespace ||
  !b.metadata.namespace ||
  a.metadata.namespace === b.metadata.namespace;

/** Splits `registry:5000/team/app:1.2@sha256:...` into the name and how it is pinned. */
export function parseImage(image: string): {
  name: string;
  tag?: string;
  digest?: string;
} {
  const [withoutDigest, digest] = image.split('@');
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  if (colon > slash) {
    return {
      name: withoutDigest.slice(0, colon),
      tag: withoutDigest.slice(colon + 1),
      digest,
    };
  }
  return { name: withoutDigest, digest };
}

/**
 * Checks parsed manifests against the guidance. Pure: takes file contents, returns problems.
 * @public
 */
export function checkManifests(
  files: ManifestFile[],
  options: { skip?: string[] } = {},
): { problems: ManifestProblem[]; objects: number } {
  const skip = new Set(options.skip ?? []);
  const problems: ManifestProblem[] = [];
  const report = (
    file: string,
    rule: ManifestRuleId,
    message: string,
    object?: KubeObject,
  ) => {
    if (skip.has(rule)) return;
    problems.push({
      file,
      rule,
      message,
      object: object ? `${object.kind}/${object.metadata.name}` : undefined,
    });
  };

  // Pass 1: parse everything and learn what kustomizations say about the other files.
  const parsed: { file: string; docs: unknown[] }[] = [];
  const patchFiles = new Set<string>();
  const pinnedByKustomize = new Set<string>();
  for (const { path: file, content } of files) {
    const docs: unknown[] = [];
    for (const doc of parseAllDocuments(content, { merge: true })) {
      if (doc.errors.length > 0) {
        report(
          file,
          'yaml',
          `does not parse: ${doc.errors[0].message.split('\n')[0]}`,
        );
        continue;
      }
      docs.push(doc.toJS());
    }
    parsed.push({ file, docs });
    for (const doc of docs) {
      if (!isKustomization(file, doc)) continue;
      const k = doc as Record<string, any>;
      const dir = posix.dirname(file);
      const refs = [
        ...(Array.isArray(k.patchesStrategicMerge)
          ? k.patchesStrategicMerge
          : []),
        ...(Array.isArray(k.patches) ? k.patches.map((p: any) => p?.path) : []),
        ...(Array.isArray(k.patchesJson6902)
          ? k.patchesJson6902.map((p: any) => p?.path)
          : []),
      ];
      for (const ref of refs) {
        // inline patches are YAML text, not file names
        if (typeof ref === 'string' && !ref.includes('\n'))
          patchFiles.add(posix.join(dir, ref));
      }
      for (const image of Array.isArray(k.images) ? k.images : []) {
        if (isRecord(image) && typeof image.name === 'string') {
          const pinned =
            image.digest || (image.newTag && String(image.newTag) !== 'latest');
          if (pinned) pinnedByKustomize.add(image.name);
        }
      }
    }
  }

  const objects: Located[] = [];
  for (const { file, docs } of parsed) {
    if (patchFiles.has(file)) continue;
    for (const doc of docs) {
      if (isKubeObject(doc) && !isKustomization(file, doc) && !isPartial(doc)) {
        objects.push({ file, object: doc });
      }
    }
  }
  const workloads = objects
    .map(o => ({ ...o, pod: podTemplateOf(o.object) }))
    .filter((o): o is Located & { pod: PodTemplate } => o.pod !== undefined);
  const services = objects.filter(o => o.object.kind === 'Service');

  // Pass 2: the rules for each pod template.
  for (const { file, object, pod } of workloads) {
    const podRunsAsNonRoot = pod.spec.securityContext?.runAsNonRoot;
    for (const { container, label } of containersOf(pod)) {
      const isInit = label.startsWith('init');

      if (!isInit && WORKLOAD_KINDS_WITH_PROBES.includes(object.kind)) {
        const missing = (['readinessProbe', 'livenessProbe'] as const).filter(
          p => !container[p],
        );
        if (missing.length > 0) {
          report(
            file,
            'probes',
            `${label} has no ${missing.join(' and no ')}`,
            object,
          );
        }
      }

      const missingResources = [
        'requests.cpu',
        'requests.memory',
        'limits.cpu',
        'limits.memory',
      ].filter(key => {
        const [group, resource] = key.split('.') as [
          'requests' | 'limits',
          string,
        ];
        const value = container.resources?.[group]?.[resource];
        return value === undefined || value === null || value === '';
      });
      if (missingResources.length > 0) {
        report(
          file,
          'resources',
          `${label} does not set resources ${missingResources.join(', ')}`,
          object,
        );
      }

      if (typeof container.image === 'string') {
        const { name, tag, digest } = parseImage(container.image);
        if (!digest && !pinnedByKustomize.has(name)) {
          if (!tag) {
            report(
              file,
              'image-tag',
              `${label} uses image "${container.image}" without a tag: pin a version`,
              object,
            );
          } else if (tag === 'latest') {
            report(
              file,
              'image-tag',
              `${label} uses image "${container.image}": pin a version instead of latest`,
              object,
            );
          }
        }
      }

      const runsAsNonRoot =
        container.securityContext?.runAsNonRoot ?? podRunsAsNonRoot;
      if (runsAsNonRoot !== true) {
        report(
          file,
          'non-root',
          `${label} may run as root: set securityContext.runAsNonRoot: true on the pod or the container`,
          object,
        );
      }
      if (container.securityContext?.allowPrivilegeEscalation !== false) {
        report(
          file,
          'non-root',
          `${label} does not set securityContext.allowPrivilegeEscalation: false`,
          object,
        );
      }

      for (const variable of Array.isArray(container.env)
        ? container.env
        : []) {
        const name = variable?.name;
        if (
          typeof name === 'string' &&
          SECRET_NAME.test(name) &&
          !SECRET_REFERENCE.test(name) &&
          variable.value !== undefined
        ) {
          report(
            file,
            'secret-env',
            `${label} sets ${name} as a plain value: use valueFrom.secretKeyRef`,
            object,
          );
        }
      }
    }

    const replicas = object.spec?.replicas;
    if (
      REPLICATED_KINDS.includes(object.kind) &&
      typeof replicas === 'number' &&
      replicas > 1
    ) {
      const covered = objects.some(
        ({ object: pdb }) =>
          pdb.kind === 'PodDisruptionBudget' &&
          sameNamespace(pdb, object) &&
          isRecord(pdb.spec?.selector) &&
          selectorMatches(pdb.spec.selector, pod.labels),
      );
      if (!covered) {
        report(
          file,
          'pdb',
          `runs ${replicas} replicas but no PodDisruptionBudget selects its pods (${formatLabels(
            pod.labels,
          )})`,
          object,
        );
      }
    }
  }

  for (const { file, object } of services) {
    const selector = object.spec?.selector;
    if (
      object.spec?.type === 'ExternalName' ||
      !isRecord(selector) ||
      Object.keys(selector).length === 0
    ) {
      continue;
    }
    const matched = workloads.some(
      w =>
        sameNamespace(w.object, object) && mapMatches(selector, w.pod.labels),
    );
    if (!matched) {
      report(
        file,
        'service-selector',
        `selector ${formatLabels(
          selector,
        )} matches the pod labels of no workload`,
        object,
      );
    }
  }

  for (const { file, object } of objects) {
    if (object.kind !== 'ServiceMonitor') continue;
    const matchLabels: Labels = object.spec?.selector?.matchLabels ?? {};
    if (Object.keys(matchLabels).length === 0) {
      report(
        file,
        'servicemonitor-selector',
        'has no selector.matchLabels: name the labels of the Service to scrape',
        object,
      );
      continue;
    }
    // Without a namespaceSelector a ServiceMonitor only looks in its own namespace.
    const anyNamespace = isRecord(object.spec?.namespaceSelector);
    const selected = services.filter(
      s =>
        (anyNamespace || sameNamespace(s.object, object)) &&
        mapMatches(matchLabels, s.object.metadata.labels ?? {}),
    );
    if (selected.length === 0) {
      report(
        file,
        'servicemonitor-selector',
        `selector.matchLabels ${formatLabels(
          matchLabels,
        )} matches the labels of no Service`,
        object,
      );
      continue;
    }
    const portNames = new Set(
      selected.flatMap(s =>
        (Array.isArray(s.object.spec?.ports) ? s.object.spec.ports : []).map(
          (p: any) => p?.name,
        ),
      ),
    );
    const endpoints: any[] = Array.isArray(object.spec?.endpoints)
      ? object.spec.endpoints
      : [];
    if (endpoints.length === 0) {
      report(
        file,
        'servicemonitor-selector',
        'has no endpoints to scrape',
        object,
      );
    }
    endpoints.forEach((endpoint, index) => {
      if (typeof endpoint?.port !== 'string') {
        report(
          file,
          'servicemonitor-selector',
          `endpoint ${
            index + 1
          } does not name a Service port (endpoints[].port)`,
          object,
        );
      } else if (!portNames.has(endpoint.port)) {
        const names = selected
          .map(s => `Service/${s.object.metadata.name}`)
          .join(', ');
        report(
          file,
          'servicemonitor-selector',
          `endpoint port "${endpoint.port}" is not a port name of ${names}`,
          object,
        );
      }
    });
  }

  const order = new Map(files.map((f, i) => [f.path, i]));
  problems.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  return { problems, objects: objects.length };
}

/** @public */
export function formatProblem(problem: ManifestProblem): string {
  const where = problem.object
    ? `${problem.file}: ${problem.object}`
    : problem.file;
  return `${where}: [${problem.rule}] ${problem.message}`;
}

const IGNORED_FOLDERS = new Set(['.git', 'node_modules']);

async function findYamlFiles(path: string): Promise<string[]> {
  const stat = await fs.stat(path);
  if (stat.isFile()) return /\.ya?ml$/i.test(path) ? [path] : [];
  const entries = await fs.readdir(path, { withFileTypes: true });
  // A Helm chart's templates are Go templates, not YAML until rendered.
  const isChart = entries.some(e => e.isFile() && e.name === 'Chart.yaml');
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const child = `${path}${sep}${entry.name}`;
    if (entry.isDirectory()) {
      if (
        IGNORED_FOLDERS.has(entry.name) ||
        (isChart && entry.name === 'templates')
      )
        continue;
      found.push(...(await findYamlFiles(child)));
    } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
      found.push(child);
    }
  }
  return found;
}

/**
 * Creates `guidance:validate`: checks the generated Kubernetes manifests against the guidance
 * and fails with a report naming file, object and rule for every problem.
 * @public
 */
export function createValidateAction() {
  return createTemplateAction({
    id: 'guidance:validate',
    description: `Checks the YAML in the workspace against the guidance and fails with one line per problem (\`<file>: <Kind>/<name>: [<rule>] <what is wrong>\`). Rules: ${Object.entries(
      MANIFEST_RULES,
    )
      .map(([id, what]) => `\`${id}\` (${what})`)
      .join(', ')}. Kustomize patches are parsed but not checked.`,
    examples: [
      {
        description: 'Check everything the template generated',
        example: [
          'steps:',
          '  - id: validate',
          '    action: guidance:validate',
        ].join('\n'),
      },
      {
        description:
          'Check the manifests only, without the PodDisruptionBudget rule',
        example: [
          'steps:',
          '  - id: validate',
          '    action: guidance:validate',
          '    input:',
          '      paths: [deploy]',
          '      skip: [pdb]',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: z =>
        z.object({
          paths: z
            .array(z.string())
            .optional()
            .describe(
              'Files or folders in the workspace to check. Defaults to the whole workspace',
            ),
          skip: z
            .array(z.string())
            .optional()
            .describe(
              `Rule ids not to check: ${Object.keys(MANIFEST_RULES).join(
                ', ',
              )}`,
            ),
        }),
      output: z =>
        z.object({
          checked: z.number().describe('YAML files read'),
          objects: z.number().describe('Kubernetes objects checked'),
        }),
    },
    async handler(ctx) {
      const skip = ctx.input.skip ?? [];
      const unknown = skip.filter(id => !(id in MANIFEST_RULES));
      if (unknown.length > 0) {
        throw new InputError(
          `Unknown rule id(s) in skip: ${unknown.join(
            ', ',
          )}; the rules are ${Object.keys(MANIFEST_RULES).join(', ')}`,
        );
      }

      const files = new Set<string>();
      for (const path of ctx.input.paths ?? ['.']) {
        const absolute = resolveSafeChildPath(ctx.workspacePath, path);
        if (!(await fs.pathExists(absolute))) {
          throw new InputError(
            `Nothing to validate at ${path}: no such file or folder in the workspace`,
          );
        }
        for (const file of await findYamlFiles(absolute)) files.add(file);
      }
      const manifests: ManifestFile[] = [];
      for (const file of files) {
        manifests.push({
          path: relative(ctx.workspacePath, file).split(sep).join('/'),
          content: await fs.readFile(file, 'utf8'),
        });
      }

      const { problems, objects } = checkManifests(manifests, { skip });
      if (problems.length > 0) {
        const lines = problems.map(formatProblem);
        throw new Error(
          `The generated files do not follow the guidance (${
            problems.length
          } problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
        );
      }
      ctx.logger.info(
        `Checked ${objects} Kubernetes objects in ${manifests.length} YAML files: all follow the guidance`,
      );
      ctx.output('checked', manifests.length);
      ctx.output('objects', objects);
    },
  });
}
