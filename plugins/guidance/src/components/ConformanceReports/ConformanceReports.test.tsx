import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityConformance } from '@paved-road/plugin-guidance-common';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { GuidanceClient } from '../../api/GuidanceClient';
import { rootRouteRef } from '../../routes';
import { EntityGuidanceContent } from '../EntityGuidanceContent';

const base = 'http://localhost:7007/api/guidance';
const LOCATION = 'url:https://github.com/acme/orders/tree/main/';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: { 'backstage.io/source-location': LOCATION },
  },
  spec: { type: 'service' },
};

const rule = {
  id: 'readiness-probe',
  title: 'Long-running containers have a readiness probe',
  severity: 'error' as const,
  article: {
    id: 'minikube-deployment-patterns',
    title: 'Minikube deployment patterns',
    section: { id: 'rule-readiness-probe', text: 'Rule: readiness-probe' },
  },
};

/** The entity conformance answer as the backend sends it, with two CI reports. */
const conformance: EntityConformance = {
  entityRef: 'component:default/orders',
  evaluatedAt: '2026-12-06T05:00:00Z',
  source: { location: LOCATION },
  summary: { pass: 3, fail: 1, waived: 0, notApplicable: 2 },
  results: [
    {
      rule,
      status: 'fail',
      findings: [
        {
          file: 'deploy/app.yaml',
          object: 'Deployment/orders',
          line: 15,
          column: 11,
          message: 'container "orders" has no readinessProbe',
        },
      ],
    },
  ],
  reports: [
    {
      ref: 'main',
      defaultBranch: true,
      commit: '0123456789abcdef',
      url: 'https://github.com/acme/orders/actions/runs/7',
      receivedAt: '2026-12-06T05:10:00Z',
      summary: { pass: 4, fail: 0, waived: 1 },
      failing: [],
    },
    {
      ref: 'pull/42',
      defaultBranch: false,
      url: 'https://github.com/acme/orders/pull/42',
      title: 'Add a cache',
      commit: 'abc1234',
      receivedAt: '2026-12-06T05:20:00Z',
      summary: { pass: 3, fail: 1, waived: 1 },
      failing: [
        {
          ruleId: 'memory-limit',
          title: 'Every container has a memory limit',
          severity: 'error',
          file: 'deploy/app.yaml',
          line: 21,
        },
      ],
    },
  ],
};

describe('CI reports on the entity page', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  beforeEach(() => {
    server.use(
      http.get(`${base}/entities/Component/default/orders/conformance`, () =>
        HttpResponse.json(conformance),
      ),
      http.get(`${base}/entities/Component/default/orders/articles`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
  });

  async function render() {
    const discoveryApi = mockApis.discovery({
      baseUrl: 'http://localhost:7007',
    });
    const fetchApi = { fetch: (input: any, init?: any) => fetch(input, init) };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [discoveryApiRef, discoveryApi],
          [fetchApiRef, fetchApi],
          [guidanceApiRef, new GuidanceClient({ discoveryApi, fetchApi })],
        ]}
      >
        <EntityProvider entity={entity}>
          <EntityGuidanceContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/guidance': rootRouteRef } },
    );
  }

  it("shows the default branch's report beside the evaluation, and pull requests with their links", async () => {
    await render();
    const main = await screen.findByTestId('ci-report-default');
    expect(main).toHaveTextContent('CI on main');
    expect(main).toHaveTextContent('passing');
    expect(main).toHaveTextContent('0 failing · 1 waived · 4 passing');
    expect(main).toHaveTextContent('0123456');
    expect(within(main).getByRole('link', { name: /^run\b/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/orders/actions/runs/7',
    );

    // beside the scheduled evaluation: under its score, before its rule lists
    const failingRules = screen.getByRole('region', {
      name: 'Failing rules (1)',
    });
    expect(
      main.compareDocumentPosition(failingRules) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(
      screen.getByTestId('conformance-headline').compareDocumentPosition(main) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();

    const pulls = screen.getByRole('region', { name: 'Pull requests (1)' });
    const pull = within(pulls).getByTestId('ci-report-pull/42');
    expect(
      within(pull).getByRole('link', { name: /^pull\/42: Add a cache\b/ }),
    ).toHaveAttribute('href', 'https://github.com/acme/orders/pull/42');
    expect(pull).toHaveTextContent('1 failing · 1 waived · 3 passing');
    // the failing rule, at its line in the pull request's commit
    expect(pull).toHaveTextContent('Every container has a memory limit');
    expect(
      within(pull).getByRole('link', { name: /^deploy\/app\.yaml:21\b/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/orders/blob/abc1234/deploy/app.yaml#L21',
    );
  });

  it("links the scheduled evaluation's evidence to the file at its line", async () => {
    await render();
    const failing = await screen.findByRole('region', {
      name: 'Failing rules (1)',
    });
    const probe = within(failing).getByTestId('rule-readiness-probe');
    // Backstage's Link says an external link opens a new window, for screen readers
    expect(probe).toHaveTextContent(
      /deploy\/app\.yaml:15:11(, Opens in a new window)? · Deployment\/orders: container "orders" has no readinessProbe/,
    );
    expect(
      within(probe).getByRole('link', { name: /^deploy\/app\.yaml:15:11\b/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/orders/blob/main/deploy/app.yaml#L15',
    );
  });
});
