import {
  HttpAuthService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { readTemplateVersions } from './templateVersions';
import { createSpecRouter } from '@paved-road/plugin-guidance-node';
import { createOpenApiRouter } from '../schema/openapi.generated';

/**
 * `GET /guidance/templates/:name/versions` under the scaffolder's base URL: a template's
 * current version and its changelog. The spec (`openapi.yaml`) checks the name and the query.
 *
 * It shares the scaffolder plugin's router and comes before the scaffolder's own routes, so
 * everything else passes through untouched (`createSpecRouter`): no body parser (a dry run's
 * body is the scaffolder's to parse, with its own limit), and `/openapi.json` is left to the
 * scaffolder.
 */
export async function createTemplateVersionsRouter(options: {
  catalog: CatalogService;
  urlReader: UrlReaderService;
  httpAuth: HttpAuthService;
}) {
  const router = await createSpecRouter({
    createOpenApiRouter,
    paths: ['/guidance/templates/{name}/versions'],
  });
  router.get('/guidance/templates/:name/versions', async (req, res) => {
    const { namespace = 'default', since } = req.query;
    res.json(
      await readTemplateVersions({
        catalog: options.catalog,
        urlReader: options.urlReader,
        credentials: await options.httpAuth.credentials(req),
        name: req.params.name,
        namespace,
        since,
      }),
    );
  });
  return router;
}
