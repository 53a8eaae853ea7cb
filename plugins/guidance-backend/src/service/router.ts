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
  articleIdSchema,
  parseGuidanceAnnotation,
} from '@paved-road/plugin-guidance-common';
import { GuidanceService } from './GuidanceService';
import { etagOf, sendWithEtag } from './etag';
import { sendArticleBody } from './articleResponse';
import {
  entityRefFromParams,
  parseInput as parse,
} from '@paved-road/plugin-guidance-node';

export type RouterOptions = {
  guidance: GuidanceService;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  logger: LoggerService;
};

const listQuery = z.object({
  category: z.string().max(100).optional(),
  tag: z.string().max(100).optional(),
});

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

const markdownQuery = z.object({
  section: z
    .string()
    .max(200)
    .regex(/^[\p{L}\p{M}\p{N}_-]+$/u, 'must be a heading id')
    .optional(),
});

const recommendationsBody = z.object({
  entity: z
    .object({
      kind: z.string().max(100).optional(),
      metadata: z
        .object({
          tags: z.array(z.string().max(100)).max(200).optional(),
          annotations: z.record(z.string().max(4096)).optional(),
        })
        .passthrough()
        .optional(),
      spec: z.object({ type: z.unknown().optional() }).passthrough().optional(),
    })
    .passthrough(),
});

function parseArticleId(value: string): string {
  return parse(articleIdSchema, value, 'article id');
}

/** Thin HTTP layer over the library: parse input, ask the library, send. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { guidance, catalog, httpAuth } = options;
  const router = Router();

  router.get('/articles', (req, res) => {
    const filter = parse(listQuery, req.query, 'query');
    res.json({ items: guidance.listArticles(filter) });
  });

  router.get('/articles/:id', (req, res) =>
    sendArticleBody(
      req,
      res,
      guidance.getArticleBody(parseArticleId(req.params.id)),
    ),
  );

  // The source Markdown, for assistants and scripts: not rendered, so not sanitized.
  router.get('/articles/:id/markdown', (req, res) => {
    const id = parseArticleId(req.params.id);
    const { section } = parse(markdownQuery, req.query, 'query');
    const text = guidance.getMarkdown(id, section);
    sendWithEtag(req, res, etagOf(text), () =>
      res.type('text/markdown; charset=utf-8').send(text),
    );
  });

  // The one section model with its text: what search collators index, one document per section.
  router.get('/articles/:id/sections', (req, res) => {
    const id = parseArticleId(req.params.id);
    res.json({ items: guidance.getSections(id) });
  });

  router.get('/articles/:id/entities', async (req, res) => {
    const id = parseArticleId(req.params.id);
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

  // the one route with a body: GET requests skip the parser
  router.post(
    '/recommendations',
    express.json({ limit: '256kb' }),
    (req, res) => {
      const { entity } = parse(recommendationsBody, req.body, 'body');
      res.json({ items: guidance.recommend(entity) });
    },
  );

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

  return router;
}
