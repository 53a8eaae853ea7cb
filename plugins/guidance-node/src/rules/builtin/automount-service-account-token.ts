import { GuidanceRule, ManifestObject, RuleFinding } from '../types';
import {
  Workload,
  bodyOf,
  fail,
  isRecord,
  namespaceOf,
  objectsOfKind,
  pass,
  sameNamespace,
  workloadsOf,
} from './kubernetes';

/**
 * Set to `"true"` on a workload (or its pod template) that calls the Kubernetes API with a
 * Role bound elsewhere, so the rule accepts its mounted token.
 * @public
 */
export const KUBERNETES_API_ANNOTATION = 'paved-road.dev/kubernetes-api';
/** The Vault agent logs in with the pod's token (Kubernetes auth method). */
const VAULT_AGENT_ANNOTATION = 'vault.hashicorp.com/agent-inject';

const BINDING_KINDS = ['RoleBinding', 'ClusterRoleBinding'];

function bindingFor(
  workload: Workload,
  account: string,
  objects: ManifestObject[],
): ManifestObject | undefined {
  const namespace = namespaceOf(workload.object);
  const bindings = BINDING_KINDS.flatMap(kind => objectsOfKind(objects, kind));
  return bindings.find(binding => {
    if (
      binding.kind === 'RoleBinding' &&
      !sameNamespace(binding, workload.object)
    ) {
      return false;
    }
    const subjects = bodyOf(binding).subjects;
    return (Array.isArray(subjects) ? subjects : []).some(
      s =>
        isRecord(s) &&
        s.kind === 'ServiceAccount' &&
        s.name === account &&
        (!s.namespace || !namespace || s.namespace === namespace),
    );
  });
}

function checkWorkload(
  workload: Workload,
  objects: ManifestObject[],
): RuleFinding {
  const { object, pod } = workload;
  const account = pod.spec.serviceAccountName ?? 'default';
  const serviceAccount = objectsOfKind(objects, 'ServiceAccount').find(
    o => o.name === account && sameNamespace(o, object),
  );
  const fromAccount = serviceAccount
    ? bodyOf(serviceAccount).automountServiceAccountToken
    : undefined;
  const mounted =
    (pod.spec.automountServiceAccountToken ?? fromAccount ?? true) !== false;
  if (!mounted) {
    return pass(object, 'mounts no service account token');
  }
  const binding = bindingFor(workload, account, objects);
  if (binding) {
    return pass(
      object,
      `mounts the token of ServiceAccount/${account}, which ${binding.kind}/${binding.name} grants API access`,
    );
  }
  const annotations = {
    ...(bodyOf(object).metadata?.annotations ?? {}),
    ...pod.annotations,
  };
  if (String(annotations[KUBERNETES_API_ANNOTATION]) === 'true') {
    return pass(
      object,
      `mounts a service account token: ${KUBERNETES_API_ANNOTATION} says it calls the API`,
    );
  }
  if (String(annotations[VAULT_AGENT_ANNOTATION]) === 'true') {
    return pass(
      object,
      'mounts a service account token for the Vault agent to log in with',
    );
  }
  return fail(
    object,
    `mounts the token of ServiceAccount/${account} but nothing here grants it API access: set automountServiceAccountToken: false (or annotate ${KUBERNETES_API_ANNOTATION}: "true")`,
  );
}

/** A token the app never uses is a credential an attacker in the pod gets for free. */
export const automountServiceAccountTokenRule: GuidanceRule = {
  id: 'automount-service-account-token',
  title:
    'Workloads that do not call the Kubernetes API mount no service account token',
  severity: 'warning',
  fileKinds: ['kubernetes'],
  article: {
    id: 'minikube-deployment-patterns',
    section: 'rule-automount-service-account-token',
  },
  check: input => workloadsOf(input).map(w => checkWorkload(w, input.objects)),
};
