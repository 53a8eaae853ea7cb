import express from 'express';
import Router from 'express-promise-router';
import { RuleRegistry, VALIDATE_LIMITS } from './rules';
import {
  createSpecRouter,
  jsonBodyFor,
} from '@paved-road/plugin-guidance-node';
import { createOpenApiRouter } from '../schema/openapi.generated';

/** `POST /validate`: the rule set over the files in the body. */
export async function createValidateRouter(options: {
  rules: RuleRegistry;
}): Promise<express.Router> {
  const validate = await createSpecRouter({
    createOpenApiRouter,
    paths: ['/validate'],
  });
  // the spec checks the shape; the registry checks what it cannot say (each path once,
  // at most 200 files and 1 MiB of content: 413)
  validate.post('/validate', async (req, res) => {
    res.json(await options.rules.validate(req.body.files));
  });

  const router = Router();
  // Its own body parser: this route takes up to 1 MiB of file content, which JSON escaping
  // can grow; the exact limits are checked on the parsed files (413).
  router.use(jsonBodyFor('post', '/validate', VALIDATE_LIMITS.totalBytes * 4));
  router.use(validate);
  return router;
}
