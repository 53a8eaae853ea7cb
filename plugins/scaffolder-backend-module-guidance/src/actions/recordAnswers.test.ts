import os from 'os';
import { join } from 'path';
import fs from 'fs-extra';
import YAML from 'yaml';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createRecordAnswersAction, parseAnswers } from './recordAnswers';

describe('guidance:record:answers', () => {
  let workspacePath: string;
  beforeEach(async () => {
    workspacePath = await fs.mkdtemp(join(os.tmpdir(), 'record-answers-'));
  });
  afterEach(() => fs.remove(workspacePath));

  const templateInfo = {
    entityRef: 'template:default/go-service',
    entity: {
      metadata: {
        name: 'go-service',
        annotations: { 'paved-road.dev/template-version': '3' },
      },
    },
  };

  it('writes the answers without secrets and annotates the entity, keeping comments', async () => {
    await fs.writeFile(
      join(workspacePath, 'catalog-info.yaml'),
      '# the entry\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc\n  annotations:\n    a: b\nspec:\n  owner: team-a\n',
    );
    const ctx = createMockActionContext({
      workspacePath,
      templateInfo,
      input: {
        values: {
          name: 'svc',
          replicas: 2,
          apiToken: 'x',
          publishTo: 'local',
          repoUrl: 'r',
        },
        exclude: ['repoUrl'],
      },
    });
    await createRecordAnswersAction().handler(ctx);

    const answers = parseAnswers(
      await fs.readFile(
        join(workspacePath, '.paved-road/answers.yaml'),
        'utf8',
      ),
    );
    expect(answers).toEqual({
      template: 'go-service',
      version: 3,
      values: { name: 'svc', replicas: 2, publishTo: 'local' },
    });
    const catalog = await fs.readFile(
      join(workspacePath, 'catalog-info.yaml'),
      'utf8',
    );
    expect(catalog).toContain('# the entry');
    expect(YAML.parse(catalog).metadata.annotations).toEqual({
      a: 'b',
      'paved-road.dev/template': 'go-service@3',
    });
    expect(ctx.output).toHaveBeenCalledWith('recorded', [
      'name',
      'replicas',
      'publishTo',
    ]);
  });

  it('writes only the answers when there is no entity file', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      input: { values: { a: 1 }, template: 'ci-pipeline', version: '2' },
    });
    await createRecordAnswersAction().handler(ctx);
    expect(await fs.pathExists(join(workspacePath, 'catalog-info.yaml'))).toBe(
      false,
    );
    expect(
      YAML.parse(
        await fs.readFile(
          join(workspacePath, '.paved-road/answers.yaml'),
          'utf8',
        ),
      ),
    ).toEqual({ template: 'ci-pipeline', version: 2, values: { a: 1 } });
  });

  it('refuses a template without a valid version', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      templateInfo: {
        ...templateInfo,
        entity: { metadata: { name: 'go-service' } },
      },
      input: { values: {} },
    });
    await expect(createRecordAnswersAction().handler(ctx)).rejects.toThrow(
      /go-service has no valid paved-road.dev\/template-version/,
    );
  });

  it('parseAnswers rejects a malformed file', () => {
    expect(() => parseAnswers('template: 3\n')).toThrow(/must hold template/);
  });
});
