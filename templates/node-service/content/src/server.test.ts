import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AddressInfo } from 'node:net';
import { createApp } from './server';

describe('${{ values.name }}', () => {
  const app = createApp();
  let base = '';

  before(async () => {
    await new Promise<void>(resolve => app.server.listen(0, resolve));
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise<void>(resolve => app.server.close(() => resolve()));
  });

  it('answers /healthz with 200', async () => {
    const res = await fetch(`${base}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  it('answers /readyz with 503 until ready, and again while draining', async () => {
    assert.equal((await fetch(`${base}/readyz`)).status, 503);
    app.setReady(true);
    assert.equal((await fetch(`${base}/readyz`)).status, 200);
    app.setReady(false);
    assert.equal((await fetch(`${base}/readyz`)).status, 503);
  });

  it('answers unknown paths with 404', async () => {
    assert.equal((await fetch(`${base}/nope`)).status, 404);
  });

  it('counts requests by route and code in /metrics', async () => {
    await fetch(`${base}/`);
    const res = await fetch(`${base}/metrics`);
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.match(body, /http_requests_total\{route="\/",method="GET",code="200"\} 1/);
    assert.match(body, /http_requests_total\{route="\/",method="GET",code="404"\} 1/);
    assert.match(body, /http_request_duration_seconds_bucket\{le="0.005",route="\/",method="GET"\}/);
  });
});
