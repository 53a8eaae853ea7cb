/* eslint-disable jest/no-standalone-expect -- each case's expectRan is called from the it.each
   below, per example; it is kept next to the action it checks. */
import fs from 'fs-extra';
import { join } from 'path';
import YAML from 'yaml';
import { validate as validateJsonSchema } from 'jsonschema';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { GUIDANCE_ANNOTATION } from '@paved-road/plugin-guidance-common';
import { guidanceServiceMock } from '@paved-road/plugin-guidance-node/testUtils';
import { createAnnotateAction } from './annotate';
import { createFetchFragmentAction } from './fetchFragment';
import { createPublishLocalAction } from './publishLocal';
import { createValidateAction } from './validate';

// Every example of every action is what a template author copies: each one must pass the
// action's input schema (as the scaffolder checks it before a step runs) and run offline.

const PARAMETERS: Record<string, unknown> = { name: 'orders' };

const catalogInfo = YAML.stringify({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders' },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'experimental' },
});

/** Replaces `${{ parameters.x }}` as the scaffolder would; anything else is an error. */
function renderParameters(value: unknown): unknown {
  if (typeof value === 'string') {
    const whole = value.match(/^\$\{\{\s*parameters\.(\w+)\s*\}\}$/);
    if (whole) return PARAMETERS[whole[1]];
    const rendered = value.replace(
      /\$\{\{\s*parameters\.(\w+)\s*\}\}/g,
      (_, name) => String(PARAMETERS[name]),
    );
    if (rendered.includes('${{'))
      throw new Error(
        `Example uses an expression the test can't render: ${value}`,
      );
    return rendered;
  }
  if (Array.isArray(value)) return value.map(renderParameters);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, renderParameters(v)]),
    );
  }
  return value;
}

type Step = { id: string; action: string; input?: Record<string, unknown> };

function stepsOf(action: TemplateAction<any, any, any>, example: string) {
  const doc = YAML.parse(example);
  const steps: Step[] = (doc?.steps ?? []).filter(
    (s: Step) => s.action === action.id,
  );
  return steps.map(s => ({
    ...s,
    input: renderParameters(s.input ?? {}) as Record<string, unknown>,
  }));
}

function schemaErrors(action: TemplateAction<any, any, any>, input: unknown) {
  return validateJsonSchema(input, action.schema?.input as any).errors.map(
    e => `${e.property} ${e.message}`,
  );
}

describe('action examples', () => {
  const dir = createMockDirectory();
  const workspacePath = join(dir.path, 'workspace');
  const reposRoot = join(dir.path, 'repos');

  /**
   * The catalog as the guidance catalog module keeps it: a repository's entity shows once
   * its catalog-info.yaml is in a Git repository under the root, read from that file.
   */
  const publishedCatalog = catalogServiceMock.mock({
    getEntityByRef: jest.fn(async () => {
      const file = join(reposRoot, 'orders', 'catalog-info.yaml');
      if (!(await fs.pathExists(join(reposRoot, 'orders', '.git')))) {
        return undefined;
      }
      const entity = YAML.parse(await fs.readFile(file, 'utf8'));
      entity.metadata.annotations = {
        'backstage.io/managed-by-location': `file:${await fs.realpath(file)}`,
      };
      return entity;
    }),
  });

  /** Each action with the workspace its examples expect and a check of what they did. */
  const cases: {
    action: TemplateAction<any, any, any>;
    workspace: Record<string, string>;
    expectRan(
      input: Record<string, any>,
      output: jest.Mock,
      logger: ReturnType<typeof mockServices.logger.mock>,
    ): Promise<void>;
  }[] = [
    {
      action: createFetchFragmentAction({
        integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
      }),
      workspace: {},
      async expectRan(input) {
        const target = join(workspacePath, input.targetPath ?? '.');
        expect((await fs.readdir(target)).length).toBeGreaterThan(0);
      },
    },
    {
      action: createAnnotateAction({
        guidance: guidanceServiceMock({ recommendations: ['kubernetes'] }),
      }),
      workspace: { 'catalog-info.yaml': catalogInfo },
      async expectRan(input, output) {
        const entity = YAML.parse(
          await fs.readFile(join(workspacePath, 'catalog-info.yaml'), 'utf8'),
        );
        const annotation: string =
          entity.metadata.annotations[GUIDANCE_ANNOTATION];
        for (const id of input.articles ?? []) {
          expect(annotation).toContain(id);
        }
        expect(output).toHaveBeenCalledWith('articles', expect.any(Array));
      },
    },
    {
      action: createValidateAction({ guidance: guidanceServiceMock() }),
      workspace: {
        'catalog-info.yaml': catalogInfo,
        'deploy/configmap.yaml': YAML.stringify({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'orders' },
          data: { LOG_LEVEL: 'info' },
        }),
      },
      async expectRan(_input, output) {
        // every YAML file in the checked paths was read and its objects checked
        expect(output).toHaveBeenCalledWith('checked', expect.any(Number));
        const objects = output.mock.calls.find(([n]) => n === 'objects')?.[1];
        expect(objects).toBeGreaterThanOrEqual(1);
      },
    },
    {
      action: createPublishLocalAction({
        config: new ConfigReader({
          guidance: { publishLocal: { enabled: true, root: reposRoot } },
        }),
        catalog: publishedCatalog,
        // the catalog below answers at once; a missing entity must not stall the test 30 s
        waitMs: 2_000,
        pollMs: 50,
      }),
      workspace: { 'catalog-info.yaml': catalogInfo },
      async expectRan(input, output, logger) {
        const path = output.mock.calls.find(([name]) => name === 'path')?.[1];
        expect(path.startsWith(`${reposRoot}/`)).toBe(true);
        expect(await fs.pathExists(join(path, '.git'))).toBe(true);
        expect(output).toHaveBeenCalledWith(
          'entityRef',
          'component:default/orders',
        );
        if (input.register === false) {
          expect(publishedCatalog.getEntityByRef).not.toHaveBeenCalled();
        } else {
          // waited for the catalog and found the entity read from the new repository
          expect(publishedCatalog.getEntityByRef).toHaveBeenCalledWith(
            'component:default/orders',
            expect.objectContaining({ credentials: expect.anything() }),
          );
          expect(logger.info).toHaveBeenCalledWith(
            `component:default/orders is in the catalog, read from ${await fs.realpath(
              join(path, 'catalog-info.yaml'),
            )}`,
          );
          expect(logger.warn).not.toHaveBeenCalled();
        }
      },
    },
  ];

  const rows = cases.flatMap(c =>
    (c.action.examples ?? []).map(e => ({
      ...c,
      id: c.action.id,
      description: e.description,
      example: e.example,
    })),
  );

  it('covers every action with at least one example', () => {
    expect(new Set(rows.map(r => r.id))).toEqual(
      new Set(cases.map(c => c.action.id)),
    );
  });

  it.each(rows)(
    '$id: $description',
    async ({ action, workspace, example, expectRan }) => {
      const steps = stepsOf(action, example);
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps) {
        expect(schemaErrors(action, step.input)).toEqual([]);

        dir.clear();
        dir.setContent({ workspace, repos: {} });
        publishedCatalog.getEntityByRef.mockClear();
        const logger = mockServices.logger.mock();
        const ctx = createMockActionContext({
          workspacePath,
          input: step.input as any,
          logger,
        });
        await action.handler(ctx);
        await expectRan(step.input, ctx.output as jest.Mock, logger);
      }
    },
  );

  it('would catch an example whose input drifted from the schema', () => {
    const [fetchFragment] = cases.map(c => c.action);
    expect(
      schemaErrors(fetchFragment, { fragmnet: 'ci/github-actions' }),
    ).toEqual(
      expect.arrayContaining(['instance requires property "fragment"']),
    );
    expect(
      schemaErrors(fetchFragment, { fragment: 'ci/x', replace: 'yes' }),
    ).toEqual(['instance.replace is not of a type(s) boolean']);
  });
});
