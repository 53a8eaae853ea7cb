#!/usr/bin/env node
// Where the backend's CPU goes under the bench load, route by route: the real demo backend
// with the inspector on, a guest token, autocannon as in `npm run bench`, and the V8 sampling
// profiler started and stopped around each route's load. Prints the top self-time functions
// and the self time per package (ours, Backstage's, libraries, Node.js).
//
//   flock /tmp/paved-road-ports.lock node scripts/profile-routes.mjs [seconds]
//   PROFILE_SAVE=dir  also writes each route's .cpuprofile (for Chrome DevTools)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import WebSocket from 'ws';
import { settle, startBackend, table } from './lib/backend.mjs';

const SECONDS = Number(process.argv[2] ?? 8);
const INSPECT = '127.0.0.1:9339';
const TOP = Number(process.env.PROFILE_TOP ?? 20);
const routes = {
  health: '/.backstage/health/v1/liveness',
  categories: '/api/guidance/categories',
  article: '/api/guidance/articles/database-connection-pooling',
  // what a browser sends with every request
  'article (browser Accept-Encoding)': [
    '/api/guidance/articles/database-connection-pooling',
    { 'Accept-Encoding': 'gzip, deflate, br' },
  ],
};

// without a callback, autocannon's run is a promise of its result
const load = (url, headers, duration) =>
  autocannon({ url, headers, connections: 20, duration });

/** A minimal Chrome DevTools Protocol session over the inspector's WebSocket. */
async function connectInspector() {
  const [target] = await (await fetch(`http://${INSPECT}/json/list`)).json();
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let next = 1;
  const pending = new Map();
  socket.on('message', data => {
    const message = JSON.parse(String(data));
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  return {
    send(method, params = {}) {
      const id = next++;
      socket.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve, reject) =>
        pending.set(id, { resolve, reject }),
      );
    },
    close: () => socket.close(),
  };
}

/** Who a frame belongs to: a package in node_modules, one of ours, or Node.js itself. */
function ownerOf(url, functionName) {
  if (!url) {
    return functionName.startsWith('(') ? functionName : 'node (native)';
  }
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const ours = url.match(/\/(plugins|packages)\/([^/]+)\//);
  if (ours) return `paved-road: ${ours[2]}`;
  if (url.startsWith('node:')) return 'node';
  return url;
}

/** Ours, Backstage's, other libraries', or Node.js and V8 itself. */
function groupOf(owner) {
  if (owner.startsWith('paved-road: ')) return 'Paved Road';
  if (owner.startsWith('@backstage/')) return 'Backstage';
  if (owner.startsWith('(') || owner.startsWith('node')) return 'Node.js / V8';
  return 'libraries (express, jose, compression, …)';
}

function summarise(profile, requests) {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const self = new Map(profile.nodes.map(n => [n.id, 0]));
  profile.samples.forEach((id, i) =>
    self.set(id, self.get(id) + (profile.timeDeltas[i] ?? 0)),
  );
  const functions = new Map();
  const owners = new Map();
  let busy = 0;
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const owner = ownerOf(url, functionName);
    if (owner === '(idle)') continue;
    busy += micros;
    const key = `${functionName || '(anonymous)'} ${
      url ? `${url.split('/').slice(-1)[0]}:${lineNumber + 1}` : ''
    }\t${owner}`;
    functions.set(key, (functions.get(key) ?? 0) + micros);
    owners.set(owner, (owners.get(owner) ?? 0) + micros);
  }
  const share = micros => `${((100 * micros) / busy).toFixed(1)} %`;
  const perRequest = micros => (micros / requests).toFixed(1);
  const groups = new Map();
  for (const [owner, micros] of owners) {
    groups.set(groupOf(owner), (groups.get(groupOf(owner)) ?? 0) + micros);
  }
  return {
    busy,
    groups: [...groups]
      .sort((a, b) => b[1] - a[1])
      .map(([group, micros]) => ({
        'self time of': group,
        self: share(micros),
        'µs/req': perRequest(micros),
      })),
    functions: [...functions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([key, micros]) => {
        const [fn, owner] = key.split('\t');
        return {
          function: fn,
          owner,
          self: share(micros),
          'µs/req': perRequest(micros),
        };
      }),
    owners: [...owners]
      .sort((a, b) => b[1] - a[1])
      .map(([owner, micros]) => ({
        owner,
        self: share(micros),
        'µs/req': perRequest(micros),
      })),
  };
}

const backend = await startBackend({ args: [`--inspect=${INSPECT}`] });
const headersOf = route => ({
  Authorization: `Bearer ${backend.token}`,
  ...[route].flat()[1],
});
const pathOf = route => [route].flat()[0];
const inspector = await connectInspector();
try {
  for (const route of Object.values(routes)) {
    const res = await fetch(`${backend.base}${pathOf(route)}`, {
      headers: headersOf(route),
    });
    if (!res.ok) throw new Error(`${pathOf(route)} answered ${res.status}`);
  }
  // start-up work (catalog processing, first search indexing) would land in the first profile
  await settle(backend.pid);
  await inspector.send('Profiler.enable');
  await inspector.send('Profiler.setSamplingInterval', { interval: 250 });
  for (const [name, route] of Object.entries(routes)) {
    const [path, headers] = [pathOf(route), headersOf(route)];
    await load(`${backend.base}${path}`, headers, 2); // warm up
    await inspector.send('Profiler.start');
    const result = await load(`${backend.base}${path}`, headers, SECONDS);
    const { profile } = await inspector.send('Profiler.stop');
    if (process.env.PROFILE_SAVE) {
      mkdirSync(process.env.PROFILE_SAVE, { recursive: true });
      writeFileSync(
        join(
          process.env.PROFILE_SAVE,
          `${name.split(' ')[0]}${
            name.includes('browser') ? '-browser' : ''
          }.cpuprofile`,
        ),
        JSON.stringify(profile),
      );
    }
    const requests = result.requests.total;
    const { busy, groups, functions, owners } = summarise(profile, requests);
    console.log(
      `\n## ${name} (${path}): ${Math.round(
        result.requests.average,
      )} req/s while profiled, ${requests} requests, ${(
        busy / requests
      ).toFixed(0)} µs of sampled main-thread time per request (non-2xx: ${
        result.non2xx
      })\n`,
    );
    console.log(table(groups));
    console.log();
    console.log(table(owners.slice(0, TOP)));
    console.log();
    console.log(table(functions));
  }
} finally {
  inspector.close();
  await backend.stop();
}
