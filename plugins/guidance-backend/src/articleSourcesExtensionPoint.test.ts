import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import {
  createBackendModule,
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ArticleFile,
  guidanceArticleSourcesExtensionPoint,
} from '@paved-road/plugin-guidance-node';
import { guidancePlugin } from './plugin';
import { articleFixture } from '@paved-road/plugin-guidance-node/testUtils';

const kafka = articleFixture({
  title: 'Kafka consumer lag',
  category: 'observability',
  tags: ['kafka'],
  appliesTo: { tags: ['kafka'] },
  body: 'Watch the lag per partition.\n\n## Alerting on lag\n\nAlert on growth, not on a fixed number.\n',
});

/** A backend module as a platform team would write one: articles from somewhere else (a wiki). */
function wikiModule(read: () => Promise<ArticleFile[]>) {
  return createBackendModule({
    pluginId: 'guidance',
    moduleId: 'wiki-source',
    register(reg) {
      reg.registerInit({
        deps: { sources: guidanceArticleSourcesExtensionPoint },
        async init({ sources }) {
          sources.addSource({ name: 'wiki', read });
        },
      });
    },
  });
}

async function start(
  read: () => Promise<ArticleFile[]>,
  options: {
    /** A configured directory source, read before module sources. */
    configuredDir?: string;
    scheduler?: ServiceFactory;
  } = {},
) {
  const logger = mockServices.logger.mock();
  const { server } = await startTestBackend({
    features: [
      guidancePlugin,
      wikiModule(read),
      mockServices.rootConfig.factory({
        data: {
          guidance: {
            sources: options.configuredDir
              ? [{ type: 'directory', path: options.configuredDir }]
              : [],
            refresh: { frequency: { minutes: 1 } },
          },
        },
      }),
      logger.factory,
      catalogServiceMock.factory({ entities: [] }),
      ...(options.scheduler ? [options.scheduler] : []),
    ],
  });
  return { server, logger };
}

describe('guidanceArticleSourcesExtensionPoint', () => {
  it('serves, searches and recommends the articles of a source a module adds', async () => {
    const { server } = await start(async () => [
      {
        path: 'kafka-consumer-lag.md',
        content: kafka,
        editUrl: 'https://wiki.example.com/kafka',
      },
    ]);

    const article = await request(server).get(
      '/api/guidance/articles/kafka-consumer-lag',
    );
    expect(article.status).toBe(200);
    expect(article.body).toMatchObject({
      title: 'Kafka consumer lag',
      editUrl: 'https://wiki.example.com/kafka',
    });

    const search = await request(server).get('/api/guidance/search?q=lag');
    expect(search.status).toBe(200);
    expect(search.body.results[0].id).toBe('kafka-consumer-lag');

    const recommended = await request(server)
      .post('/api/guidance/recommendations')
      .send({
        entity: { kind: 'Component', metadata: { name: 'x', tags: ['kafka'] } },
      });
    expect(recommended.status).toBe(200);
    expect(recommended.body.items).toEqual([
      expect.objectContaining({
        article: expect.objectContaining({ id: 'kafka-consumer-lag' }),
        source: 'rule',
        reasons: ['tag kafka'],
      }),
    ]);
  });

  it('merges module sources after the configured ones: a taken id is refused, bad articles skipped', async () => {
    const configuredDir = mkdtempSync(join(tmpdir(), 'guidance-configured-'));
    writeFileSync(
      join(configuredDir, 'golden-paths.md'),
      articleFixture({ title: 'Golden paths, as configured' }),
    );
    const { server, logger } = await start(
      async () => [
        { path: 'kafka-consumer-lag.md', content: kafka },
        {
          path: 'golden-paths.md',
          content: articleFixture({
            title: 'A wiki page claiming a built-in id',
          }),
        },
        { path: 'broken.md', content: '---\ntitle: [unclosed\n---\n' },
      ],
      { configuredDir },
    );

    const golden = await request(server).get(
      '/api/guidance/articles/golden-paths',
    );
    expect(golden.body.title).toBe('Golden paths, as configured');
    const kafkaArticle = await request(server).get(
      '/api/guidance/articles/kafka-consumer-lag',
    );
    expect(kafkaArticle.status).toBe(200);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining(
        `wiki: golden-paths.md: id "golden-paths" is already defined by directory ${configuredDir}`,
      ),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Skipped invalid article wiki: broken.md'),
    );
  });

  it('re-reads a module source on the schedule and keeps its last good articles when a read fails', async () => {
    let files: ArticleFile[] = [
      { path: 'kafka-consumer-lag.md', content: kafka },
    ];
    let failing = false;
    // The mock scheduler runs a task only when the test triggers it.
    const scheduler = mockServices.scheduler() as SchedulerService & {
      factory(): ServiceFactory;
    };
    const { server } = await start(
      async () => {
        if (failing) throw new Error('wiki is down');
        return files;
      },
      { scheduler: scheduler.factory() },
    );
    const tasks = await scheduler.getScheduledTasks();
    expect(tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'guidance-refresh-url-sources',
          scope: 'local',
        }),
      ]),
    );

    files = [
      ...files,
      {
        path: 'saga-pattern.md',
        content: articleFixture({ title: 'Saga pattern' }),
      },
    ];
    await scheduler.triggerTask('guidance-refresh-url-sources');
    const listed = await request(server).get('/api/guidance/articles');
    expect(listed.body.items.map((a: any) => a.id).sort()).toEqual([
      'kafka-consumer-lag',
      'saga-pattern',
    ]);

    failing = true;
    await scheduler.triggerTask('guidance-refresh-url-sources');
    const kept = await request(server).get('/api/guidance/articles');
    expect(kept.body.items).toHaveLength(2);
  });

  it('refuses a source without a name or read function with a clear error', async () => {
    const bad = createBackendModule({
      pluginId: 'guidance',
      moduleId: 'bad-source',
      register(reg) {
        reg.registerInit({
          deps: { sources: guidanceArticleSourcesExtensionPoint },
          async init({ sources }) {
            sources.addSource({ name: '' } as any);
          },
        });
      },
    });
    await expect(
      startTestBackend({
        features: [
          guidancePlugin,
          bad,
          mockServices.rootConfig.factory({
            data: { guidance: { builtin: false } },
          }),
          catalogServiceMock.factory({ entities: [] }),
        ],
      }),
    ).rejects.toThrow(/non-empty name and a read\(\) function/);
  });
});
