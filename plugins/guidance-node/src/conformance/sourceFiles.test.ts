import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createIncludeMatcher, findSourceFiles } from './sourceFiles';

describe('the default include globs', () => {
  const matches = createIncludeMatcher();

  it('read the CI configurations and Dockerfiles the rules check', () => {
    for (const path of [
      '.github/workflows/ci.yml',
      '.circleci/config.yml',
      '.circleci/continue_config.yml',
      '.buildkite/pipeline.yml',
      '.buildkite/pipelines/release.yaml',
      '.tekton/push.yaml',
      'tekton/pipeline.yaml',
      'Dockerfile',
      'Dockerfile.prod',
      'services/api/Dockerfile',
      'services/api/Dockerfile-dev',
      'build/api.dockerfile',
      'deploy/deployment.yaml',
      'catalog-info.yaml',
    ]) {
      expect([path, matches(path)]).toEqual([path, true]);
    }
  });

  it('leave out what no rule reads', () => {
    for (const path of [
      'README.md',
      'src/main.go',
      '.github/dependabot.yml',
      'docs/Dockerfile.md.txt/notes.md',
      'config/app.yaml',
    ]) {
      expect([path, matches(path)]).toEqual([path, false]);
    }
  });

  it('find nested Dockerfiles and CI files in a repository, never inside node_modules', async () => {
    const root = await fs.mkdtemp(join(tmpdir(), 'paved-road-sources-'));
    const write = async (path: string) => {
      await fs.mkdir(join(root, path, '..'), { recursive: true });
      await fs.writeFile(join(root, path), 'x');
    };
    await Promise.all(
      [
        'services/api/Dockerfile',
        '.buildkite/pipeline.yml',
        '.circleci/config.yml',
        'node_modules/pkg/Dockerfile',
        'src/index.ts',
      ].map(write),
    );
    try {
      const listing = await findSourceFiles(root, matches);
      expect(listing.files.map(f => f.path)).toEqual([
        '.buildkite/pipeline.yml',
        '.circleci/config.yml',
        'services/api/Dockerfile',
      ]);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
