import express from 'express';
import Router from 'express-promise-router';
import { RuleListResponse } from '@paved-road/plugin-guidance-common';
import { RuleRegistry } from './rules';

/**
 * `GET /rules`: every rule this portal applies, built-in and added by modules, for other
 * plugins (Tech Insights builds its checks from it) and for `paved-road check --portal`.
 */
export function createRulesRouter(options: {
  rules: RuleRegistry;
  /** The portal's address (`app.baseUrl`); without it no `sectionUrl` is given. */
  appBaseUrl?: string;
}): express.Router {
  const { rules } = options;
  const base = options.appBaseUrl?.replace(/\/+$/, '');
  const router = Router();
  router.get('/rules', (_req, res) => {
    const body: RuleListResponse = {
      rules: rules.getRules().map(rule => {
        const summary = rules.toSummary(rule);
        const section = summary.article.section?.id;
        return {
          ...summary,
          ...(base
            ? {
                sectionUrl: `${base}/guidance/${summary.article.id}${
                  section ? `#${section}` : ''
                }`,
              }
            : {}),
          fileKinds: rule.fileKinds?.length ? [...rule.fileKinds] : ['any'],
          enforcement: 'enforce' as const,
        };
      }),
    };
    res.json(body);
  });
  return router;
}
