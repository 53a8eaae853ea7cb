import { GuidanceRule } from '../types';
import { alertRuleFieldsRule } from './alert-rule-fields';
import { argocdProjectRule } from './argocd-project';
import { argocdPruneFinalizerRule } from './argocd-prune-finalizer';
import { catalogOwnerGroupRule } from './catalog-owner-group';
import { cnpgBackupRule } from './cnpg-backup';
import { fluxKustomizationRule } from './flux-kustomization';
import { hpaReplicasRule } from './hpa-replicas';
import { monitoringReleaseLabelRule } from './monitoring-release-label';
import { oncallAnnotationRule } from './oncall-annotation';
import { pgbouncerPoolModeRule } from './pgbouncer-pool-mode';
import { pgbouncerPoolSizeRule } from './pgbouncer-pool-size';
import { automountServiceAccountTokenRule } from './automount-service-account-token';
import { cronjobDeadlinesRule } from './cronjob-deadlines';
import { databaseInDeploymentRule } from './database-in-deployment';
import { dropCapabilitiesRule } from './drop-capabilities';
import { imagePinnedRule } from './image-pinned';
import { imageTagRule } from './image-tag';
import { ingressClassRule } from './ingress-class';
import { livenessProbeRule } from './liveness-probe';
import { memoryLimitRule } from './memory-limit';
import { nonRootRule } from './non-root';
import { pdbRule } from './pdb';
import { pdbAllowsEvictionRule } from './pdb-allows-eviction';
import { prestopDelayRule } from './prestop-delay';
import { readinessDistinctFromLivenessRule } from './readiness-distinct-from-liveness';
import { readinessProbeRule } from './readiness-probe';
import { resourcesRule } from './resources';
import { seccompProfileRule } from './seccomp-profile';
import { secretEnvRule } from './secret-env';
import { secretManifestRule } from './secret-manifest';
import { servedApiVersionRule } from './served-api-version';
import { serviceSelectorRule } from './service-selector';
import { serviceMonitorSelectorRule } from './servicemonitor-selector';
import { startupProbeRule } from './startup-probe';
import { supportedVersionsRule } from './supported-versions';
import { yamlRule } from './yaml';
import { mergeConflictRule } from './merge-conflict';
import { actionsPinnedRule } from './actions-pinned';
import { workflowPermissionsRule } from './workflow-permissions';
import { actionsCloudOidcRule } from './actions-cloud-oidc';
import { actionsPushDefaultBranchRule } from './actions-push-default-branch';
import { circleciPinnedRule } from './circleci-pinned';
import { circleciSecretsInContextsRule } from './circleci-secrets-in-contexts';
import { circleciDeployFilteredRule } from './circleci-deploy-filtered';
import { buildkitePluginsPinnedRule } from './buildkite-plugins-pinned';
import { buildkiteEnvSecretsRule } from './buildkite-env-secrets';
import { buildkiteDeployBranchRule } from './buildkite-deploy-branch';
import { tektonResolverPinnedRule } from './tekton-resolver-pinned';
import { tektonScriptParamsRule } from './tekton-script-params';
import { tektonPushWhenRule } from './tekton-push-when';
import { dockerfileNonRootRule } from './dockerfile-non-root';
import { dockerfileBasePinnedRule } from './dockerfile-base-pinned';
import { dockerfileMultiStageRule } from './dockerfile-multi-stage';
import { dockerfileSecretsRule } from './dockerfile-secrets';

/**
 * The rules Paved Road ships, in report order: the files parse, then each pod, then how
 * the objects fit together.
 * @public
 */
export const BUILTIN_RULES: GuidanceRule[] = [
  yamlRule,
  mergeConflictRule,
  servedApiVersionRule,
  readinessProbeRule,
  livenessProbeRule,
  startupProbeRule,
  readinessDistinctFromLivenessRule,
  resourcesRule,
  memoryLimitRule,
  imageTagRule,
  imagePinnedRule,
  supportedVersionsRule,
  nonRootRule,
  dropCapabilitiesRule,
  seccompProfileRule,
  automountServiceAccountTokenRule,
  secretEnvRule,
  secretManifestRule,
  serviceSelectorRule,
  prestopDelayRule,
  ingressClassRule,
  serviceMonitorSelectorRule,
  pdbRule,
  pdbAllowsEvictionRule,
  cronjobDeadlinesRule,
  databaseInDeploymentRule,
  alertRuleFieldsRule,
  monitoringReleaseLabelRule,
  hpaReplicasRule,
  argocdProjectRule,
  argocdPruneFinalizerRule,
  fluxKustomizationRule,
  pgbouncerPoolModeRule,
  pgbouncerPoolSizeRule,
  cnpgBackupRule,
  catalogOwnerGroupRule,
  oncallAnnotationRule,
  actionsPinnedRule,
  workflowPermissionsRule,
  actionsCloudOidcRule,
  actionsPushDefaultBranchRule,
  circleciPinnedRule,
  circleciSecretsInContextsRule,
  circleciDeployFilteredRule,
  buildkitePluginsPinnedRule,
  buildkiteEnvSecretsRule,
  buildkiteDeployBranchRule,
  tektonResolverPinnedRule,
  tektonScriptParamsRule,
  tektonPushWhenRule,
  dockerfileNonRootRule,
  dockerfileBasePinnedRule,
  dockerfileMultiStageRule,
  dockerfileSecretsRule,
];

export { KUBERNETES_API_ANNOTATION } from './automount-service-account-token';
export { parseImage } from './kubernetes';
