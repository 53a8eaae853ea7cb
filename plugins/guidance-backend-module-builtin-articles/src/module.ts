import {
  coreServices,
  createBackendModule,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  ArticleFile,
  ArticleSource,
  DirectorySource,
  guidanceArticleSourcesExtensionPoint,
} from '@paved-road/plugin-guidance-node';

/**
 * The articles folder shipped in this package. It only changes with a new version of the
 * package, so `watch` has nothing to follow: the guidance backend neither watches nor polls it.
 */
class BuiltinArticlesSource implements ArticleSource {
  readonly name = 'built-in';
  private readonly folder = new DirectorySource(
    this.name,
    resolvePackagePath(
      '@paved-road/plugin-guidance-backend-module-builtin-articles',
      'articles',
    ),
  );

  read(): Promise<ArticleFile[]> {
    return this.folder.read();
  }

  watch(): () => void {
    return () => {};
  }
}

/**
 * Adds the built-in Paved Road library (twenty infrastructure and SRE articles) to the
 * guidance backend through `guidanceArticleSourcesExtensionPoint`. `guidance.builtin: false`
 * leaves it out.
 * @public
 */
export const guidanceModuleBuiltinArticles = createBackendModule({
  pluginId: 'guidance',
  moduleId: 'builtin-articles',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        sources: guidanceArticleSourcesExtensionPoint,
      },
      async init({ config, sources }) {
        if (config.getOptionalBoolean('guidance.builtin') ?? true) {
          sources.addSource(new BuiltinArticlesSource());
        }
      },
    });
  },
});
