import { ManifestObject, RuleFinding, RuleInput } from '../types';

/** What the built-in rules know about Kubernetes objects: pod templates, containers, selectors. */

export type Labels = Record<string, string>;
export type LabelSelector = {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
};
export type Probe = Record<string, any>;
export type Container = {
  name?: string;
  image?: string;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  resources?: {
    requests?: Record<string, unknown>;
    limits?: Record<string, unknown>;
  };
  securityContext?: Record<string, any>;
  env?: { name?: string; value?: unknown; valueFrom?: unknown }[];
};
export type PodSpec = {
  containers?: Container[];
  initContainers?: Container[];
  securityContext?: Record<string, any>;
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
};
export type PodTemplate = {
  spec: PodSpec;
  labels: Labels;
  annotations: Record<string, string>;
};
export type Workload = { object: ManifestObject; pod: PodTemplate };

export const isRecord = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The body as a loosely typed record, for reading fields that may be absent. */
export const bodyOf = (object: ManifestObject): Record<string, any> =>
  isRecord(object.body) ? object.body : {};

export const refOf = (object: ManifestObject) =>
  `${object.kind}/${object.name}`;

export const namespaceOf = (object: ManifestObject): string | undefined => {
  const ns = bodyOf(object).metadata?.namespace;
  return typeof ns === 'string' ? ns : undefined;
};

/** Objects without a namespace take the one they are deployed to, so they may meet anything. */
export const sameNamespace = (a: ManifestObject, b: ManifestObject) => {
  const na = namespaceOf(a);
  const nb = namespaceOf(b);
  return !na || !nb || na === nb;
};

export const LONG_RUNNING_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];
export const REPLICATED_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet'];

/** The pod template of a workload (or the spec of a bare Pod); undefined for other kinds. */
export function podTemplateOf(object: ManifestObject): PodTemplate | undefined {
  const body = bodyOf(object);
  const fromTemplate = (template: unknown): PodTemplate | undefined =>
    isRecord(template) && isRecord(template.spec)
      ? {
          spec: template.spec as PodSpec,
          labels: recordOf(template.metadata?.labels),
          annotations: recordOf(template.metadata?.annotations),
        }
      : undefined;
  switch (object.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return fromTemplate(body.spec?.template);
    case 'CronJob':
      return fromTemplate(body.spec?.jobTemplate?.spec?.template);
    case 'Pod':
      return fromTemplate(body);
    default:
      return undefined;
  }
}

function recordOf(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, String(v)]),
  );
}

const kindIndexes = new WeakMap<
  ManifestObject[],
  Map<string, ManifestObject[]>
>();

/**
 * The objects of one kind, from an index built once per input: rules that look up a
 * workload's ServiceAccount, bindings, budgets or autoscalers scan those kinds, not every
 * object, so a source of thousands of workloads stays linear.
 */
export function objectsOfKind(
  objects: ManifestObject[],
  kind: string,
): ManifestObject[] {
  let index = kindIndexes.get(objects);
  if (!index) {
    index = new Map();
    for (const object of objects) {
      const list = index.get(object.kind) ?? [];
      list.push(object);
      index.set(object.kind, list);
    }
    kindIndexes.set(objects, index);
  }
  return index.get(kind) ?? [];
}

export function workloadsOf(input: RuleInput): Workload[] {
  const workloads: Workload[] = [];
  for (const object of input.objects) {
    const pod = podTemplateOf(object);
    if (pod) workloads.push({ object, pod });
  }
  return workloads;
}

/** Where a workload's pod spec sits in its object, as a field path. */
export function podSpecPathOf(object: ManifestObject): string[] {
  switch (object.kind) {
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    case 'Pod':
      return ['spec'];
    default:
      return ['spec', 'template', 'spec'];
  }
}

export type LabelledContainer = {
  container: Container;
  /** Its field path inside the pod spec: `['containers', 0]`. */
  path: [string, number];
  /** `container "app"` or `init container "migrate"`, for messages. */
  label: string;
  init: boolean;
};

export function containersOf(pod: PodTemplate): LabelledContainer[] {
  const list = (items: unknown, init: boolean): LabelledContainer[] =>
    (Array.isArray(items) ? items : []).flatMap((c, index) =>
      isRecord(c)
        ? [
            {
              container: c as Container,
              path: [init ? 'initContainers' : 'containers', index],
              label: `${init ? 'init container' : 'container'} "${
                c.name ?? '?'
              }"`,
              init,
            },
          ]
        : [],
    );
  return [
    ...list(pod.spec.initContainers, true),
    ...list(pod.spec.containers, false),
  ];
}

/** An init container with `restartPolicy: Always` is a sidecar: it runs as long as the pod. */
export const isSidecar = (c: LabelledContainer) =>
  c.init && (c.container as Record<string, unknown>).restartPolicy === 'Always';

export function mapMatches(selector: Labels, labels: Labels): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === String(v));
}

export function selectorMatches(
  selector: LabelSelector,
  labels: Labels,
): boolean {
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

export const formatLabels = (labels: Labels) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/**
 * Splits `registry:5000/team/app:1.2@sha256:...` into the name and how it is pinned.
 *
 * @public
 */
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

/** Finding builders that name the object the way every report does. */
export const fail = (object: ManifestObject, message: string): RuleFinding => ({
  status: 'fail',
  file: object.file,
  object: refOf(object),
  message,
});
export const pass = (object: ManifestObject, message: string): RuleFinding => ({
  status: 'pass',
  file: object.file,
  object: refOf(object),
  message,
});

export type ContainerCheckResult = { ok: boolean; message: string };

/** One finding per container of every matching workload, from a per-container check. */
export function checkContainers(
  input: RuleInput,
  options: {
    kinds?: string[];
    /** Which containers the rule is about; all of them by default. */
    include?: (c: LabelledContainer) => boolean;
    /** One result, or several when a container breaks the rule in several ways. */
    check: (
      c: LabelledContainer,
      w: Workload,
    ) => ContainerCheckResult | ContainerCheckResult[];
  },
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const workload of workloadsOf(input)) {
    if (options.kinds && !options.kinds.includes(workload.object.kind)) {
      continue;
    }
    for (const c of containersOf(workload.pod)) {
      if (options.include && !options.include(c)) continue;
      const results = [options.check(c, workload)].flat();
      for (const result of results) {
        findings.push({
          ...(result.ok
            ? pass(workload.object, result.message)
            : fail(workload.object, result.message)),
          path: [...podSpecPathOf(workload.object), ...c.path],
        });
      }
    }
  }
  return findings;
}

/**
 * Long-running containers (and native sidecars) that must carry a probe: the rule's findings
 * say per container whether `probe` is set.
 */
export function checkProbePresent(
  input: RuleInput,
  probe: 'livenessProbe' | 'readinessProbe',
): RuleFinding[] {
  return checkContainers(input, {
    kinds: LONG_RUNNING_KINDS,
    include: c => !c.init || isSidecar(c),
    check: ({ container, label }) =>
      container[probe]
        ? { ok: true, message: `${label} has a ${probe}` }
        : { ok: false, message: `${label} has no ${probe}` },
  });
}

/**
 * For rules that match objects against each other: when some files did not parse, an object
 * that finds no partner may have one in them. Such a finding is `not-applicable`, naming the
 * files, rather than a failure the `yaml` rule already explains.
 */
export function unmatched(
  input: RuleInput,
  object: ManifestObject,
  message: string,
): RuleFinding {
  const unparsed = [...new Set(input.parseErrors.map(e => e.file))];
  if (unparsed.length === 0) return fail(object, message);
  return {
    status: 'not-applicable',
    file: object.file,
    object: refOf(object),
    message: `${message} among the files that parse; not judged until ${unparsed.join(
      ', ',
    )} parse${unparsed.length === 1 ? 's' : ''} (see the yaml rule)`,
  };
}
