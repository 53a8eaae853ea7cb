import express from 'express';
import { createServer } from 'http';
import request from 'supertest';
import { specResponseRecorder } from './specResponses';
import { spec } from '../openapi.generated';

describe('specResponseRecorder', () => {
  it('reports bodies that break the spec and statuses it does not document, and ignores other paths', async () => {
    const app = express();
    app.get('/api/guidance/rules', (req, res) => {
      if (req.query.bad === 'body') res.json({ rules: [{ id: 'x' }] });
      else if (req.query.bad === 'status') res.status(418).json({});
      else res.json({ rules: [] });
    });
    app.get('/api/guidance/articles', (_req, res) => {
      res.json({ anything: true });
    });
    const recorder = specResponseRecorder(spec, '/api/guidance');
    const server = recorder.watch(createServer(app));

    await request(server).get('/api/guidance/rules');
    await request(server).get('/api/guidance/articles');
    expect(recorder.takeViolations()).toEqual([]);
    expect(recorder.checked).toBe(1);

    await request(server).get('/api/guidance/rules?bad=body');
    await request(server).get('/api/guidance/rules?bad=status');
    expect(recorder.takeViolations()).toEqual([
      expect.stringMatching(
        /^GET \/api\/guidance\/rules\?bad=body → 200: .*must have required property 'title'/,
      ),
      'GET /api/guidance/rules?bad=status → 418: status not documented',
    ]);
  });
});
