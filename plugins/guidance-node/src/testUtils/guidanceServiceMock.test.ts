import { startTestBackend } from '@backstage/backend-test-utils';
import {
  createBackendPlugin,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  GuidanceService,
  guidanceServiceRef,
} from '@paved-road/plugin-guidance-node';
import YAML from 'yaml';
import { guidanceServiceMock } from './guidanceServiceMock';

async function serviceSeenByAPlugin(
  factory: ServiceFactory<GuidanceService, 'root' | 'plugin'>,
): Promise<{ service: GuidanceService; stop: () => Promise<void> }> {
  let used: GuidanceService | undefined;
  const consumer = createBackendPlugin({
    pluginId: 'consumer',
    register(reg) {
      reg.registerInit({
        deps: { guidance: guidanceServiceRef },
        async init({ guidance }) {
          used = guidance;
        },
      });
    },
  });
  const backend = await startTestBackend({ features: [consumer, factory] });
  return { service: used!, stop: () => backend.stop() };
}

const deployment = YAML.stringify({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'orders' },
  spec: {
    selector: { matchLabels: { app: 'orders' } },
    template: {
      metadata: { labels: { app: 'orders' } },
      spec: { containers: [{ name: 'app', image: 'orders:latest' }] },
    },
  },
});

describe('guidanceServiceMock', () => {
  it('validates with the built-in rules as the guidance backend does', async () => {
    const guidance = guidanceServiceMock();
    const { summary, results } = await guidance.validate([
      { path: 'deploy/deployment.yaml', content: deployment },
    ]);
    const failed = results.filter(r => r.status === 'fail').map(r => r.rule.id);
    expect(failed).toEqual(
      expect.arrayContaining([
        'image-pinned',
        'liveness-probe',
        'memory-limit',
      ]),
    );
    expect(summary.fail).toBe(failed.length);
    expect(guidance.validate).toHaveBeenCalledTimes(1);
  });

  it('validates with only the rules it is given', async () => {
    const guidance = guidanceServiceMock({ rules: [] });
    const { results } = await guidance.validate([
      { path: 'deploy/deployment.yaml', content: deployment },
    ]);
    expect(results).toEqual([]);
  });

  it('recommends the given ids, in order', async () => {
    const guidance = guidanceServiceMock({ recommendations: ['b', 'a'] });
    const { items } = await guidance.recommend({ kind: 'Component' });
    expect(items.map(i => i.article.id)).toEqual(['b', 'a']);
  });

  it('gives findings with their line and column, as the backend does', async () => {
    const guidance = guidanceServiceMock();
    const { results } = await guidance.validate([
      { path: 'deploy/deployment.yaml', content: deployment },
    ]);
    const pinned = results.find(r => r.rule.id === 'image-pinned')!;
    expect(pinned.rule.article.id).toBeTruthy();
    expect(pinned.findings[0]).toEqual(
      expect.objectContaining({
        file: 'deploy/deployment.yaml',
        line: expect.any(Number),
        column: expect.any(Number),
      }),
    );
  });

  it('lists the rules it validates with', async () => {
    const guidance = guidanceServiceMock({ rules: [] });
    await expect(guidance.listRules()).resolves.toEqual({ rules: [] });
    const builtin = await guidanceServiceMock().listRules();
    expect(builtin.rules.map(r => r.id)).toContain('image-pinned');
    expect(builtin.rules.every(r => r.enforcement === 'enforce')).toBe(true);
  });

  it('has no articles and no conformance results', async () => {
    const guidance = guidanceServiceMock();
    await expect(guidance.listArticles()).resolves.toEqual({ items: [] });
    await expect(guidance.getArticle('golden-paths')).rejects.toThrow(
      'guidanceServiceMock has no article golden-paths',
    );
    await expect(
      guidance.getEntityConformance({
        kind: 'component',
        namespace: 'default',
        name: 'orders',
      }),
    ).resolves.toBeUndefined();
  });

  it('provides itself for guidanceServiceRef through its factory', async () => {
    const { service, stop } = await serviceSeenByAPlugin(
      guidanceServiceMock.factory({ recommendations: ['golden-paths'] }),
    );
    const { items } = await service.recommend({});
    expect(items.map(i => i.article.id)).toEqual(['golden-paths']);
    await stop();
  });

  describe('mock', () => {
    it('gives jest functions that answer nothing unless told', async () => {
      const guidance = guidanceServiceMock.mock();
      expect(guidance.search({ q: 'pooling' })).toBeUndefined();
      expect(guidance.search).toHaveBeenCalledWith({ q: 'pooling' });
    });

    it('uses the implementations it is given, and mocks the rest', async () => {
      const guidance = guidanceServiceMock.mock({
        search: async ({ q }) => ({
          results: [
            {
              id: q,
              title: q,
              summary: '',
              category: 'sre',
              score: 1,
              snippet: '',
            },
          ],
        }),
      });
      const { results } = await guidance.search({ q: 'toil-measurement' });
      expect(results.map(r => r.id)).toEqual(['toil-measurement']);
      expect(guidance.search).toHaveBeenCalledTimes(1);
      expect(guidance.listArticles()).toBeUndefined();
    });

    it('provides the same instance through its factory', async () => {
      const guidance = guidanceServiceMock.mock({
        listRules: async () => ({ rules: [] }),
      });
      const { service, stop } = await serviceSeenByAPlugin(guidance.factory);
      expect(service).toBe(guidance);
      await service.listRules();
      expect(guidance.listRules).toHaveBeenCalledTimes(1);
      await stop();
    });
  });
});
