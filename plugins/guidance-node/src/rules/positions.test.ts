import { BUILTIN_RULES } from './builtin';
import { evaluateRules, parseManifests, parseYamlDocuments } from './engine';
import {
  MAX_FIELD_POSITIONS,
  fieldPathKey,
  positionOfField,
} from './positions';
import { GuidanceRule } from './types';

const MANIFEST = `# the orders service
apiVersion: v1
kind: ServiceAccount
metadata:
  name: orders
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
spec:
  template:
    spec:
      containers:
        - name: sidecar
          image: ghcr.io/acme/proxy:1.2.0
          resources:
            limits:
              memory: 64Mi
        - name: app
          image: ghcr.io/acme/orders:latest
`;

describe('field positions', () => {
  it('records every key and list item of a document with its line and column', () => {
    const [, deployment] = parseYamlDocuments(MANIFEST);
    const positions = deployment.positions!;
    expect(positions['']).toEqual([7, 1]);
    expect(positions[fieldPathKey(['kind'])]).toEqual([8, 1]);
    expect(
      positions[fieldPathKey(['spec', 'template', 'spec', 'containers', 1])],
    ).toEqual([20, 11]);
    expect(
      positions[
        fieldPathKey(['spec', 'template', 'spec', 'containers', 1, 'image'])
      ],
    ).toEqual([21, 11]);
  });

  it('points a missing field at its nearest present parent, and a path-less finding at the document', () => {
    const [, deployment] = parseYamlDocuments(MANIFEST);
    const positions = deployment.positions!;
    expect(
      positionOfField(positions, [
        'spec',
        'template',
        'spec',
        'containers',
        1,
        'resources',
      ]),
    ).toEqual({ line: 20, column: 11 });
    expect(positionOfField(positions)).toEqual({ line: 7, column: 1 });
  });
});

describe('findings carry positions', () => {
  it("places a container rule's finding on the failing container, not only its object", () => {
    const input = parseManifests([
      { path: 'deploy/app.yaml', content: MANIFEST },
    ]);
    const byId = new Map(BUILTIN_RULES.map(r => [r.id, r]));
    const [imageTag, memoryLimit] = evaluateRules(
      [byId.get('image-tag')!, byId.get('memory-limit')!],
      input,
    );
    expect(imageTag.status).toBe('fail');
    expect(imageTag.findings).toEqual([
      expect.objectContaining({
        file: 'deploy/app.yaml',
        object: 'Deployment/orders',
        line: 20,
        column: 11,
      }),
    ]);
    expect(memoryLimit.findings).toEqual([
      expect.objectContaining({ line: 20, column: 11 }),
    ]);
  });

  it("places an object finding at the object's document, and keeps a rule's own line", () => {
    const rule: GuidanceRule = {
      id: 'names',
      title: 'names',
      severity: 'error',
      article: { id: 'golden-paths' },
      check: () => [
        {
          status: 'fail',
          file: 'deploy/app.yaml',
          object: 'Deployment/orders',
          message: 'the object',
        },
        {
          status: 'fail',
          file: 'deploy/app.yaml',
          object: 'Deployment/orders',
          path: ['metadata', 'name'],
          message: 'a field',
        },
        {
          status: 'fail',
          file: 'deploy/app.yaml',
          object: 'Deployment/orders',
          line: 3,
          column: 2,
          message: 'its own',
        },
        { status: 'fail', file: 'deploy/other.yaml', message: 'no file' },
      ],
    };
    const [evaluation] = evaluateRules(
      [rule],
      parseManifests([{ path: 'deploy/app.yaml', content: MANIFEST }]),
    );
    expect(evaluation.findings.map(f => [f.message, f.line, f.column])).toEqual(
      [
        ['the object', 7, 1],
        ['a field', 10, 3],
        ['its own', 3, 2],
        ['no file', undefined, undefined],
      ],
    );
  });

  it('counts lines of the file as written when it holds merge conflict blocks', () => {
    const conflicted = `apiVersion: apps/v1
kind: Deployment
metadata:
<<<<<<< HEAD
  name: orders
=======
  name: orders-v2
>>>>>>> feature
spec:
  template:
    spec:
      containers:
        - name: app
          image: ghcr.io/acme/orders:latest
`;
    const input = parseManifests([
      { path: 'deploy/app.yaml', content: conflicted },
    ]);
    const imageTag = BUILTIN_RULES.find(r => r.id === 'image-tag')!;
    const [evaluation] = evaluateRules([imageTag], input);
    expect(evaluation.findings).toEqual([
      expect.objectContaining({ line: 13, column: 11 }),
    ]);
  });
});

describe('bounded positions', () => {
  it('records a deeply nested document in a bounded map: 32 levels deep at most', () => {
    const nesting = `${'['.repeat(100)}${']'.repeat(100)}`;
    const [doc] = parseYamlDocuments(nesting);
    const positions = doc.error === undefined ? doc.positions! : {};
    const keys = Object.keys(positions);
    expect(keys.length).toBeLessThanOrEqual(33);
    expect(Math.max(...keys.map(k => k.length))).toBeLessThan(64);
    // a deeper item points at the deepest recorded parent
    expect(positionOfField(positions, Array(100).fill(0))).toEqual({
      line: 1,
      column: 33,
    });
  });
});

describe('the position budget of a file', () => {
  it('shares MAX_FIELD_POSITIONS among the documents; later ones record their start only', () => {
    const one = 'kind: A\nspec:\n  items: [1, 2, 3]\n';
    const perDocument = Object.keys(
      parseYamlDocuments(one)[0].positions!,
    ).length;
    const count = Math.ceil(MAX_FIELD_POSITIONS / perDocument) + 10;
    const docs = parseYamlDocuments(Array(count).fill(one).join('---\n'));
    const sizes = docs.map(d => Object.keys(d.positions!).length);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(MAX_FIELD_POSITIONS + count);
    expect(sizes[0]).toBe(perDocument);
    // the last documents still know where they start, for object findings
    expect(docs[count - 1].positions).toEqual({
      '': [expect.any(Number), 1],
    });
    expect(docs[count - 1].positions![''][0]).toBe((count - 1) * 4 + 1);
  });
});
