import { join } from 'path';
import fs from 'fs-extra';
import git from 'isomorphic-git';
import YAML from 'yaml';
import { ConfigReader } from '@backstage/config';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createUpgradeAction } from './upgrade';
import { FileTree } from '../upgrade/threeWayMerge';
import { RemoteGit } from '../upgrade/remoteRepository';
import { TEMPLATES_ROOT } from '../__testUtils__/templateDirectory';

const author = { name: 'Dev', email: 'dev@example.com' };

const deploymentV1 = [
  'kind: Deployment',
  'spec:',
  '  replicas: 2',
  '  strategy: RollingUpdate',
  '  revisionHistoryLimit: 5',
  '  probe: /healthz',
  '',
].join('\n');
const deploymentV2 = [
  'kind: Deployment',
  'spec:',
  '  replicas: 2',
  '  strategy: RollingUpdate',
  '  revisionHistoryLimit: 5',
  '  probe: /livez',
  '',
].join('\n');
const answers = (version: number) =>
  YAML.stringify({
    template: 'go-service',
    version,
    values: { name: 'orders', replicas: 2 },
  });

const tree = (files: Record<string, string>): FileTree =>
  new Map(
    Object.entries(files).map(([p, c]) => [p, { content: Buffer.from(c) }]),
  );

/** A "GitHub" remote that is a folder: clone copies it, push copies objects and moves the ref. */
function folderRemote(remoteDir: string) {
  const calls: { op: string; url: string; ref?: string; token?: string }[] = [];
  const remote: RemoteGit = {
    async clone({ url, dir, token }) {
      calls.push({ op: 'clone', url, token });
      await fs.copy(remoteDir, dir);
      // Like a real clone: the remote's branches are remote-tracking refs, only main is local.
      for (const branch of await git.listBranches({ fs, dir })) {
        const oid = await git.resolveRef({ fs, dir, ref: branch });
        await git.writeRef({
          fs,
          dir,
          ref: `refs/remotes/origin/${branch}`,
          value: oid,
        });
        if (branch !== 'main') await git.deleteBranch({ fs, dir, ref: branch });
      }
    },
    async push({ url, dir, ref, token }) {
      calls.push({ op: 'push', url, ref, token });
      await fs.copy(
        join(dir, '.git/objects'),
        join(remoteDir, '.git/objects'),
        {
          overwrite: false,
        },
      );
      const oid = await git.resolveRef({ fs, dir, ref });
      await git.writeRef({
        fs,
        dir: remoteDir,
        ref,
        value: oid,
        force: true,
      });
    },
  };
  return { remote, calls };
}

describe('guidance:upgrade on a GitHub repository (mocked remote)', () => {
  const mock = createMockDirectory();

  it('merges in a clone, pushes the render tags and leaves the merged files for the pull request', async () => {
    mock.clear();
    const remoteDir = mock.resolve('remote');
    const workspacePath = mock.resolve('workspace');
    const cloneDir = mock.resolve('clone');
    await fs.ensureDir(workspacePath);
    await fs.ensureDir(cloneDir);

    // The repository publish:github made at v1, then a user commit on main.
    await fs.outputFile(
      join(remoteDir, 'deploy/deployment.yaml'),
      deploymentV1,
    );
    await fs.outputFile(
      join(remoteDir, '.paved-road/answers.yaml'),
      answers(1),
    );
    await git.init({ fs, dir: remoteDir, defaultBranch: 'main' });
    await git.add({ fs, dir: remoteDir, filepath: '.' });
    await git.commit({ fs, dir: remoteDir, message: 'Initial commit', author });
    await fs.outputFile(
      join(remoteDir, 'deploy/deployment.yaml'),
      deploymentV1.replace('replicas: 2', 'replicas: 5'),
    );
    await git.add({ fs, dir: remoteDir, filepath: '.' });
    await git.commit({ fs, dir: remoteDir, message: 'Scale up', author });

    const { remote, calls } = folderRemote(remoteDir);
    const render = jest.fn(async () =>
      tree({
        'deploy/deployment.yaml': deploymentV2,
        '.paved-road/answers.yaml': answers(2),
      }),
    );
    const action = createUpgradeAction({
      config: new ConfigReader({
        integrations: { github: [{ host: 'github.com', token: 'ghp_test' }] },
      }),
      catalog: catalogServiceMock({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: {
              name: 'orders',
              namespace: 'default',
              annotations: {
                'paved-road.dev/template': 'go-service@1',
                'backstage.io/managed-by-location':
                  'url:https://github.com/acme/orders/blob/main/catalog-info.yaml',
              },
            },
            spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
          },
          {
            apiVersion: 'scaffolder.backstage.io/v1beta3',
            kind: 'Template',
            metadata: {
              name: 'go-service',
              namespace: 'default',
              annotations: {
                'paved-road.dev/template-version': '2',
                'backstage.io/managed-by-location': `file:${join(
                  TEMPLATES_ROOT,
                  'go-service/template.yaml',
                )}`,
              },
            },
            spec: {
              parameters: [
                {
                  properties: {
                    logFormat: { type: 'string', default: 'json' },
                  },
                },
              ],
              steps: [],
            },
          },
        ],
      }),
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      urlReader: mockServices.urlReader.mock(),
      remoteGit: remote,
      render,
    });
    const ctx = createMockActionContext({
      input: { entityRef: 'component:default/orders' },
      workspacePath,
    });
    ctx.createTemporaryDirectory = jest.fn().mockResolvedValue(cloneDir);

    await action.handler(ctx as any);

    // Rendered with the recorded answers plus the new parameter's default.
    expect(render).toHaveBeenCalledWith(
      expect.objectContaining({
        values: { name: 'orders', replicas: 2, logFormat: 'json' },
      }),
    );
    expect(calls).toEqual([
      {
        op: 'clone',
        url: 'https://github.com/acme/orders.git',
        token: 'ghp_test',
      },
      ...[
        'refs/tags/paved-road/template-v2',
        'refs/tags/paved-road/template-v1',
        'refs/heads/paved-road/template',
      ].map(ref => ({
        op: 'push',
        url: 'https://github.com/acme/orders.git',
        ref,
        token: 'ghp_test',
      })),
    ]);
    // The merged files wait in the workspace for publish:github:pull-request.
    const merged = await fs.readFile(
      join(workspacePath, 'deploy/deployment.yaml'),
      'utf8',
    );
    expect(merged).toContain('replicas: 5');
    expect(merged).not.toContain('<<<<<<<');
    expect(merged).toContain('probe: /livez');
    expect(
      YAML.parse(
        await fs.readFile(
          join(workspacePath, '.paved-road/answers.yaml'),
          'utf8',
        ),
      ).version,
    ).toBe(2);
    expect(await fs.pathExists(join(workspacePath, '.git'))).toBe(false);

    // Without a template branch on the remote, the base was main's first commit (its answers
    // say v1). The remote now keeps the v2 render under its tag for when main takes it, and
    // paved-road/template on the v1 render main is on.
    const oid = await git.resolveRef({
      fs,
      dir: remoteDir,
      ref: 'refs/tags/paved-road/template-v2',
    });
    const { blob } = await git.readBlob({
      fs,
      dir: remoteDir,
      oid,
      filepath: 'deploy/deployment.yaml',
    });
    expect(Buffer.from(blob).toString()).toBe(deploymentV2);
    const [first] = (await git.log({ fs, dir: remoteDir, ref: 'main' })).slice(
      -1,
    );
    const [templateCommit] = await git.log({
      fs,
      dir: remoteDir,
      ref: 'refs/tags/paved-road/template-v2',
      depth: 1,
    });
    expect(templateCommit.commit.parent).toEqual([first.oid]);
    expect(
      await git.resolveRef({ fs, dir: remoteDir, ref: 'paved-road/template' }),
    ).toBe(first.oid);

    expect(ctx.output).toHaveBeenCalledWith(
      'repoUrl',
      'github.com?owner=acme&repo=orders',
    );
    expect(ctx.output).toHaveBeenCalledWith('branch', 'paved-road/upgrade-v2');
    expect(ctx.output).toHaveBeenCalledWith('conflicts', []);
    expect(ctx.output).toHaveBeenCalledWith(
      'summary',
      expect.stringContaining('Upgrade to go-service v2 (from v1)'),
    );
  });

  it('golden-path-upgrade opens the pull request only for GitHub repositories', async () => {
    const template = YAML.parse(
      await fs.readFile(
        join(TEMPLATES_ROOT, 'golden-path-upgrade/template.yaml'),
        'utf8',
      ),
    );
    const pr = template.spec.steps.find(
      (s: any) => s.action === 'publish:github:pull-request',
    );
    expect(pr.if).toBe('${{ steps.upgrade.output.repoUrl }}');
    expect(pr.input).toMatchObject({
      repoUrl: '${{ steps.upgrade.output.repoUrl }}',
      branchName: '${{ steps.upgrade.output.branch }}',
      description: '${{ steps.upgrade.output.summary }}',
    });
    expect(
      template.spec.parameters[0].properties.entityRef['ui:options']
        .catalogFilter,
    ).toEqual([
      { 'metadata.annotations.paved-road.dev/template': { exists: true } },
    ]);
  });
});
