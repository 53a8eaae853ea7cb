import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from './server';

const secretsFile = process.env.SECRETS_FILE;
if (secretsFile && existsSync(secretsFile)) {
  // Secrets rendered to a file (for example by the Vault agent) become environment variables;
  // variables already set are kept.
  process.loadEnvFile(secretsFile);
}

const port = Number(process.env.PORT ?? 8080);
const drainMs = Number(process.env.SHUTDOWN_DRAIN_MS ?? 5000);
const timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 20000);

const app = createApp();
app.server.listen(port, () => {
  console.log(`${{ values.name }} listening on :${port}`);
  app.setReady(true);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  // Fail readiness first and give the endpoints controller time to take this pod out of the
  // Service before we stop accepting connections.
  app.setReady(false);
  console.log(`${signal}: draining for ${drainMs}ms`);
  await sleep(drainMs);

  const forced = setTimeout(() => {
    console.error('graceful shutdown did not finish in time');
    process.exit(1);
  }, timeoutMs);
  forced.unref();

  app.server.close(error => {
    if (error) {
      console.error('closing the server failed', error);
      process.exit(1);
    }
    console.log('stopped');
    process.exit(0);
  });
  // Keep-alive connections with no request in flight would hold close() open.
  app.server.closeIdleConnections();
}

process.on('SIGTERM', signal => void shutdown(signal));
process.on('SIGINT', signal => void shutdown(signal));
