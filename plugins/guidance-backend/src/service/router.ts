import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { lookUpDependencies } from './entityDependencies';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  ArticleEntityLink,
  GUIDANCE_ANNOTATION,
  MAX_SEARCH_LIMIT,
  MAX_SEARCH_QUERY_LENGTH,
  parseGuidanceAnnotation,
} from '@paved-road/plugin-guidance-common';
import { GuidanceService } from './GuidanceService';
import { createOpenApiRouter, spec } from '../schema/openapi.generated';
import { etagOf, sendWithEtag } from './etag';
import { sendArticleBody } from './articleResponse';
import {
  createSpecRouter,
  entityRefFromParams,
  jsonBodyFor,
  parseInput as parse,
} from '@paved-road/plugin-guidance-node';

export type RouterOptions = {
  guidance: GuidanceService;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  logger: LoggerService;
};

// The spec refuses what it can describe (createOpenApiRouter); zod stays where it says more:
// a query of spaces is empty once trimmed, and limit arrives as a string.
const searchQuery = z.object({
  q: z
    .string({ required_error: 'q is required' })
    .trim()
    .min(1, 'q must not be empty')
    .max(
      MAX_SEARCH_QUERY_LENGTH,
      `q must be at most ${MAX_SEARCH_QUERY_LENGTH} characters`,
    ),
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_LIMIT).default(10),
});

/** Thin HTTP layer over the library: parse input, ask the library, send. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { guidance, catalog, httpAuth } = options;
  // Requests that break src/schema/openapi.yaml get a 400 before any handler runs (HEAD and
  // any case of a path included); the spec's security entry is not checked again per request.
  const router = await createSpecRouter({
    createOpenApiRouter,
    paths: Object.keys(spec.paths),
    serveSpec: true,
  });

  router.get('/articles', (req, res) => {
    const { category, tag } = req.query;
    res.json({ items: guidance.listArticles({ category, tag }) });
  });

  router.get('/articles/:id', (req, res) =>
    // the bytes are the spec's Article, serialised once per reload, with compressed copies
    sendArticleBody(req, res, guidance.getArticleBody(req.params.id)),
  );

  // The source Markdown, for assistants and scripts: not rendered, so not sanitized.
  router.get('/articles/:id/markdown', (req, res) => {
    const text = guidance.getMarkdown(req.params.id, req.query.section);
    sendWithEtag(req, res, etagOf(text), () =>
      res.type('text/markdown; charset=utf-8').send(text),
    );
  });

  // The one section model with its text: what search collators index, one document per section.
  router.get('/articles/:id/sections', (req, res) => {
    res.json({ items: guidance.getSections(req.params.id) });
  });

  router.get('/articles/:id/entities', async (req, res) => {
    const { id } = req.params;
    guidance.getArticle(id);
    const credentials = await httpAuth.credentials(req);
    const { items } = await catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${GUIDANCE_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'metadata.annotations',
        ],
      },
      { credentials },
    );
    const links: ArticleEntityLink[] = items
      .filter(e =>
        parseGuidanceAnnotation(
          e.metadata.annotations?.[GUIDANCE_ANNOTATION],
        ).includes(id),
      )
      .map(e => ({
        entityRef: stringifyEntityRef(e),
        kind: e.kind,
        ...(e.metadata.title ? { title: e.metadata.title } : {}),
      }))
      .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
    res.json({ items: links });
  });

  router.get('/categories', (_req, res) => {
    res.json({ items: guidance.categories() });
  });

  router.get('/search', async (req, res) => {
    const { q, limit } = parse(searchQuery, req.query, 'search');
    const credentials = await httpAuth.credentials(req);
    res.json({ results: await guidance.search(q, limit, { credentials }) });
  });

  router.post('/recommendations', (req, res) => {
    res.json({ items: guidance.recommend(req.body.entity) });
  });

  router.get('/entities/:kind/:namespace/:name/articles', async (req, res) => {
    const ref = entityRefFromParams(req.params);
    const { kind, namespace, name } = ref;
    const credentials = await httpAuth.credentials(req);
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${kind}:${namespace}/${name} in the catalog`,
      );
    }
    const dependencies = await lookUpDependencies(
      entity,
      catalog,
      credentials,
      options.logger,
    );
    res.json({
      items: guidance.recommend(entity, dependencies),
    });
  });

  // the one body, parsed in front of the spec's check so that one over the limit stays a 413
  const withBodies = Router();
  withBodies.use(jsonBodyFor('post', '/recommendations', '256kb'));
  withBodies.use(router);
  return withBodies;
}
