import { GuidanceRule } from '../types';
import { bodyOf, fail, isRecord, pass } from './kubernetes';

const hasValues = (v: unknown) => isRecord(v) && Object.keys(v).length > 0;

/** Base64 is an encoding, not encryption, and Git history is forever. */
export const secretManifestRule: GuidanceRule = {
  id: 'secret-manifest',
  title: 'No Secret with plaintext values in the repository',
  severity: 'error',
  fileKinds: ['kubernetes'],
  article: {
    id: 'secret-management-patterns',
    section: 'rule-secret-manifest',
  },
  check: input =>
    input.objects
      .filter(o => o.kind === 'Secret' && o.apiVersion === 'v1')
      .map(secret => {
        const body = bodyOf(secret);
        // SOPS keeps the Secret's shape, encrypts the values and adds its own metadata.
        if (isRecord(body.sops)) {
          return pass(secret, 'values are encrypted with SOPS');
        }
        if (hasValues(body.data) || hasValues(body.stringData)) {
          return fail(
            secret,
            'holds secret values in plain text: commit a SealedSecret, a SOPS-encrypted file or an ExternalSecret instead',
          );
        }
        return pass(secret, 'holds no values');
      }),
};
