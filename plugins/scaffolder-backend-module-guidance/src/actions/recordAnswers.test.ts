import os from 'os';
import { join } from 'path';
import fs from 'fs-extra';
import YAML from 'yaml';
import { pathToFileURL } from 'url';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  createRecordAnswersAction as createAction,
  parseAnswers,
} from './recordAnswers';

const parameters = [
  {
    properties: {
      name: { type: 'string' },
      replicas: { type: 'integer', default: 2 },
      // Names that look like secrets but are ordinary choices: they must be recorded.
      secretsStore: { type: 'string', enum: ['vault-agent', 'none'] },
      tokenAudience: { type: 'string' },
    },
  },
  {
    properties: {
      publishTo: { type: 'string' },
      apiKey: { type: 'string', 'ui:field': 'Secret' },
      database: {
        type: 'object',
        properties: {
          host: { type: 'string' },
          password: { type: 'string', 'ui:widget': 'password' },
        },
      },
    },
    dependencies: {
      publishTo: {
        oneOf: [
          {
            properties: {
              publishTo: { const: 'github' },
              deployKey: { type: 'string', 'ui:widget': 'password' },
            },
          },
        ],
      },
    },
  },
];
const templateEntity: Entity = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'go-service', namespace: 'default' },
  spec: { parameters, steps: [] },
};
const createRecordAnswersAction = (entities: Entity[] = [templateEntity]) =>
  createAction({ catalog: catalogServiceMock({ entities }) });

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

  it('records every answer the schema does not declare secret, whatever its name', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      templateInfo,
      input: {
        values: {
          name: 'svc',
          secretsStore: 'vault-agent',
          tokenAudience: 'api',
          publishTo: 'github',
          apiKey: '******',
          deployKey: 'k',
          database: { host: 'db', password: 'p' },
        },
      },
    });
    await createRecordAnswersAction().handler(ctx);
    const { values } = parseAnswers(
      await fs.readFile(
        join(workspacePath, '.paved-road/answers.yaml'),
        'utf8',
      ),
    );
    expect(values).toEqual({
      name: 'svc',
      secretsStore: 'vault-agent',
      tokenAudience: 'api',
      publishTo: 'github',
      database: { host: 'db' },
    });
  });

  it('reads the schema from the template.yaml of a dry run', async () => {
    const dryRunDir = await fs.mkdtemp(join(os.tmpdir(), 'dry-run-'));
    try {
      await fs.writeFile(
        join(dryRunDir, 'template.yaml'),
        YAML.stringify({ ...templateEntity, metadata: { name: 'go-service' } }),
      );
      const ctx = createMockActionContext({
        workspacePath,
        templateInfo: {
          ...templateInfo,
          entityRef: 'template:default/dry-run',
          baseUrl: pathToFileURL(join(dryRunDir, 'template.yaml')).href,
        },
        input: { values: { secretsStore: 'none', apiKey: '***' } },
      });
      await createRecordAnswersAction([]).handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('recorded', ['secretsStore']);
    } finally {
      await fs.remove(dryRunDir);
    }
  });

  it('refuses to record when the template and its schema cannot be found', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      templateInfo,
      input: { values: { name: 'svc' } },
    });
    await expect(createRecordAnswersAction([]).handler(ctx)).rejects.toThrow(
      'Cannot read the parameters of template:default/go-service to tell its secret inputs from its answers; nothing recorded',
    );
    expect(
      await fs.pathExists(join(workspacePath, '.paved-road/answers.yaml')),
    ).toBe(false);
  });

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
          apiKey: 'x',
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
      templateInfo,
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
