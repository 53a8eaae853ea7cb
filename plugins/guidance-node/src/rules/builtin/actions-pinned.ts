import { GuidanceRule, RuleFinding } from '../types';
import { usesOf, workflowsOf } from './github-actions';

const FULL_SHA = /^[0-9a-f]{40}$/;
/** `v6`, `v6.1`, `6.1.2`, `v6.1.2-beta.1`: a release tag. */
const RELEASE_TAG = /^v?\d+(\.\d+){0,2}([-+][0-9A-Za-z.-]+)?$/;

/** Whether a `uses:` names code that does not change under the workflow without a commit. */
function judge(uses: string): { ok: boolean; why: string } {
  if (uses.startsWith('./')) return { ok: true, why: 'a local action' };
  if (uses.startsWith('docker://')) {
    const image = uses.slice('docker://'.length);
    return /@sha256:|:[^/]+$/.test(image) && !/:latest$/.test(image)
      ? { ok: true, why: 'a tagged image' }
      : { ok: false, why: 'an image without a version' };
  }
  const at = uses.lastIndexOf('@');
  if (at < 0) return { ok: false, why: 'no ref at all' };
  const ref = uses.slice(at + 1);
  if (FULL_SHA.test(ref)) return { ok: true, why: 'a full commit SHA' };
  if (RELEASE_TAG.test(ref)) return { ok: true, why: `release ${ref}` };
  return { ok: false, why: `"${ref}", a branch or moving ref` };
}

/**
 * An action referenced by a branch runs whatever was pushed there last, with the job's token
 * and secrets. A release tag is the least; a full commit SHA cannot be moved at all.
 */
export const actionsPinnedRule: GuidanceRule = {
  id: 'actions-pinned',
  title:
    'GitHub Actions workflows use actions by a full commit SHA or a release tag',
  severity: 'warning',
  fileKinds: ['github-actions'],
  article: {
    id: 'oauth2-oidc-infrastructure',
    section: 'rule-actions-pinned',
  },
  check(input) {
    const findings: RuleFinding[] = [];
    for (const workflow of workflowsOf(input)) {
      for (const { job, step, uses } of usesOf(workflow)) {
        const { ok, why } = judge(uses);
        const where = `job ${job}${step ? `, ${step}` : ''}`;
        findings.push({
          status: ok ? 'pass' : 'fail',
          file: workflow.file,
          message: ok
            ? `${where} uses ${uses} (${why})`
            : `${where} uses ${uses}: ${why}; pin a full commit SHA (with the version in a comment) or at least a release tag`,
        });
      }
    }
    return findings;
  },
};
