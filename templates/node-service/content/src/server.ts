import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** The routes the service knows; anything else is counted under "/" so cardinality stays bounded. */
const ROUTES = new Set(['/', '/healthz', '/readyz', '/metrics']);

export interface App {
  server: Server;
  registry: Registry;
  /** Switches /readyz between 200 and 503. */
  setReady(ready: boolean): void;
}

/** Builds the HTTP server with its own metrics registry; it starts not ready. */
export function createApp(): App {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // The names and labels are the ones the generated alerts and dashboard query.
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests handled, by route, method and status code.',
    labelNames: ['route', 'method', 'code'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to handle an HTTP request, by route and method.',
    labelNames: ['route', 'method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  let ready = false;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    switch (path) {
      case '/':
        return sendJson(res, 200, { service: '${{ values.name }}', message: 'hello' });
      case '/healthz':
        // Liveness: the process can serve HTTP. Keep dependencies out of it, or a database
        // outage restarts every pod.
        return sendJson(res, 200, { status: 'ok' });
      case '/readyz':
        return ready
          ? sendJson(res, 200, { status: 'ready' })
          : sendJson(res, 503, { status: 'not ready' });
      case '/metrics': {
        const body = await registry.metrics();
        res.writeHead(200, { 'Content-Type': registry.contentType });
        res.end(body);
        return;
      }
      default:
        return sendJson(res, 404, { error: 'not found' });
    }
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = ROUTES.has(path) ? path : '/';
    const method = req.method ?? 'GET';
    const stop = duration.startTimer({ route, method });
    res.on('finish', () => {
      stop();
      requests.inc({ route, method, code: String(res.statusCode) });
    });
    handle(req, res).catch(error => {
      console.error('request failed', error);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });

  return {
    server,
    registry,
    setReady(value: boolean) {
      ready = value;
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}
