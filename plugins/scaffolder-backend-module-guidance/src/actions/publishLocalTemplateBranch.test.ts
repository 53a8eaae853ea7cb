import fs from 'fs-extra';
import git from 'isomorphic-git';
import { join } from 'path';
import { ConfigReader } from '@backstage/config';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createPublishLocalAction } from './publishLocal';

describe('guidance:publish:local keeps the pristine render', () => {
  const dir = createMockDirectory();

  it('puts the initial commit on paved-road/template as well as main', async () => {
    dir.setContent({ workspace: { 'README.md': '# orders\n' } });
    const root = join(dir.path, 'repos');
    const action = createPublishLocalAction({
      // enabled: guidance:publish:local is becoming opt-in
      config: new ConfigReader({
        guidance: { publishLocal: { root, enabled: true } },
      }),
      catalog: catalogServiceMock.mock(),
    });
    await action.handler(
      createMockActionContext({
        workspacePath: join(dir.path, 'workspace'),
        input: { name: 'orders', register: false },
        logger: mockServices.logger.mock(),
      }),
    );
    const repo = join(root, 'orders');
    const main = await git.resolveRef({ fs, dir: repo, ref: 'main' });
    expect(
      await git.resolveRef({ fs, dir: repo, ref: 'paved-road/template' }),
    ).toBe(main);
    expect(await git.currentBranch({ fs, dir: repo })).toBe('main');
  });

  it('tags the initial commit with the version its answers record', async () => {
    dir.setContent({
      workspace: {
        'README.md': '# orders\n',
        '.paved-road/answers.yaml':
          'template: go-service\nversion: 3\nvalues:\n  name: orders\n',
      },
    });
    const root = join(dir.path, 'repos');
    const action = createPublishLocalAction({
      config: new ConfigReader({
        guidance: { publishLocal: { root, enabled: true } },
      }),
      catalog: catalogServiceMock.mock(),
    });
    await action.handler(
      createMockActionContext({
        workspacePath: join(dir.path, 'workspace'),
        input: { name: 'orders', register: false },
      }),
    );
    const repo = join(root, 'orders');
    expect(
      await git.resolveRef({
        fs,
        dir: repo,
        ref: 'refs/tags/paved-road/template-v3',
      }),
    ).toBe(await git.resolveRef({ fs, dir: repo, ref: 'main' }));
  });
});
