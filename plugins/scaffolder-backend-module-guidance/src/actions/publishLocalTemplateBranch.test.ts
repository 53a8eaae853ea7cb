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

describe('publish:local keeps the pristine render', () => {
  const dir = createMockDirectory();

  it('puts the initial commit on paved-road/template as well as main', async () => {
    dir.setContent({ workspace: { 'README.md': '# orders\n' } });
    const root = join(dir.path, 'repos');
    const action = createPublishLocalAction({
      // enabled: publish:local is becoming opt-in
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
});
