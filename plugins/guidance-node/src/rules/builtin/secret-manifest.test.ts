import {
  evaluate,
  failuresOf,
  yamlDocuments,
} from '../../__testUtils__/manifests';
import { secretManifestRule } from './secret-manifest';

const secret = (extra: Record<string, unknown>) => ({
  'deploy/base/secret.yaml': yamlDocuments({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'orders-db' },
    type: 'Opaque',
    ...extra,
  }),
});

describe('secret-manifest', () => {
  it('does not apply without Secrets, and passes SOPS-encrypted ones', () => {
    expect(evaluate(secretManifestRule).status).toBe('not-applicable');
    expect(
      evaluate(
        secretManifestRule,
        undefined,
        secret({
          data: { password: 'ENC[AES256_GCM,data:abc]' },
          sops: { version: '3.9.0' },
        }),
      ).status,
    ).toBe('pass');
  });

  it('fails a Secret with plain values', () => {
    expect(
      failuresOf(
        secretManifestRule,
        undefined,
        secret({ stringData: { password: 'hunter2' } }),
      ),
    ).toEqual([
      'deploy/base/secret.yaml: Secret/orders-db: holds secret values in plain text: commit a SealedSecret, a SOPS-encrypted file or an ExternalSecret instead',
    ]);
  });
});
