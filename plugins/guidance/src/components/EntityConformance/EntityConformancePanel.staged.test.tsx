import { screen, within } from '@testing-library/react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { rootRouteRef } from '../../routes';
import { mockGuidanceApi } from '../../testing/fixtures';
import { memoryLimit, readinessProbe } from '../../testing/conformanceFixtures';
import { EntityConformancePanel } from './EntityConformancePanel';

describe('a staged rule on the entity panel', () => {
  it('lists a failing rule in warn as a warning, not a failure, and draws the trend below', async () => {
    const api = mockGuidanceApi();
    await renderInTestApp(
      <TestApiProvider apis={[[guidanceApiRef, api]]}>
        <EntityConformancePanel
          conformance={{
            entityRef: 'component:default/reports-worker',
            evaluatedAt: '2026-12-01T12:00:00.000Z',
            source: { location: 'file:./' },
            summary: { pass: 1, fail: 0, waived: 0, notApplicable: 0, warn: 1 },
            results: [
              {
                rule: memoryLimit,
                status: 'fail',
                enforcement: 'warn',
                findings: [
                  { message: 'container worker sets no memory limit' },
                ],
              },
              { rule: readinessProbe, status: 'pass', findings: [] },
            ],
          }}
          onEvaluate={() => {}}
          evaluating={false}
        />
      </TestApiProvider>,
      {
        mountedRoutes: { '/guidance': rootRouteRef },
      },
    );
    const warnings = screen.getByRole('region', {
      name: 'Warnings (rules not yet enforced) (1)',
    });
    expect(
      within(warnings).getByText('container worker sets no memory limit'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Failing rules/ })).toBeNull();
    // the warning counts among the rules that apply
    expect(screen.getByTestId('conformance-headline')).toHaveTextContent(
      'Follows the paved road: 1 of 2 rules',
    );
    expect(
      await screen.findByTestId('entity-conformance-trend'),
    ).toBeInTheDocument();
    expect(api.getConformanceTrends).toHaveBeenCalledWith({
      days: 30,
      entity: 'component:default/reports-worker',
    });
  });
});
