import { promises as fs } from 'fs';
import { AddressInfo } from 'net';
import { dirname } from 'path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import guidancePlugin from '@paved-road/plugin-guidance-backend';
import guidanceModuleConformance from '@paved-road/plugin-guidance-backend-module-conformance';
import guidanceModuleBuiltinArticles from '@paved-road/plugin-guidance-backend-module-builtin-articles';
import {
  WEB_DEPLOYMENT,
  catalogInfo,
  run,
  writeRepository,
} from './__testUtils__/fixtureRepository';
import { parseEntityRef } from './push';

describe('paved-road check --report-ref, against the guidance backend', () => {
  let backend: TestBackend;
  let portal: string;
  let repo: string;
  // the mock auth service's service principal stands for the CI's report token
  const reportToken = mockCredentials.service.token();

  beforeAll(async () => {
    repo = await writeRepository({
      'catalog-info.yaml': catalogInfo(),
      'deploy/app.yaml': WEB_DEPLOYMENT,
    });
    backend = await startTestBackend({
      features: [
        guidancePlugin,
        guidanceModuleBuiltinArticles,
        guidanceModuleConformance,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'orders',
                namespace: 'default',
                annotations: {
                  'backstage.io/source-location': `file:${repo}/`,
                },
              },
              spec: {
                type: 'service',
                owner: 'team-a',
                lifecycle: 'production',
              },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            guidance: {
              conformance: {
                enabled: false,
                localRoots: [dirname(repo)],
                reports: { subjects: ['external:test-service'] },
              },
            },
          },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    portal = `http://localhost:${port}`;
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
    await fs.rm(repo, { recursive: true, force: true });
  });

  const reportArgs = (ref: string) => [
    'check',
    '--format',
    'json',
    '--report-ref',
    ref,
    '--entity',
    'component:default/orders',
    '--report-portal',
    portal,
  ];

  it('checks locally, pushes the results for the ref, and the entity page lists them', async () => {
    const { code, stdout, stderr } = await run(
      repo,
      [
        ...reportArgs('pull/42'),
        '--report-url',
        'https://github.com/acme/orders/pull/42',
        '--report-title',
        'Add a cache',
        '--commit',
        'abc1234def',
      ],
      { env: { PAVED_ROAD_REPORT_TOKEN: reportToken } },
    );
    // the check's own verdict is the exit code; the push is said on stderr
    expect(code).toBe(1);
    expect(stderr).toBe(
      'paved-road: report for pull/42 pushed to component:default/orders\n',
    );
    const local = JSON.parse(stdout);

    const conformance = `${portal}/api/guidance/entities/component/default/orders/conformance`;
    const user = { authorization: mockCredentials.user.header() };
    await fetch(`${conformance}/refresh`, {
      method: 'POST',
      headers: { ...user, 'content-type': 'application/json' },
      body: '{}',
    });
    let body: any;
    for (let i = 0; i < 400 && !body; i++) {
      const res = await fetch(conformance, { headers: user });
      if (res.ok) body = await res.json();
      else await new Promise(r => setTimeout(r, 25));
    }
    const [report] = body.reports;
    expect(report).toMatchObject({
      ref: 'pull/42',
      defaultBranch: false,
      url: 'https://github.com/acme/orders/pull/42',
      title: 'Add a cache',
      commit: 'abc1234def',
      summary: { fail: local.summary.fail, pass: local.summary.pass },
    });
    const probe = report.failing.find(
      (f: any) => f.ruleId === 'readiness-probe',
    );
    // the container's line in deploy/app.yaml, as the CLI found it
    expect(probe).toMatchObject({ file: 'deploy/app.yaml', line: 15 });
  });

  it('exits 2 when the portal does not take the report, saying why', async () => {
    const { code, stderr } = await run(repo, [
      ...reportArgs('main'),
      '--report-token',
      mockCredentials.user.token(),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^paved-road: the portal did not take the report \(403 Forbidden\): .+; pass a report token the portal lists with --report-token or PAVED_ROAD_REPORT_TOKEN\n/,
    );

    const unknown = await run(repo, [
      ...reportArgs('main').map(a =>
        a === 'component:default/orders' ? 'component:default/nobody' : a,
      ),
      '--report-token',
      reportToken,
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'the portal did not take the report (404 Not Found): No entity component:default/nobody in the catalog',
    );
  });

  it.each([
    [
      ['--report-ref', 'main', '--report-portal', 'http://x'],
      '--report-ref needs --entity: the catalog entity of the repository, e.g. component:default/orders',
    ],
    [
      ['--report-ref', 'main', '--entity', 'orders'],
      "--report-ref needs the portal's URL: pass --report-portal (or --portal)",
    ],
    [
      [
        '--report-ref',
        'main',
        '--entity',
        'orders',
        '--report-portal',
        'http://x',
      ],
      '--report-ref needs a report token: pass --report-token or set PAVED_ROAD_REPORT_TOKEN',
    ],
    [
      ['--report-ref', '../x', '--entity', 'orders'],
      '--report-ref must be a branch or pull request ref such as main or pull/42, got "../x"',
    ],
    [
      ['--entity', 'orders'],
      '--entity is for pushing a report: give --report-ref too',
    ],
    [
      [
        '--report-ref',
        'main',
        '--entity',
        'a b',
        '--report-portal',
        'http://x',
        '--report-token',
        't',
      ],
      '--entity must be an entity ref such as component:default/orders, got "a b"',
    ],
  ])('refuses %j with exit 2', async (args, message) => {
    const { code, stderr } = await run(repo, ['check', ...args]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `paved-road: ${message}\nRun paved-road --help for usage.\n`,
    );
  });
});

describe('parseEntityRef', () => {
  it('reads full and short refs, a Component in default by default', () => {
    expect(parseEntityRef('orders')).toEqual({
      kind: 'component',
      namespace: 'default',
      name: 'orders',
    });
    expect(parseEntityRef('API:payments/orders-api')).toEqual({
      kind: 'api',
      namespace: 'payments',
      name: 'orders-api',
    });
  });
});
