import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { RuleRegistry, VALIDATE_LIMITS } from './rules';
import { parseInput as parse } from '@paved-road/plugin-guidance-node';

const validateBody = z.object({
  files: z.array(
    z.object({
      path: z.string().min(1).max(1024),
      content: z.string(),
    }),
  ),
});

/** `POST /validate`: the rule set over the files in the body. */
export function createValidateRouter(options: {
  rules: RuleRegistry;
}): express.Router {
  const router = Router();
  // Its own body parser: this route takes up to 1 MiB of file content, which JSON escaping
  // can grow; the exact limits are checked on the parsed files (413).
  router.post(
    '/validate',
    express.json({ limit: VALIDATE_LIMITS.totalBytes * 4 }),
    async (req, res) => {
      const { files } = parse(validateBody, req.body, 'body');
      res.json(await options.rules.validate(files));
    },
  );
  return router;
}
