import fs from 'fs-extra';
import { join } from 'path';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  createMockDirectory,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { GUIDANCE_ANNOTATION } from '@paved-road/plugin-guidance-common';
import { DefaultGuidanceService } from '@paved-road/plugin-guidance-node';
import { articleSummaryFixture } from '@paved-road/plugin-guidance-node/testUtils';
import { createAnnotateAction } from './annotate';

const catalogInfo = `# The entity created by the template
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders # keep this comment
  description: A service that takes orders and keeps them until they are paid, shipped and delivered to the customer
  tags: [postgres, orders]
  annotations:
    ${GUIDANCE_ANNOTATION}: golden-paths
spec:
  type: service # services get the service articles
  owner: team-a
  lifecycle: experimental
`;

function recommendation(id: string, source: 'annotation' | 'rule' = 'rule') {
  return {
    article: articleSummaryFixture(id),
    source,
    reasons: source === 'rule' ? ['tag postgres'] : [],
  };
}

describe('guidance:annotate', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const workspace = createMockDirectory();
  const discovery = mockServices.discovery();
  const action = createAnnotateAction({
    guidance: new DefaultGuidanceService({
      discovery,
      auth: mockServices.auth(),
    }),
  });
  let requests: { body: any; authorization: string | null }[];

  beforeEach(() => {
    workspace.setContent({ 'catalog-info.yaml': catalogInfo });
    requests = [];
  });

  async function backendAnswers(ids: string[]) {
    const base = await discovery.getBaseUrl('guidance');
    server.use(
      http.post(`${base}/recommendations`, async ({ request }) => {
        requests.push({
          body: await request.json(),
          authorization: request.headers.get('authorization'),
        });
        return HttpResponse.json({
          items: ids.map(id =>
            recommendation(id, id === 'golden-paths' ? 'annotation' : 'rule'),
          ),
        });
      }),
    );
  }

  async function run(input: Record<string, unknown> = {}) {
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: input as any,
      logger: mockServices.logger.mock(),
    });
    await action.handler(ctx);
    return ctx;
  }

  const readCatalogInfo = () =>
    fs.readFile(join(workspace.path, 'catalog-info.yaml'), 'utf8');

  it('merges explicit ids first, then recommended ids, without repeats', async () => {
    await backendAnswers([
      'golden-paths',
      'database-connection-pooling',
      'saga-pattern',
      'database-strategy',
    ]);
    const ctx = await run({
      articles: ['saga-pattern', 'on-call-rotation', 'saga-pattern'],
    });

    const expected = [
      'saga-pattern',
      'on-call-rotation',
      'golden-paths',
      'database-connection-pooling',
      'database-strategy',
    ];
    expect(ctx.output).toHaveBeenCalledWith('articles', expected);
    expect(await readCatalogInfo()).toContain(
      `${GUIDANCE_ANNOTATION}: ${expected.join(',')}\n`,
    );
  });

  it('sends the entity with a service token for the guidance plugin', async () => {
    await backendAnswers([]);
    await run();
    expect(requests).toHaveLength(1);
    expect(requests[0].body.entity).toMatchObject({
      kind: 'Component',
      metadata: { name: 'orders', tags: ['postgres', 'orders'] },
      spec: { type: 'service' },
    });
    expect(requests[0].authorization).toMatch(/^Bearer .+/);
    expect(requests[0].authorization).toContain('guidance');
  });

  it('keeps comments and the rest of the file as it was', async () => {
    await backendAnswers(['database-connection-pooling']);
    await run();
    expect(await readCatalogInfo()).toBe(
      catalogInfo.replace(
        `${GUIDANCE_ANNOTATION}: golden-paths`,
        `${GUIDANCE_ANNOTATION}: golden-paths,database-connection-pooling`,
      ),
    );
  });

  it('adds the annotation when the entity has none', async () => {
    workspace.setContent({
      'entity/catalog-info.yaml':
        'kind: Component\nmetadata:\n  name: a # here\n---\nkind: API\nmetadata:\n  name: b\n',
    });
    await backendAnswers(['golden-paths']);
    const ctx = await run({ entityPath: 'entity/catalog-info.yaml' });
    expect(ctx.output).toHaveBeenCalledWith('articles', ['golden-paths']);
    expect(
      await fs.readFile(
        join(workspace.path, 'entity/catalog-info.yaml'),
        'utf8',
      ),
    ).toBe(
      `kind: Component\nmetadata:\n  name: a # here\n  annotations:\n    ${GUIDANCE_ANNOTATION}: golden-paths\n---\nkind: API\nmetadata:\n  name: b\n`,
    );
  });

  it('keeps the explicit ids and warns when the backend is down', async () => {
    const base = await discovery.getBaseUrl('guidance');
    server.use(
      http.post(`${base}/recommendations`, () => HttpResponse.error()),
    );
    const ctx = await run({ articles: ['saga-pattern'] });

    expect(ctx.output).toHaveBeenCalledWith('articles', [
      'saga-pattern',
      'golden-paths',
    ]);
    expect(await readCatalogInfo()).toContain(
      `${GUIDANCE_ANNOTATION}: saga-pattern,golden-paths\n`,
    );
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Could not get guidance recommendations'),
    );
  });

  it('keeps the explicit ids when the backend answers with an error', async () => {
    const base = await discovery.getBaseUrl('guidance');
    server.use(
      http.post(`${base}/recommendations`, () =>
        HttpResponse.json({ error: {} }, { status: 503 }),
      ),
    );
    const ctx = await run({ articles: ['saga-pattern'] });
    expect(ctx.output).toHaveBeenCalledWith('articles', [
      'saga-pattern',
      'golden-paths',
    ]);
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('503'),
    );
  });

  it('refuses a missing entity file, a path outside the workspace and a file without an entity', async () => {
    await expect(run({ entityPath: 'nope.yaml' })).rejects.toThrow(
      'No entity file at nope.yaml',
    );
    await expect(run({ entityPath: '../catalog-info.yaml' })).rejects.toThrow(
      /outside/,
    );
    workspace.setContent({ 'catalog-info.yaml': '- just\n- a list\n' });
    await expect(run()).rejects.toThrow('holds no entity');
  });
});
