/**
 * API versions that Kubernetes (or a common operator) no longer serves, with the release
 * that removed each one and what to use instead. A manifest on a removed version is
 * refused by the API server of that release and later.
 */
export type RemovedApiVersion = {
  apiVersion: string;
  /** The kinds removed from this version; absent when the whole version is gone. */
  kinds?: string[];
  /** Who serves the API: `kubernetes`, or an operator's name. */
  project: string;
  /** The first release that no longer serves it, e.g. `1.25`. */
  removedIn: string;
  /** What to write instead, e.g. `policy/v1`. */
  replacement: string;
};

export const REMOVED_API_VERSIONS: RemovedApiVersion[] = [
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'],
    project: 'kubernetes',
    removedIn: '1.16',
    replacement: 'apps/v1',
  },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['NetworkPolicy'],
    project: 'kubernetes',
    removedIn: '1.16',
    replacement: 'networking.k8s.io/v1',
  },
  {
    apiVersion: 'apps/v1beta1',
    project: 'kubernetes',
    removedIn: '1.16',
    replacement: 'apps/v1',
  },
  {
    apiVersion: 'apps/v1beta2',
    project: 'kubernetes',
    removedIn: '1.16',
    replacement: 'apps/v1',
  },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Ingress'],
    project: 'kubernetes',
    removedIn: '1.22',
    replacement: 'networking.k8s.io/v1',
  },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kinds: ['Ingress', 'IngressClass'],
    project: 'kubernetes',
    removedIn: '1.22',
    replacement: 'networking.k8s.io/v1',
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1beta1',
    project: 'kubernetes',
    removedIn: '1.22',
    replacement: 'rbac.authorization.k8s.io/v1',
  },
  {
    apiVersion: 'batch/v1beta1',
    kinds: ['CronJob'],
    project: 'kubernetes',
    removedIn: '1.25',
    replacement: 'batch/v1',
  },
  {
    apiVersion: 'policy/v1beta1',
    kinds: ['PodDisruptionBudget'],
    project: 'kubernetes',
    removedIn: '1.25',
    replacement: 'policy/v1',
  },
  {
    apiVersion: 'autoscaling/v2beta1',
    kinds: ['HorizontalPodAutoscaler'],
    project: 'kubernetes',
    removedIn: '1.25',
    replacement: 'autoscaling/v2',
  },
  {
    apiVersion: 'autoscaling/v2beta2',
    kinds: ['HorizontalPodAutoscaler'],
    project: 'kubernetes',
    removedIn: '1.26',
    replacement: 'autoscaling/v2',
  },
];

/** The entry that says `apiVersion` is no longer served for `kind`, if there is one. */
export function findRemovedApiVersion(
  apiVersion: string,
  kind: string,
): RemovedApiVersion | undefined {
  return REMOVED_API_VERSIONS.find(
    entry =>
      entry.apiVersion === apiVersion &&
      (!entry.kinds || entry.kinds.includes(kind)),
  );
}
