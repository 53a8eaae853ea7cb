import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { mockServices } from '@backstage/backend-test-utils';
import { ManifestReader } from './ManifestReader';

describe('ManifestReader local roots', () => {
  it('reads a source under a root that did not exist when the reader was made', async () => {
    const base = mkdtempSync(join(tmpdir(), 'manifest-reader-'));
    const root = join(base, 'local-repos'); // guidance:publish:local creates it on first use
    const reader = new ManifestReader({
      urlReader: mockServices.urlReader.mock(),
      localRoots: [root],
    });
    const source = join(root, 'orders');
    const target = {
      type: 'file' as const,
      location: `file:${source}/`,
      path: source,
    };

    await expect(reader.read(target)).rejects.toThrow(/could not read source/);

    mkdirSync(join(source, 'deploy'), { recursive: true });
    writeFileSync(join(source, 'deploy', 'app.yaml'), 'kind: Service\n');
    const read = await reader.read(target);
    expect(read.changed && read.files.map(f => f.path)).toEqual([
      'deploy/app.yaml',
    ]);
  });

  it('reads GitHub Actions workflows by default, and nothing else under .github', async () => {
    const root = mkdtempSync(join(tmpdir(), 'manifest-reader-'));
    const reader = new ManifestReader({
      urlReader: mockServices.urlReader.mock(),
      localRoots: [root],
    });
    mkdirSync(join(root, 'svc', '.github', 'workflows'), { recursive: true });
    writeFileSync(
      join(root, 'svc', '.github', 'workflows', 'ci.yml'),
      'on: push\n',
    );
    writeFileSync(
      join(root, 'svc', '.github', 'dependabot.yml'),
      'version: 2\n',
    );
    const read = await reader.read({
      type: 'file',
      location: `file:${root}/svc/`,
      path: join(root, 'svc'),
    });
    expect(read.changed && read.files.map(f => f.path)).toEqual([
      '.github/workflows/ci.yml',
    ]);
  });

  it('still refuses a path outside every root', async () => {
    const base = mkdtempSync(join(tmpdir(), 'manifest-reader-'));
    const reader = new ManifestReader({
      urlReader: mockServices.urlReader.mock(),
      localRoots: [join(base, 'roots')],
    });
    const outside = join(base, 'elsewhere');
    await expect(
      reader.read({
        type: 'file',
        location: `file:${outside}/`,
        path: outside,
      }),
    ).rejects.toThrow(/outside guidance.conformance.localRoots/);
  });

  it('reports a source over the byte budget as too large, before reading it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'manifest-reader-'));
    mkdirSync(join(root, 'big', 'deploy'), { recursive: true });
    for (const n of [1, 2, 3]) {
      writeFileSync(
        join(root, 'big', 'deploy', `part-${n}.yaml`),
        `# ${'x'.repeat(400 * 1024)}\n`,
      );
    }
    const reader = new ManifestReader({
      urlReader: mockServices.urlReader.mock(),
      localRoots: [root],
      maxSourceBytes: 1024 * 1024,
    });
    const source = join(root, 'big');
    const target = {
      type: 'file' as const,
      location: `file:${source}/`,
      path: source,
    };
    await expect(reader.read(target)).rejects.toThrow(
      'too large: 3 files, 1.2 MiB; conformance reads at most 1.0 MiB per source (guidance.conformance.maxSourceBytes)',
    );
    const roomier = new ManifestReader({
      urlReader: mockServices.urlReader.mock(),
      localRoots: [root],
      maxSourceBytes: 2 * 1024 * 1024,
    });
    const read = await roomier.read(target);
    expect(read.changed && read.files).toHaveLength(3);
  });

  it('stops reading a URL source past the byte budget', async () => {
    const urlReader = mockServices.urlReader.mock({
      readTree: async () =>
        ({
          etag: 'e1',
          files: async () =>
            [1, 2, 3].map(n => ({
              path: `deploy/part-${n}.yaml`,
              content: async () => Buffer.alloc(600 * 1024, 'a'),
            })),
        } as any),
    });
    const reader = new ManifestReader({
      urlReader,
      localRoots: [],
      maxSourceBytes: 1024 * 1024,
    });
    await expect(
      reader.read({
        type: 'url',
        location: 'url:https://git.example.com/repo/',
        url: 'https://git.example.com/repo/',
      }),
    ).rejects.toThrow(/^too large: 3 files, 1\.2 MiB/);
  });
});
