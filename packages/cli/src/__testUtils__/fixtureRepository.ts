import { promises as fs } from 'fs';
import os from 'os';
import { dirname, join } from 'path';
import { CliEnvironment, runCli } from '../run';

/** A Deployment that breaks several built-in rules: no probes, no resources, `latest`, root. */
export const WEB_DEPLOYMENT = `# the web workload
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:latest
`;

/** A Service in the same file as a second document, selecting the Deployment's pods. */
export const WEB_SERVICE = `---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`;

export const catalogInfo = (annotations: Record<string, string> = {}) =>
  `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
  annotations:
${
  Object.entries(annotations)
    .map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`)
    .join('\n') || '    backstage.io/techdocs-ref: dir:.'
}
spec:
  type: service
  lifecycle: production
  owner: team-a
`;

/** Writes the files under a new temporary folder; returns its path. */
export async function writeRepository(
  files: Record<string, string>,
): Promise<string> {
  const root = await fs.mkdtemp(join(os.tmpdir(), 'paved-road-cli-'));
  for (const [path, content] of Object.entries(files)) {
    await fs.mkdir(dirname(join(root, path)), { recursive: true });
    await fs.writeFile(join(root, path), content);
  }
  return root;
}

export type CliRun = { code: number; stdout: string; stderr: string };

/** Runs the command in-process in `cwd`, as on 2026-12-06 unless `now` says. */
export async function run(
  cwd: string,
  argv: string[],
  options: {
    now?: string;
    env?: Record<string, string>;
    fetch?: typeof fetch;
  } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const environment: CliEnvironment = {
    cwd,
    env: options.env ?? {},
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
    now: () => new Date(options.now ?? '2026-12-06T12:00:00Z'),
    version: '0.1.0',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const code = await runCli(argv, environment);
  return { code, stdout, stderr };
}
