import express from 'express';
import Router from 'express-promise-router';
import { createOpenApiRouter, spec } from '../schema/openapi.generated';

/** A path of the module's spec, as written there (`/conformance/trends`). */
export type ModuleSpecPath = keyof typeof spec.paths;

/**
 * The typed router (`openapi.yaml`) for some of the module's paths. A request on one of
 * `paths` that breaks the spec is refused with 400 before any handler runs. Every other request
 * passes through untouched: the guidance backend's routers share `/api/guidance`, and so do
 * this module's other routers (each validates only its own paths, once). `/openapi.json`
 * passes too, so the guidance backend's own spec stays the one served there, and so does HEAD
 * (the spec documents none).
 *
 * Body parsers do not go in here: the validator reports every error of a middleware before it
 * as a 400, and a body over its limit must stay a 413. Parse bodies (per route, with the
 * route's own limit) in front of this router.
 */
export async function createModuleOpenApiRouter(paths: ModuleSpecPath[]) {
  // case-insensitive like express's routing, so that /Conformance/Trends is checked too
  const own = paths.map(
    path => new RegExp(`${path.replace(/\{[^}/]+\}/g, '[^/]+')}/?$`, 'i'),
  );
  return createOpenApiRouter({
    middleware: [
      // HEAD too: express hands it to the GET handlers, and the validator, finding no HEAD
      // operation in the spec, would let it through unchecked
      (req, _res, next) =>
        req.path === '/openapi.json' || req.method === 'HEAD'
          ? next('router')
          : next(),
    ],
    validatorOptions: {
      // given the mount path and the request path; the spec's paths are matched at its end
      ignorePaths: (path: string) => !own.some(pattern => pattern.test(path)),
    },
  });
}

/**
 * A JSON body parser for one route only, so that requests for other routers of the plugin
 * keep their bodies for those routers' own parsers and limits.
 */
export function jsonBodyFor(
  method: 'post' | 'put',
  path: string,
  limit: number | string,
): express.Router {
  const router = Router();
  router[method](path, express.json({ limit }));
  return router;
}
