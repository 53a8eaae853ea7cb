import request from 'supertest';
import { stringify } from 'yaml';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ValidateResponse } from '@paved-road/plugin-guidance-common';
import guidancePlugin from '@paved-road/plugin-guidance-backend';
import guidanceModuleBuiltinArticles from '@paved-road/plugin-guidance-backend-module-builtin-articles';
import { guidanceModuleConformance } from '../../module';

// starting the backend loads the article library: slow on a busy machine
jest.setTimeout(30_000);

describe('POST /api/guidance/validate and the rules on the entity itself', () => {
  it('judges the entity of a catalog-info.yaml among the files, and does not apply without one', async () => {
    const { server } = await startTestBackend({
      features: [
        guidancePlugin,
        guidanceModuleBuiltinArticles,
        guidanceModuleConformance,
        mockServices.rootConfig.factory({ data: {} }),
        catalogServiceMock.factory({ entities: [] }),
      ],
    });
    const catalogInfo = stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'orders' },
      spec: { type: 'service', owner: 'user:jdoe', lifecycle: 'production' },
    });
    const statusOf = (body: ValidateResponse, id: string) =>
      body.results.find(r => r.rule.id === id);

    const res = await request(server)
      .post('/api/guidance/validate')
      .send({ files: [{ path: 'catalog-info.yaml', content: catalogInfo }] });
    expect(res.status).toBe(200);
    const owner = statusOf(res.body, 'catalog-owner-group')!;
    expect(owner.status).toBe('fail');
    expect(owner.findings).toEqual([
      {
        file: 'catalog-info.yaml',
        object: 'component:default/orders',
        line: 7,
        column: 3,
        message:
          "is owned by user:default/jdoe, a user: make a team (group:<name>) the owner so it outlives one person's move",
      },
    ]);
    expect(statusOf(res.body, 'oncall-annotation')!.status).toBe('fail');

    const none = await request(server)
      .post('/api/guidance/validate')
      .send({ files: [{ path: 'deploy/x.yaml', content: 'a: 1\n' }] });
    expect(statusOf(none.body, 'catalog-owner-group')!.status).toBe(
      'not-applicable',
    );
  });
});
