import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { mockServices } from '@backstage/backend-test-utils';
import { ManifestReader } from './ManifestReader';

describe('ManifestReader default files', () => {
  it('reads the files that name a runtime at the root of a source, beside the manifests', async () => {
    const root = mkdtempSync(join(tmpdir(), 'manifest-reader-runtime-'));
    const source = join(root, 'orders');
    mkdirSync(join(source, 'deploy'), { recursive: true });
    mkdirSync(join(source, 'src'), { recursive: true });
    const files: Record<string, string> = {
      'deploy/app.yaml': 'kind: Service\n',
      Dockerfile: 'FROM golang:1.25\n',
      'go.mod': 'module x\n\ngo 1.25\n',
      'package.json': '{"engines":{"node":">=20"}}',
      '.nvmrc': '20\n',
      '.tool-versions': 'nodejs 20.11.1\n',
      // not read: source code, and runtime files below the root
      'src/main.go': 'package main\n',
      'src/package.json': '{}',
    };
    for (const [path, content] of Object.entries(files)) {
      writeFileSync(join(source, path), content);
    }
    const reader = new ManifestReader({
      urlReader: mockServices.urlReader.mock(),
      localRoots: [root],
    });
    const read = await reader.read({
      type: 'file',
      location: `file:${source}/`,
      path: source,
    });
    expect(read.changed && read.files.map(f => f.path).sort()).toEqual([
      '.nvmrc',
      '.tool-versions',
      'Dockerfile',
      'deploy/app.yaml',
      'go.mod',
      'package.json',
    ]);
  });
});
