import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { mockServices } from '@backstage/backend-test-utils';
import { ManifestReader } from './ManifestReader';

describe('ManifestReader local roots', () => {
  it('reads a source under a root that did not exist when the reader was made', async () => {
    const base = mkdtempSync(join(tmpdir(), 'manifest-reader-'));
    const root = join(base, 'local-repos'); // publish:local creates it on first use
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
});
