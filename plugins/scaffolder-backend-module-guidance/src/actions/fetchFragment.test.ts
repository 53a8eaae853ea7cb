import fs from 'fs-extra';
import { join } from 'path';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createFetchFragmentAction, listFragments } from './fetchFragment';

const fragmentsRoot = join(__dirname, '__fixtures__', 'fragments');

describe('guidance:fetch:fragment', () => {
  const workspace = createMockDirectory();
  const action = createFetchFragmentAction({
    integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
    fragmentsRoot,
  });

  beforeEach(() => workspace.clear());

  const run = (input: Record<string, unknown>) =>
    action.handler(
      createMockActionContext({
        workspacePath: workspace.path,
        input: input as any,
      }),
    );

  it('renders file contents and file and folder names with the values', async () => {
    await run({
      fragment: 'greeting',
      values: { name: 'my-app', port: 8080, debug: true },
    });

    expect(await fs.readFile(join(workspace.path, 'my-app.txt'), 'utf8')).toBe(
      'Hello my-app!\ndebug: on\n',
    );
    expect(
      await fs.readFile(join(workspace.path, 'my_app', 'config.yaml'), 'utf8'),
    ).toBe('name: my_app\nport: 8080\n');
    // the staging copy is gone and nothing else was written
    expect((await fs.readdir(workspace.path)).sort()).toEqual([
      'my-app.txt',
      'my_app',
    ]);
  });

  it('applies Nunjucks conditions the way fetch:template does', async () => {
    await run({ fragment: 'greeting', values: { name: 'quiet', port: 1 } });
    expect(await fs.readFile(join(workspace.path, 'quiet.txt'), 'utf8')).toBe(
      'Hello quiet!\n',
    );
  });

  it('writes under targetPath and takes <part>/<name> fragments', async () => {
    await run({
      fragment: 'ci/sample',
      targetPath: 'ci',
      values: { name: 'orders' },
    });
    expect(
      await fs.readFile(join(workspace.path, 'ci', 'pipeline.yaml'), 'utf8'),
    ).toBe('provider: sample\nservice: orders\n');
  });

  it('does not overwrite existing files unless replace is set', async () => {
    workspace.setContent({ 'ci/pipeline.yaml': 'mine\n' });
    await run({
      fragment: 'ci/sample',
      targetPath: 'ci',
      values: { name: 'orders' },
    });
    expect(
      await fs.readFile(join(workspace.path, 'ci', 'pipeline.yaml'), 'utf8'),
    ).toBe('mine\n');

    await run({
      fragment: 'ci/sample',
      targetPath: 'ci',
      values: { name: 'orders' },
      replace: true,
    });
    expect(
      await fs.readFile(join(workspace.path, 'ci', 'pipeline.yaml'), 'utf8'),
    ).toBe('provider: sample\nservice: orders\n');
  });

  it('copies files matching copyWithoutTemplating as they are', async () => {
    await run({
      fragment: 'ci/sample',
      values: { name: 'orders' },
      copyWithoutTemplating: ['pipeline.yaml'],
    });
    expect(
      await fs.readFile(join(workspace.path, 'pipeline.yaml'), 'utf8'),
    ).toBe('provider: sample\nservice: ${{ values.name }}\n');
  });

  it.each(['../x', '../../etc', 'ci/../greeting', '/etc', 'Greeting', 'ci/'])(
    'refuses the fragment name %s',
    async fragment => {
      await expect(run({ fragment })).rejects.toThrow(/Invalid fragment name/);
      expect(await fs.readdir(workspace.path)).toEqual([]);
    },
  );

  it("hands the portal's address to fragments as values.portalBaseUrl unless the template sets it", async () => {
    const withPortal = createFetchFragmentAction({
      integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
      fragmentsRoot,
      portalBaseUrl: 'https://backstage.example.com/',
    });
    const render = async (values: Record<string, unknown>) => {
      await withPortal.handler(
        createMockActionContext({
          workspacePath: workspace.path,
          input: { fragment: 'links', values, replace: true } as any,
        }),
      );
      return fs.readFile(join(workspace.path, 'links.yaml'), 'utf8');
    };
    expect(await render({ name: 'orders' })).toBe(
      'runbook: https://backstage.example.com/docs/default/component/orders/runbook/\n',
    );
    expect(
      await render({ name: 'orders', portalBaseUrl: 'https://portal.acme.io' }),
    ).toBe(
      'runbook: https://portal.acme.io/docs/default/component/orders/runbook/\n',
    );
    // Without the option the value is simply absent.
    await run({ fragment: 'links', values: { name: 'orders' }, replace: true });
    expect(await fs.readFile(join(workspace.path, 'links.yaml'), 'utf8')).toBe(
      'runbook: /docs/default/component/orders/runbook/\n',
    );
  });

  it('refuses an unknown fragment and lists the available ones', async () => {
    await expect(run({ fragment: 'ci/jenkins' })).rejects.toThrow(
      'Unknown fragment "ci/jenkins"; available fragments: ci/other, ci/sample, greeting',
    );
    expect(await fs.readdir(workspace.path)).toEqual([]);
  });

  it('refuses a targetPath outside the workspace', async () => {
    await expect(
      run({
        fragment: 'greeting',
        targetPath: '../out',
        values: { name: 'a' },
      }),
    ).rejects.toThrow(/outside/);
  });

  it('lists fragments one and two levels deep', async () => {
    expect(await listFragments(fragmentsRoot)).toEqual([
      'ci/other',
      'ci/sample',
      'greeting',
      'links',
    ]);
    expect(await listFragments(join(fragmentsRoot, 'missing'))).toEqual([]);
  });
});
