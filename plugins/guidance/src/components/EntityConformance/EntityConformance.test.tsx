import {
  cleanup,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { rootRouteRef } from '../../routes';
import { mockGuidanceApi, responseError } from '../../testing/fixtures';
import {
  imagePinned,
  reportsWorkerConformance,
} from '../../testing/conformanceFixtures';
import { EntityGuidanceContent } from '../EntityGuidanceContent';
import { EntityGuidanceCard } from '../EntityGuidanceCard';
import { conformanceHeadline } from './conformanceScore';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'reports-worker' },
  spec: { type: 'service' },
};

async function render(node: JSX.Element, api = mockGuidanceApi()) {
  await renderInTestApp(
    <TestApiProvider apis={[[guidanceApiRef, api]]}>
      <EntityProvider entity={entity}>{node}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/guidance': rootRouteRef } },
  );
  return api;
}

describe('conformanceHeadline', () => {
  it('counts passing rules out of the applicable ones', () => {
    expect(
      conformanceHeadline({ pass: 7, fail: 1, waived: 1, notApplicable: 12 }),
    ).toBe('Follows the paved road: 7 of 9 rules');
    expect(
      conformanceHeadline({ pass: 1, fail: 0, waived: 0, notApplicable: 0 }),
    ).toBe('Follows the paved road: 1 of 1 rule');
  });
});

describe('entity conformance on the Guidance tab', () => {
  it('opens with the score, failing rules with evidence and the heading that explains them, and waivers', async () => {
    const api = await render(
      <EntityGuidanceContent />,
      mockGuidanceApi({
        getEntityConformance: jest
          .fn()
          .mockResolvedValue(reportsWorkerConformance),
      }),
    );
    expect(await screen.findByTestId('conformance-headline')).toHaveTextContent(
      'Follows the paved road: 1 of 3 rules',
    );
    expect(api.getEntityConformance).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'reports-worker',
    });

    const failing = screen.getByRole('region', { name: 'Failing rules (1)' });
    const memory = within(failing).getByTestId('rule-memory-limit');
    expect(memory).toHaveTextContent('Every container has a memory limit');
    expect(memory).toHaveTextContent(
      'deploy/deployment.yaml · Deployment/reports-worker: container worker does not set resources limits.memory',
    );
    expect(
      within(memory).getByRole('link', {
        name: 'Golden paths › What the deployment defaults look like',
      }),
    ).toHaveAttribute(
      'href',
      '/guidance/golden-paths#what-the-deployment-defaults-look-like',
    );

    const waived = screen.getByRole('region', { name: 'Waived rules (1)' });
    expect(waived).toHaveTextContent(
      'Waived until 2027-03-31: vendor image publishes major tags only',
    );
    expect(
      screen.getByRole('region', { name: 'Passing rules (1)' }),
    ).toHaveTextContent('Long-running containers have a readiness probe');
    // not-applicable rules are counted, not listed
    expect(screen.queryByTestId('rule-cronjob-deadlines')).toBeNull();
  });

  it('says when a waiver has expired, and where in a file a finding is', async () => {
    await render(
      <EntityGuidanceContent />,
      mockGuidanceApi({
        getEntityConformance: jest.fn().mockResolvedValue({
          ...reportsWorkerConformance,
          summary: { pass: 1, fail: 2, waived: 0, notApplicable: 1 },
          results: [
            ...reportsWorkerConformance.results.filter(
              r => r.status !== 'waived',
            ),
            {
              rule: imagePinned,
              status: 'fail',
              findings: [
                {
                  message:
                    'waiver expired on 2026-11-30: vendor image publishes major tags only',
                },
                {
                  file: 'deploy/deployment.yaml',
                  line: 12,
                  column: 18,
                  object: 'Deployment/reports-worker',
                  message: 'tag "7" moves',
                },
              ],
              waiver: {
                until: '2026-11-30',
                reason: 'vendor image publishes major tags only',
                expired: true,
              },
            },
          ],
        }),
      }),
    );
    const failing = await screen.findByRole('region', {
      name: 'Failing rules (2)',
    });
    const pinned = within(failing).getByTestId('rule-image-pinned');
    expect(
      within(pinned).getByTestId('expired-waiver-image-pinned'),
    ).toHaveTextContent(
      'Waiver expired on 2026-11-30: vendor image publishes major tags only.',
    );
    // said once, above the evidence, not repeated in it
    expect(
      within(pinned).getByRole('list', { name: 'Evidence' }),
    ).not.toHaveTextContent('waiver expired');
    expect(pinned).toHaveTextContent(
      'deploy/deployment.yaml:12:18 · Deployment/reports-worker: tag "7" moves',
    );
    expect(screen.queryByRole('region', { name: /Waived rules/ })).toBeNull();
  });

  it('evaluates on demand, waits for the queued evaluation, and reloads', async () => {
    // the page's load, the click's "before", and one poll see nothing yet
    const getEntityConformance = jest
      .fn()
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce(undefined)
      .mockResolvedValue(reportsWorkerConformance);
    const api = await render(
      <EntityGuidanceContent />,
      mockGuidanceApi({ getEntityConformance }),
    );
    expect(await screen.findByText(/Not evaluated yet/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Evaluate now' }));
    expect(
      await screen.findByTestId('conformance-headline', undefined, {
        timeout: 5000,
      }),
    ).toHaveTextContent('1 of 3 rules');
    expect(getEntityConformance.mock.calls.length).toBeGreaterThanOrEqual(4);
    expect(api.refreshEntityConformance).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'reports-worker',
    });
  });

  it('shows an unreadable source, and keeps the articles when conformance fails to load', async () => {
    await render(
      <EntityGuidanceContent />,
      mockGuidanceApi({
        getEntityConformance: jest.fn().mockResolvedValue({
          ...reportsWorkerConformance,
          source: {
            location: 'file:/x',
            error: 'could not read source: ENOENT',
          },
          results: [],
        }),
      }),
    );
    expect(
      await screen.findByText('could not read source: ENOENT'),
    ).toBeInTheDocument();
    cleanup();

    const error = await responseError(500, 'database is down');
    await render(
      <EntityGuidanceContent />,
      mockGuidanceApi({
        getEntityConformance: jest.fn().mockRejectedValue(error),
      }),
    );
    expect(
      await screen.findByText(/Could not load conformance/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No guidance for this entity yet'),
    ).toBeInTheDocument();
  });
});

describe('entity conformance without manifests', () => {
  it('says that no rule applies instead of a score of 0 of 0', async () => {
    await render(
      <EntityGuidanceContent />,
      mockGuidanceApi({
        getEntityConformance: jest.fn().mockResolvedValue({
          ...reportsWorkerConformance,
          summary: { pass: 0, fail: 0, waived: 0, notApplicable: 4 },
          results: [],
        }),
      }),
    );
    expect(
      await screen.findByText(
        /No rule applies to what was found at the source/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('conformance-headline')).toBeNull();
  });
});

describe('entity card score', () => {
  it('shows the score from the same data the tab loads', async () => {
    const api = await render(
      <EntityGuidanceCard />,
      mockGuidanceApi({
        getEntityConformance: jest
          .fn()
          .mockResolvedValue(reportsWorkerConformance),
      }),
    );
    expect(await screen.findByTestId('guidance-card-score')).toHaveTextContent(
      'Follows the paved road: 1 of 3 rules · 1 failing',
    );
    await waitFor(() => expect(api.getEntityArticles).toHaveBeenCalledTimes(1));
    expect(api.getEntityConformance).toHaveBeenCalledTimes(1);
  });
});
