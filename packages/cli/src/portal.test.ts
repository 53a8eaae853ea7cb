import { promises as fs } from 'fs';
import { AddressInfo } from 'net';
import http from 'http';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import guidancePlugin from '@paved-road/plugin-guidance-backend';
import guidanceModuleConformance from '@paved-road/plugin-guidance-backend-module-conformance';
import guidanceModuleBuiltinArticles from '@paved-road/plugin-guidance-backend-module-builtin-articles';
import {
  GuidanceRule,
  guidanceRulesExtensionPoint,
} from '@paved-road/plugin-guidance-node';
import {
  WEB_DEPLOYMENT,
  catalogInfo,
  run,
  writeRepository,
} from './__testUtils__/fixtureRepository';

/** An organisation's own rule, which only the portal knows. */
const teamLabelRule: GuidanceRule = {
  id: 'team-label',
  title: 'Objects carry a team label',
  severity: 'error',
  article: { id: 'golden-paths', section: 'checklist' },
  check: input =>
    input.objects.map(o => ({
      status: (o.body as any)?.metadata?.labels?.team ? 'pass' : 'fail',
      file: o.file,
      object: `${o.kind}/${o.name}`,
      message: 'has no team label',
    })),
};

const teamRulesModule = createBackendModule({
  pluginId: 'guidance',
  moduleId: 'team-rules',
  register(reg) {
    reg.registerInit({
      deps: { rules: guidanceRulesExtensionPoint },
      async init({ rules }) {
        rules.addRules(teamLabelRule);
      },
    });
  },
});

const statuses = (stdout: string) =>
  Object.fromEntries(
    JSON.parse(stdout).results.map((r: any) => [r.rule.id, r.status]),
  );

describe('paved-road check --portal, against the guidance backend', () => {
  let backend: TestBackend;
  let portal: string;
  let repo: string;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        guidancePlugin,
        guidanceModuleConformance,
        guidanceModuleBuiltinArticles,
        teamRulesModule,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    portal = `http://localhost:${port}`;
    repo = await writeRepository({
      'catalog-info.yaml': catalogInfo({
        'paved-road.dev/waive.image-tag':
          '2027-01-31 vendor image pins its own tag',
      }),
      'deploy/app.yaml': WEB_DEPLOYMENT,
    });
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
    await fs.rm(repo, { recursive: true, force: true });
  });

  it("gives the same verdicts as the local check for the built-in rules, plus the portal's own", async () => {
    const local = await run(repo, ['check', '--format', 'json']);
    const remote = await run(repo, [
      'check',
      '--format',
      'json',
      '--portal',
      portal,
      '--token',
      mockCredentials.user.token(),
    ]);
    expect(remote.stderr).toBe('');
    expect(remote.code).toBe(1);
    const { 'team-label': teamLabel, ...builtin } = statuses(remote.stdout);
    expect(builtin).toEqual(statuses(local.stdout));
    expect(teamLabel).toBe('fail');
    // the waiver in catalog-info.yaml applies to the portal's answer too
    expect(builtin['image-tag']).toBe('waived');
    // and the findings point at the same lines and columns: one parser, one engine
    const positions = (stdout: string) =>
      Object.fromEntries(
        JSON.parse(stdout)
          .results.filter((r: any) => r.rule.id !== 'team-label')
          .map((r: any) => [
            r.rule.id,
            r.findings.map((f: any) => `${f.file}:${f.line}:${f.column}`),
          ]),
      );
    expect(positions(remote.stdout)).toEqual(positions(local.stdout));
    expect(positions(local.stdout)['readiness-probe']).toEqual([
      'deploy/app.yaml:15:11',
    ]);
  });

  it("links each rule to the portal's article section, named by its title", async () => {
    const { stdout } = await run(
      repo,
      ['check', '--format', 'sarif', '--portal', portal],
      { env: { PAVED_ROAD_TOKEN: mockCredentials.user.token() } },
    );
    const rule = JSON.parse(stdout).runs[0].tool.driver.rules.find(
      (r: any) => r.id === 'team-label',
    );
    expect(rule.helpUri).toBe(`${portal}/guidance/golden-paths#checklist`);
    expect(rule.fullDescription.text).toMatch(
      /^Objects carry a team label\. Explained in Golden Paths/,
    );
  });

  it('exits 2 when the portal refuses the token', async () => {
    const { code, stdout, stderr } = await run(repo, [
      'check',
      '--portal',
      portal,
      '--token',
      mockCredentials.user.invalidToken(),
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^paved-road: the portal refused the token \(401 Unauthorized\): .+; pass a valid one with --token or PAVED_ROAD_TOKEN\n/,
    );
  });
});

describe('paved-road check --portal, when the portal misbehaves', () => {
  let server: http.Server;
  let portal: string;
  let repo: string;
  let answer: { status: number; body: string };
  let received: { authorization?: string; body?: any; url?: string };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', chunk => {
        body += chunk;
      });
      req.on('end', () => {
        received = {
          authorization: req.headers.authorization,
          url: req.url,
          body: JSON.parse(body),
        };
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.body);
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    portal = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    repo = await writeRepository({
      'catalog-info.yaml': catalogInfo(),
      'deploy/app.yaml': WEB_DEPLOYMENT,
    });
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
    await fs.rm(repo, { recursive: true, force: true });
  });

  const check = () =>
    run(repo, ['check', '--portal', portal, '--token', 'ci-token']);

  it('sends the files with the bearer token to /api/guidance/validate', async () => {
    answer = {
      status: 200,
      body: JSON.stringify({
        summary: { pass: 0, fail: 1, waived: 0, notApplicable: 0 },
        results: [
          {
            rule: {
              id: 'odd-rule',
              title: 'A rule with <odd> & "quoted" text',
              severity: 'warning',
              article: { id: 'golden-paths', title: 'Golden Paths' },
            },
            status: 'fail',
            findings: [
              {
                file: 'deploy/app.yaml',
                line: 7,
                column: 3,
                message: 'a < b && "c" | d \u0001',
              },
            ],
          },
        ],
      }),
    };
    const { code, stdout } = await run(repo, [
      'check',
      '--portal',
      portal,
      '--token',
      'ci-token',
      '--format',
      'junit',
    ]);
    expect(received.url).toBe('/api/guidance/validate');
    expect(received.authorization).toBe('Bearer ci-token');
    expect(received.body.files.map((f: any) => f.path)).toEqual([
      'catalog-info.yaml',
      'deploy/app.yaml',
    ]);
    // a warning fails the report but not the run under --fail-on error
    expect(code).toBe(0);
    // the portal's positions are kept; XML-special text is escaped, control characters dropped
    expect(stdout).toContain(
      'deploy/app.yaml:7:3 a &lt; b &amp;&amp; "c" | d \n',
    );
    expect(stdout).toContain(
      'name="odd-rule: A rule with &lt;odd&gt; &amp; &quot;quoted&quot; text"',
    );
  });

  it.each([
    [
      500,
      '{"error":{"name":"Error","message":"boom"}}',
      'the portal answered 500 Internal Server Error to POST ',
    ],
    [
      413,
      '{"error":{"name":"PayloadTooLargeError","message":"Too many files: 300, at most 200 per request"}}',
      'the portal takes fewer files in one check (413 Payload Too Large): Too many files: 300, at most 200 per request',
    ],
    [
      401,
      '{"error":{"name":"AuthenticationError","message":"Illegal token"}}',
      'the portal refused the token (401 Unauthorized): Illegal token',
    ],
    [200, '<html>login</html>', "the portal's answer from "],
  ])('exits 2 on HTTP %s', async (status, body, message) => {
    answer = { status, body };
    const { code, stdout, stderr } = await check();
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`paved-road: ${message}`);
  });

  it('exits 2 when the portal cannot be reached', async () => {
    const closed = http.createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(resolve => closed.close(resolve));
    const { code, stderr } = await run(repo, [
      'check',
      '--portal',
      `http://127.0.0.1:${port}`,
      '--token',
      't',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `paved-road: could not reach the portal at http://127.0.0.1:${port}/api/guidance/validate: connect ECONNREFUSED`,
    );
  });
});
