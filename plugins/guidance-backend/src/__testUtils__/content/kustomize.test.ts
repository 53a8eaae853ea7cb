import { codeBlocks } from './codeBlocks';
import { requireTool } from './externalTool';
import {
  buildKustomization,
  findKustomizations,
  requireKustomize,
} from './kustomize';

const fence = (body: string) => `\`\`\`yaml\n${body}\n\`\`\`\n`;
const BASE = `# app/base/kustomization.yaml
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - service.yaml`;
const SERVICE = `# app/base/service.yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: 80`;
const OVERLAY = `# app/overlays/dev/kustomization.yaml
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../base
namePrefix: dev-`;

describe('the kustomize check', () => {
  beforeAll(() => {
    requireTool(
      'kubectl',
      ['version', '--client'],
      'apt-get install -y kubectl',
    );
  });

  it('builds a base and an overlay whose files are all in the article', () => {
    const { complete, incomplete } = findKustomizations(
      codeBlocks([BASE, SERVICE, OVERLAY].map(fence).join('\n')),
      'demo.md',
    );
    expect(complete.map(k => k.dir)).toEqual(['app/base', 'app/overlays/dev']);
    expect(incomplete).toEqual([]);
    for (const k of complete) expect(buildKustomization(k)).toBeUndefined();
  });

  it('leaves out a kustomization whose files the article does not show', () => {
    const { complete, incomplete } = findKustomizations(
      codeBlocks([BASE, OVERLAY].map(fence).join('\n')),
      'demo.md',
    );
    expect(complete).toEqual([]);
    expect(incomplete).toHaveLength(2);
  });

  it('fails a kustomization that does not build', () => {
    const broken = `${BASE}\npatches:\n  - target: { kind: Service }\n    patch: "- op: replace\\n  path: /spec/nope/x\\n  value: 1"`;
    const { complete } = findKustomizations(
      codeBlocks([broken, SERVICE].map(fence).join('\n')),
      'bad.md',
    );
    expect(complete).toHaveLength(1);
    expect(buildKustomization(complete[0])).toMatch(
      /^bad\.md line 1 \(app\/base\/kustomization\.yaml\): kubectl kustomize: /,
    );
  });

  it('refuses a kubectl whose built-in kustomize is too old', () => {
    expect(
      requireKustomize('Client Version: v1.32.4\nKustomize Version: v5.5.0'),
    ).toBe('Kustomize Version: v5.5.0');
    expect(() =>
      requireKustomize('Client Version: v1.20.5\nKustomize Version: v2.0.3'),
    ).toThrow(/must be kustomize v4 or later .*Kustomize Version: v2\.0\.3/);
  });
});
