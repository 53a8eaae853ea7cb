import Router from 'express-promise-router';
import { z } from 'zod';
import {
  HttpAuthService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { readTemplateVersions } from './templateVersions';

const params = z.object({
  name: z.string().regex(/^[A-Za-z0-9._-]{1,253}$/, 'invalid template name'),
});
const query = z.object({
  namespace: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,253}$/, 'invalid namespace')
    .default('default'),
  since: z.coerce.number().int().min(0).optional(),
});

/** `GET /templates/:name/versions`: a template's current version and its changelog. */
export function createTemplateVersionsRouter(options: {
  catalog: CatalogService;
  urlReader: UrlReaderService;
  httpAuth: HttpAuthService;
}) {
  const router = Router();
  router.get('/templates/:name/versions', async (req, res) => {
    const p = params.safeParse(req.params);
    const q = query.safeParse(req.query);
    if (!p.success)
      throw new InputError(`Invalid name: ${p.error.issues[0].message}`);
    if (!q.success) {
      throw new InputError(
        `Invalid ${q.error.issues[0].path.join('.')}: ${
          q.error.issues[0].message
        }`,
      );
    }
    res.json(
      await readTemplateVersions({
        catalog: options.catalog,
        urlReader: options.urlReader,
        credentials: await options.httpAuth.credentials(req),
        name: p.data.name,
        namespace: q.data.namespace,
        since: q.data.since,
      }),
    );
  });
  return router;
}
