// Starts the demo backend (the real one: packages/backend) for benchmarks and evaluations,
// waits until it is ready, and hands back a guest token.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const sleep = ms => new Promise(r => setTimeout(r, ms));

/**
 * @param {{ port?: number, config?: string, log?: string, args?: string[] }} options
 *   config: extra YAML merged over app-config.yaml; args: more `backstage-cli package start`
 *   options (for example `--inspect=127.0.0.1:9339` to profile the backend)
 */
export async function startBackend(options = {}) {
  const port = options.port ?? 7107;
  const dir = mkdtempSync(join(tmpdir(), 'paved-road-'));
  const extra = join(dir, 'app-config.extra.yaml');
  writeFileSync(
    extra,
    `backend:\n  baseUrl: http://localhost:${port}\n  listen:\n    port: ${port}\n${options.config ?? ''}\n`,
  );
  const child = spawn(
    'node',
    [join(ROOT, 'node_modules/@backstage/cli/bin/backstage-cli'), 'package', 'start',
      '--config', join(ROOT, 'app-config.yaml'), '--config', extra, ...(options.args ?? [])],
    {
      cwd: join(ROOT, 'packages/backend'),
      env: { ...process.env, LOG_LEVEL: options.logLevel ?? 'warn', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  const keep = chunk => {
    output = (output + chunk).slice(-20000);
    options.onOutput?.(String(chunk));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });

  const base = `http://localhost:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (exited) throw new Error(`backend exited before it was ready:\n${output}`);
    if (Date.now() > deadline) throw new Error(`backend not ready after 240 s:\n${output}`);
    try {
      const res = await fetch(`${base}/.backstage/health/v1/readiness`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  const refresh = await fetch(`${base}/api/auth/guest/refresh`, { method: 'POST' });
  const token = (await refresh.json()).backstageIdentity.token;
  return {
    base,
    token,
    pid: child.pid,
    output: () => output,
    async stop() {
      if (exited) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      for (let i = 0; i < 50 && !exited; i++) await sleep(100);
      if (!exited) process.kill(-child.pid, 'SIGKILL');
    },
  };
}

/** RSS in MiB of a process and its children (the CLI runs the backend in a child). */
export function rssMiB(pid) {
  // ps is on every Debian machine; sum the tree rooted at pid.
  return import('node:child_process').then(({ execSync }) => {
    const rows = execSync('ps -eo pid=,ppid=,rss=').toString().trim().split('\n')
      .map(l => l.trim().split(/\s+/).map(Number));
    const kids = new Map();
    for (const [p, pp] of rows) kids.set(pp, [...(kids.get(pp) ?? []), p]);
    const rss = new Map(rows.map(([p, , r]) => [p, r]));
    let total = 0;
    const stack = [pid];
    while (stack.length) {
      const p = stack.pop();
      total += rss.get(p) ?? 0;
      stack.push(...(kids.get(p) ?? []));
    }
    return Math.round(total / 1024);
  });
}

/** CPU time (user + system) in ms of a process and its children, from /proc. */
export function cpuMs(pid) {
  const stats = readdirSync('/proc')
    .filter(d => /^\d+$/.test(d))
    .map(d => {
      try {
        // the command name may contain spaces: fields start after the closing parenthesis
        const f = readFileSync(`/proc/${d}/stat`, 'utf8')
          .split(') ')[1]
          .split(' ');
        return {
          pid: Number(d),
          ppid: Number(f[1]),
          ticks: Number(f[11]) + Number(f[12]),
        };
      } catch {
        return undefined;
      }
    })
    .filter(Boolean);
  const kids = new Map();
  for (const s of stats) kids.set(s.ppid, [...(kids.get(s.ppid) ?? []), s]);
  let ticks = 0;
  const stack = stats.filter(s => s.pid === pid);
  while (stack.length) {
    const s = stack.pop();
    ticks += s.ticks;
    stack.push(...(kids.get(s.pid) ?? []));
  }
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Seconds until the backend's CPU use stays under a tenth of a core for a second. */
export async function settle(pid, maxSeconds = 120) {
  for (let waited = 0; waited < maxSeconds; waited++) {
    const before = cpuMs(pid);
    await sleep(1000);
    if (cpuMs(pid) - before < 100) return waited;
  }
  return maxSeconds;
}

export function table(rows) {
  const cols = Object.keys(rows[0]);
  const width = cols.map(c => Math.max(c.length, ...rows.map(r => String(r[c]).length)));
  const line = r => `| ${cols.map((c, i) => String(r[c]).padEnd(width[i])).join(' | ')} |`;
  return [line(Object.fromEntries(cols.map(c => [c, c]))), `|${width.map(w => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
