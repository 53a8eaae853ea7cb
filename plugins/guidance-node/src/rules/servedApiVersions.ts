/**
 * API versions that current releases no longer serve: a manifest that uses one is
 * refused by the API server (or by the operator's CRD) before anything runs.
 *
 * Sources, checked 2026-11-24:
 * - Kubernetes: "Deprecated API Migration Guide",
 *   https://kubernetes.io/docs/reference/using-api/deprecation-guide/ (v1.16, v1.22,
 *   v1.25, v1.26, v1.27, v1.29, v1.32 sections).
 * - External Secrets Operator: v0.17.0 release notes ("stops serving v1beta1 apis");
 *   v1alpha1 ExternalSecret/SecretStore removed in the v1 promotion
 *   (external-secrets/external-secrets#4633, released in v0.16.0).
 * - Flux: v1beta1/v2beta1 removed in Flux 2.7 (fluxcd/flux2#5474, helm-controller#1396),
 *   v1beta2/v2beta2 of source, kustomize and helm removed in Flux 2.8 (fluxcd/flux2#5711:
 *   source-controller#1983, kustomize-controller#1584, helm-controller#1404).
 * - Tekton Pipelines: v1alpha1 Task, TaskRun, Pipeline, PipelineRun and ClusterTask
 *   removed in v0.38.0 (tektoncd/pipeline#5005, TEP-0105).
 * - Argo CD: Application, AppProject and ApplicationSet have only ever been served as
 *   `argoproj.io/v1alpha1`, which is current, so nothing is listed for it.
 *
 * Where a group/version still serves other kinds (for example
 * `admissionregistration.k8s.io/v1beta1` ValidatingAdmissionPolicy, `tekton.dev/v1alpha1`
 * StepAction), `kinds` names only the removed ones.
 */

/**
 * One API version (optionally only some of its kinds) that is no longer served.
 *
 * @public
 */
export type RemovedApiVersion = {
  /** `group/version` as written in a manifest, e.g. `policy/v1beta1`. */
  apiVersion: string;
  /** Only these kinds were removed; absent means every kind of that version. */
  kinds?: string[];
  /** Who serves it: 'kubernetes', 'external-secrets', 'flux', 'tekton', ... */
  project: string;
  /** The release that stopped serving it, e.g. '1.25' or 'v0.17.0'. */
  removedIn: string;
  /** What to write instead. */
  replacement: string;
};

const k8s = (
  apiVersion: string,
  kinds: string[],
  removedIn: string,
  replacement: string,
): RemovedApiVersion => ({
  apiVersion,
  kinds,
  project: 'kubernetes',
  removedIn,
  replacement,
});

/**
 * The table; one home for it, used by the content tests and the served-api-version rule.
 *
 * @public
 */
export const REMOVED_API_VERSIONS: readonly RemovedApiVersion[] = [
  // Kubernetes 1.16
  k8s(
    'extensions/v1beta1',
    ['Deployment', 'DaemonSet', 'ReplicaSet'],
    '1.16',
    'apps/v1',
  ),
  k8s('extensions/v1beta1', ['NetworkPolicy'], '1.16', 'networking.k8s.io/v1'),
  k8s(
    'extensions/v1beta1',
    ['PodSecurityPolicy'],
    '1.16',
    'Pod Security Admission (no API object)',
  ),
  k8s(
    'apps/v1beta1',
    ['Deployment', 'StatefulSet', 'ReplicaSet', 'ControllerRevision'],
    '1.16',
    'apps/v1',
  ),
  k8s(
    'apps/v1beta2',
    [
      'Deployment',
      'StatefulSet',
      'DaemonSet',
      'ReplicaSet',
      'ControllerRevision',
    ],
    '1.16',
    'apps/v1',
  ),
  // Kubernetes 1.22
  k8s('extensions/v1beta1', ['Ingress'], '1.22', 'networking.k8s.io/v1'),
  k8s(
    'networking.k8s.io/v1beta1',
    ['Ingress', 'IngressClass'],
    '1.22',
    'networking.k8s.io/v1',
  ),
  k8s(
    'admissionregistration.k8s.io/v1beta1',
    ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    '1.22',
    'admissionregistration.k8s.io/v1',
  ),
  k8s(
    'apiextensions.k8s.io/v1beta1',
    ['CustomResourceDefinition'],
    '1.22',
    'apiextensions.k8s.io/v1',
  ),
  k8s(
    'apiregistration.k8s.io/v1beta1',
    ['APIService'],
    '1.22',
    'apiregistration.k8s.io/v1',
  ),
  k8s(
    'authentication.k8s.io/v1beta1',
    ['TokenReview'],
    '1.22',
    'authentication.k8s.io/v1',
  ),
  k8s(
    'authorization.k8s.io/v1beta1',
    [
      'LocalSubjectAccessReview',
      'SelfSubjectAccessReview',
      'SubjectAccessReview',
    ],
    '1.22',
    'authorization.k8s.io/v1',
  ),
  k8s(
    'certificates.k8s.io/v1beta1',
    ['CertificateSigningRequest'],
    '1.22',
    'certificates.k8s.io/v1',
  ),
  k8s(
    'coordination.k8s.io/v1beta1',
    ['Lease'],
    '1.22',
    'coordination.k8s.io/v1',
  ),
  k8s(
    'rbac.authorization.k8s.io/v1beta1',
    ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
    '1.22',
    'rbac.authorization.k8s.io/v1',
  ),
  k8s(
    'scheduling.k8s.io/v1beta1',
    ['PriorityClass'],
    '1.22',
    'scheduling.k8s.io/v1',
  ),
  k8s(
    'storage.k8s.io/v1beta1',
    ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
    '1.22',
    'storage.k8s.io/v1',
  ),
  // Kubernetes 1.25
  k8s('batch/v1beta1', ['CronJob'], '1.25', 'batch/v1'),
  k8s(
    'discovery.k8s.io/v1beta1',
    ['EndpointSlice'],
    '1.25',
    'discovery.k8s.io/v1',
  ),
  k8s('events.k8s.io/v1beta1', ['Event'], '1.25', 'events.k8s.io/v1'),
  k8s(
    'autoscaling/v2beta1',
    ['HorizontalPodAutoscaler'],
    '1.25',
    'autoscaling/v2',
  ),
  k8s('policy/v1beta1', ['PodDisruptionBudget'], '1.25', 'policy/v1'),
  k8s(
    'policy/v1beta1',
    ['PodSecurityPolicy'],
    '1.25',
    'Pod Security Admission (namespace labels), no API object',
  ),
  k8s('node.k8s.io/v1beta1', ['RuntimeClass'], '1.25', 'node.k8s.io/v1'),
  // Kubernetes 1.26
  k8s(
    'autoscaling/v2beta2',
    ['HorizontalPodAutoscaler'],
    '1.26',
    'autoscaling/v2',
  ),
  k8s(
    'flowcontrol.apiserver.k8s.io/v1beta1',
    ['FlowSchema', 'PriorityLevelConfiguration'],
    '1.26',
    'flowcontrol.apiserver.k8s.io/v1',
  ),
  // Kubernetes 1.27
  k8s(
    'storage.k8s.io/v1beta1',
    ['CSIStorageCapacity'],
    '1.27',
    'storage.k8s.io/v1',
  ),
  // Kubernetes 1.29 and 1.32
  k8s(
    'flowcontrol.apiserver.k8s.io/v1beta2',
    ['FlowSchema', 'PriorityLevelConfiguration'],
    '1.29',
    'flowcontrol.apiserver.k8s.io/v1',
  ),
  k8s(
    'flowcontrol.apiserver.k8s.io/v1beta3',
    ['FlowSchema', 'PriorityLevelConfiguration'],
    '1.32',
    'flowcontrol.apiserver.k8s.io/v1',
  ),

  // External Secrets Operator (PushSecret and generators are still v1alpha1: not listed)
  {
    apiVersion: 'external-secrets.io/v1beta1',
    kinds: [
      'ExternalSecret',
      'SecretStore',
      'ClusterSecretStore',
      'ClusterExternalSecret',
    ],
    project: 'external-secrets',
    removedIn: 'v0.17.0',
    replacement: 'external-secrets.io/v1',
  },
  {
    apiVersion: 'external-secrets.io/v1alpha1',
    kinds: ['ExternalSecret', 'SecretStore', 'ClusterSecretStore'],
    project: 'external-secrets',
    removedIn: 'v0.16.0',
    replacement: 'external-secrets.io/v1',
  },

  // Flux
  {
    apiVersion: 'source.toolkit.fluxcd.io/v1beta1',
    project: 'flux',
    removedIn: 'v2.7',
    replacement: 'source.toolkit.fluxcd.io/v1',
  },
  {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1beta1',
    project: 'flux',
    removedIn: 'v2.7',
    replacement: 'kustomize.toolkit.fluxcd.io/v1',
  },
  {
    apiVersion: 'helm.toolkit.fluxcd.io/v2beta1',
    project: 'flux',
    removedIn: 'v2.7',
    replacement: 'helm.toolkit.fluxcd.io/v2',
  },
  {
    apiVersion: 'notification.toolkit.fluxcd.io/v1beta1',
    project: 'flux',
    removedIn: 'v2.7',
    replacement:
      'notification.toolkit.fluxcd.io/v1 (Receiver) or v1beta3 (Alert, Provider)',
  },
  {
    apiVersion: 'image.toolkit.fluxcd.io/v1beta1',
    project: 'flux',
    removedIn: 'v2.7',
    replacement: 'image.toolkit.fluxcd.io/v1',
  },
  {
    apiVersion: 'source.toolkit.fluxcd.io/v1beta2',
    project: 'flux',
    removedIn: 'v2.8',
    replacement: 'source.toolkit.fluxcd.io/v1',
  },
  {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1beta2',
    project: 'flux',
    removedIn: 'v2.8',
    replacement: 'kustomize.toolkit.fluxcd.io/v1',
  },
  {
    apiVersion: 'helm.toolkit.fluxcd.io/v2beta2',
    project: 'flux',
    removedIn: 'v2.8',
    replacement: 'helm.toolkit.fluxcd.io/v2',
  },

  // Tekton Pipelines (v1alpha1 StepAction, VerificationPolicy and Run are other kinds)
  {
    apiVersion: 'tekton.dev/v1alpha1',
    kinds: ['Task', 'TaskRun', 'Pipeline', 'PipelineRun', 'ClusterTask'],
    project: 'tekton',
    removedIn: 'v0.38.0',
    replacement: 'tekton.dev/v1',
  },
];

/**
 * The table entry for an object's apiVersion and kind, or undefined when the API is
 * still served (or unknown to the table). Whitespace around the inputs is ignored.
 *
 * @public
 */
export function findRemovedApiVersion(
  apiVersion: string,
  kind: string,
): RemovedApiVersion | undefined {
  const version = apiVersion.trim();
  const k = kind.trim();
  return REMOVED_API_VERSIONS.find(
    entry =>
      entry.apiVersion === version && (!entry.kinds || entry.kinds.includes(k)),
  );
}
