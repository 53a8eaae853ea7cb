import { GuidanceRule, RuleFinding } from '../types';
import { parseImage, refOf } from './kubernetes';
import { resolverParams, tektonObjectsOf, tektonPartsOf } from './tekton';
import { yamlPositionFinder } from './yamlPositionFinder';

const FULL_SHA = /^[0-9a-f]{40}$/;
/** `v1.7.0`, `0.9`, `v2`: a release tag. */
const RELEASE_TAG = /^v?\d+(\.\d+){0,2}([-+][0-9A-Za-z.-]+)?$/;

/** Why a remote reference can change under the pipeline, or undefined. */
function problemOf(ref: Record<string, any>): string | undefined {
  const params = resolverParams(ref);
  const resolver = typeof ref.resolver === 'string' ? ref.resolver : undefined;
  if (resolver === 'git') {
    const revision = params.get('revision');
    if (revision === undefined)
      return "names no revision, so it follows the resolver's default branch";
    const text = String(revision);
    if (FULL_SHA.test(text) || RELEASE_TAG.test(text)) return undefined;
    return `is at revision ${text}, a branch or moving ref`;
  }
  const bundle = resolver === 'bundles' ? params.get('bundle') : ref.bundle;
  if (bundle !== undefined) {
    const { tag, digest } = parseImage(String(bundle));
    if (digest || (tag && tag !== 'latest')) return undefined;
    return `uses bundle ${String(bundle)} without a version`;
  }
  if (resolver === 'hub' && params.get('version') === undefined) {
    return 'names no version, so it takes the newest in the hub';
  }
  return undefined;
}

const isRemote = (ref: Record<string, any>) =>
  (typeof ref.resolver === 'string' && ref.resolver !== 'cluster') ||
  ref.bundle !== undefined;

/**
 * A task pulled from a Git repository at a branch runs whatever was pushed there last, inside
 * the pipeline's service account and with its workspaces and credentials.
 */
export const tektonResolverPinnedRule: GuidanceRule = {
  id: 'tekton-resolver-pinned',
  title:
    'Tekton pipelines pull remote tasks at a tag or commit, never a moving branch',
  severity: 'warning',
  fileKinds: ['tekton'],
  article: { id: 'tekton-pipelines', section: 'rule-tekton-resolver-pinned' },
  check(input) {
    const findings: RuleFinding[] = [];
    const positionOf = yamlPositionFinder(input);
    for (const object of tektonObjectsOf(input)) {
      for (const { ref, path, label } of tektonPartsOf(object).refs) {
        if (!isRemote(ref)) continue;
        const problem = problemOf(ref);
        const what = `${label} resolves ${ref.resolver ?? 'a bundle'} ${
          resolverParams(ref).get('url') ??
          resolverParams(ref).get('name') ??
          ref.name ??
          ''
        }`.trim();
        findings.push({
          status: problem ? 'fail' : 'pass',
          file: object.file,
          object: refOf(object),
          ...(positionOf(object.file, object.index, path) ?? {}),
          message: problem
            ? `${what}, which ${problem}: pin a release tag or a commit SHA (params: revision: v1.7.0)`
            : `${what} at a fixed version`,
        });
      }
    }
    return findings;
  },
};
