import express from 'express';

/**
 * The options a generated `createOpenApiRouter` (from `@backstage/backend-openapi-utils`'
 * `createValidatedOpenApiRouter`) takes that {@link createSpecRouter} sets.
 *
 * @public
 */
export type SpecRouterFactoryOptions = {
  /** Runs before the validator; an error here becomes a 400. */
  middleware?: express.RequestHandler[];
  /** Passed on to express-openapi-validator. */
  validatorOptions?: {
    /** Given the mount path and the request path; `true` skips the check. */
    ignorePaths?: (path: string) => boolean;
    /** Whether the spec's `security` entries are checked again. */
    validateSecurity?: boolean;
  };
};

/**
 * Options of {@link createSpecRouter}.
 *
 * @public
 */
export type SpecRouterOptions<TRouter extends express.Router> = {
  /** The generated `createOpenApiRouter` of the package's `openapi.generated.ts`. */
  createOpenApiRouter: (options?: SpecRouterFactoryOptions) => Promise<TRouter>;
  /**
   * The paths of the spec this router owns, as the spec writes them
   * (`/articles/{id}`); requests on any other path pass through unchecked.
   */
  paths: readonly string[];
  /**
   * Whether this router serves its spec at `/openapi.json`. Only the plugin's own router
   * does; a module's router sharing the plugin's base path leaves it to that one.
   */
  serveSpec?: boolean;
};

/** A spec path as an expression matched at the end of the request path, ignoring case. */
function pathPattern(path: string) {
  const escaped = path
    .split(/\{[^}/]+\}/)
    .map(part => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`${escaped}/?$`, 'i');
}

/**
 * The typed router (`createOpenApiRouter` of a package's generated spec) for the paths one
 * router owns. A request on one of `paths` that breaks the spec is refused with 400 before any
 * handler runs, however express routes it: whatever the case of its path, and HEAD too —
 * express hands HEAD to GET handlers while the validator, finding no HEAD operation in the
 * spec, would let it through, so HEAD requests leave this router (404 unless another answers).
 * Requests on other paths pass through untouched, so several routers of one plugin (the guidance
 * backend's and its modules') can share a base path, each validating only its own paths.
 *
 * Body parsers do not go in here: the validator reports every error of a middleware before it
 * as a 400, and a body over its limit must stay a 413. Parse bodies in front of this router
 * with {@link jsonBodyFor}.
 *
 * @public
 */
export async function createSpecRouter<TRouter extends express.Router>(
  options: SpecRouterOptions<TRouter>,
): Promise<TRouter> {
  const own = options.paths.map(pathPattern);
  const serveSpec = options.serveSpec ?? false;
  return options.createOpenApiRouter({
    middleware: [
      (req, _res, next) =>
        req.method === 'HEAD' || (!serveSpec && req.path === '/openapi.json')
          ? next('router')
          : next(),
    ],
    validatorOptions: {
      ignorePaths: (path: string) => !own.some(pattern => pattern.test(path)),
      // httpRouter's auth policy has checked the caller already; the spec's security entries
      // are documentation, and checking them again costs the hot article route throughput
      validateSecurity: false,
    },
  });
}

/**
 * A JSON body parser for one route only, to go in front of a {@link createSpecRouter} router,
 * so that a body over `limit` is answered 413 and requests for other routers of the plugin keep
 * their bodies for those routers' own parsers and limits.
 *
 * @public
 */
export function jsonBodyFor(
  method: 'post' | 'put',
  path: string,
  limit: number | string,
): express.Router {
  const router = express.Router();
  router[method](path, express.json({ limit }));
  return router;
}
