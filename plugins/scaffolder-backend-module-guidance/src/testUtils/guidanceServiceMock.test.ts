import { startTestBackend } from '@backstage/backend-test-utils';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  GuidanceService,
  guidanceServiceRef,
} from '@paved-road/plugin-guidance-node';
import YAML from 'yaml';
import { guidanceServiceMock } from './guidanceServiceMock';

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

  it('provides itself for guidanceServiceRef through its factory', async () => {
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
    const backend = await startTestBackend({
      features: [
        consumer,
        guidanceServiceMock.factory({ recommendations: ['golden-paths'] }),
      ],
    });
    const { items } = await used!.recommend({});
    expect(items.map(i => i.article.id)).toEqual(['golden-paths']);
    await backend.stop();
  });
});
