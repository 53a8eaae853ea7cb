import express from 'express';
import { RuleListResponse } from '@paved-road/plugin-guidance-common';
import { RuleRegistry } from './rules';
import { RuleEnforcement } from './conformance/enforcement';
import { createSpecRouter } from '@paved-road/plugin-guidance-node';
import { createOpenApiRouter } from '../schema/openapi.generated';

/**
 * `GET /rules`: every rule this portal applies, built-in and added by modules, for other
 * plugins (Tech Insights builds its checks from it) and for `paved-road check --portal`.
 */
export async function createRulesRouter(options: {
  rules: RuleRegistry;
  /** The portal's address (`app.baseUrl`); without it no `sectionUrl` is given. */
  appBaseUrl?: string;
  /** Staged rules from config; every rule is enforced without it. */
  enforcement?: RuleEnforcement;
  now?: () => Date;
}): Promise<express.Router> {
  const { rules } = options;
  const enforcement = options.enforcement ?? new RuleEnforcement();
  const now = options.now ?? (() => new Date());
  const base = options.appBaseUrl?.replace(/\/+$/, '');
  const router = await createSpecRouter({
    createOpenApiRouter,
    paths: ['/rules'],
  });
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
          enforcement: enforcement.of(rule.id, now()),
          ...(enforcement.setting(rule.id).enforceFrom
            ? { enforceFrom: enforcement.setting(rule.id).enforceFrom }
            : {}),
        };
      }),
    };
    res.json(body);
  });
  return router;
}
