import express from 'express';
import { createServer } from 'http';
import request from 'supertest';
import { specResponseRecorder } from './specResponses';

// a spec of one path, in the form the generated `spec` constants have
const spec = {
  paths: {
    '/rules': {
      get: {
        responses: {
          '200': {
            description: 'the rules',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['rules'],
                  properties: {
                    rules: {
                      type: 'array',
                      items: { $ref: '#/components/schemas/Rule' },
                    },
                  },
                },
              },
            },
          },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
  },
  components: {
    schemas: {
      Rule: {
        type: 'object',
        required: ['id', 'title'],
        properties: { id: { type: 'string' }, title: { type: 'string' } },
      },
    },
    responses: { NotFound: { description: 'no such thing' } },
  },
};

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
    expect(() => recorder.throwIfNothingChecked()).not.toThrow();

    await request(server).get('/api/guidance/rules?bad=body');
    await request(server).get('/api/guidance/rules?bad=status');
    expect(recorder.takeViolations()).toEqual([
      expect.stringMatching(
        /^GET \/api\/guidance\/rules\?bad=body → 200: .*must have required property 'title'/,
      ),
      'GET /api/guidance/rules?bad=status → 418: status not documented',
    ]);
    await request(server).get('/api/guidance/rules?bad=status');
    expect(() => recorder.throwIfViolated()).toThrow(
      'Answers that break openapi.yaml:\nGET /api/guidance/rules?bad=status → 418: status not documented',
    );
    expect(recorder.takeViolations()).toEqual([]);
  });

  it('reports fields the schema does not name, when asked to', async () => {
    const app = express();
    app.get('/api/guidance/rules', (_req, res) => {
      res.json({ rules: [{ id: 'x', title: 'X', extra: 1 }], more: true });
    });
    const strict = specResponseRecorder(spec, '/api/guidance', {
      reportUndeclaredFields: true,
    });
    const lenient = specResponseRecorder(spec, '/api/guidance');
    const server = lenient.watch(strict.watch(createServer(app)));
    await request(server).get('/api/guidance/rules');
    expect(strict.takeViolations()).toEqual([
      'GET /api/guidance/rules → 200: .rules[0].extra is not in the spec',
      'GET /api/guidance/rules → 200: .more is not in the spec',
    ]);
    expect(lenient.takeViolations()).toEqual([]);
  });

  it('fails a file that never reached a path of the spec', () => {
    const recorder = specResponseRecorder(spec, '/api/guidance');
    expect(() => recorder.throwIfNothingChecked()).toThrow(
      'No answer on a path of openapi.yaml was checked',
    );
  });
});
