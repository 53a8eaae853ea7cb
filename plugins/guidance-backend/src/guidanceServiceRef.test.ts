import { resolve } from 'path';
import {
  createBackendPlugin,
  coreServices,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  GuidanceService,
  guidanceServiceRef,
} from '@paved-road/plugin-guidance-node';
import { guidancePlugin } from './plugin';

// starts two plugins in one test backend: more than jest's 5 s default on a loaded CI machine
jest.setTimeout(30_000);

describe('guidanceServiceRef', () => {
  it('reaches the guidance backend from another plugin through discovery and service auth', async () => {
    let guidance: GuidanceService | undefined;
    const consumer = createBackendPlugin({
      pluginId: 'consumer',
      register(env) {
        env.registerInit({
          deps: { client: guidanceServiceRef, logger: coreServices.logger },
          async init({ client }) {
            guidance = client;
          },
        });
      },
    });
    await startTestBackend({
      features: [
        guidancePlugin,
        consumer,
        // the shipped library, read as a configured folder (its module lives in another package)
        mockServices.rootConfig.factory({
          data: {
            guidance: {
              sources: [
                {
                  type: 'directory',
                  path: resolve(
                    __dirname,
                    '../../guidance-backend-module-builtin-articles/articles',
                  ),
                },
              ],
            },
          },
        }),
        catalogServiceMock.factory({ entities: [] }),
      ],
    });

    const { items } = await guidance!.listArticles();
    expect(items).toHaveLength(20);
    const article = await guidance!.getArticle('database-connection-pooling');
    expect(article.toc.length).toBeGreaterThan(3);
    const { results } = await guidance!.search({ q: 'pgbouncer', limit: 3 });
    expect(results[0].id).toBe('database-connection-pooling');
    const recommended = await guidance!.recommend({
      kind: 'Component',
      metadata: { name: 'orders', tags: ['postgres'] },
    });
    expect(recommended.items.map(r => r.article.id)).toContain(
      'database-connection-pooling',
    );
    await expect(guidance!.getArticle('no-such-article')).rejects.toMatchObject(
      { name: 'NotFoundError' },
    );
  });
});
