import { screen, waitFor, within } from '@testing-library/react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import Grid from '@material-ui/core/Grid';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ConformanceTrendDay } from '@paved-road/plugin-guidance-common';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { mockGuidanceApi } from '../../testing/fixtures';
import { imagePinned } from '../../testing/conformanceFixtures';
import { ConformanceTrendsSection } from './ConformanceTrendsSection';
import { EntityConformanceTrend } from './EntityConformanceTrend';
import { trendCaption } from './LazyTrendChart';

const day = (
  date: string,
  pass: number,
  fail: number,
): ConformanceTrendDay => ({
  date,
  pass,
  fail,
  waived: 0,
});

const days = [
  day('2026-11-29', 0, 0),
  day('2026-11-30', 3, 4),
  day('2026-12-01', 6, 1),
];

// jsdom has no layout: recharts' ResponsiveContainer needs a ResizeObserver to exist
beforeAll(() => {
  (global as any).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

describe('trendCaption', () => {
  it('says how failing and passing moved between the first and last day with data', () => {
    expect(trendCaption(days)).toBe(
      'Failing 4 → 1, passing 3 → 6 over 2 days with data',
    );
    expect(trendCaption([day('2026-12-01', 0, 0)])).toBe(
      'No history recorded yet.',
    );
  });
});

describe('conformance trends on the page', () => {
  it('draws per rule and per owner, names the most improved and regressed teams, and previews a rule', async () => {
    const api = mockGuidanceApi({
      getConformanceTrends: jest.fn(async query => ({
        days,
        series:
          query.by === 'rule'
            ? [{ key: 'image-pinned', days }]
            : [
                { key: 'group:default/team-a', days },
                { key: 'group:default/team-b', days },
              ],
      })),
      getConformanceOwnerMovements: jest.fn().mockResolvedValue({
        owners: [
          {
            owner: 'group:default/team-a',
            from: days[1],
            to: days[2],
            failShareChange: -42.9,
          },
          {
            owner: 'group:default/team-c',
            from: days[1],
            to: days[1],
            failShareChange: 0,
          },
          {
            owner: 'group:default/team-b',
            from: days[2],
            to: days[1],
            failShareChange: 42.9,
          },
        ],
      }),
      previewRule: jest.fn().mockResolvedValue({
        rule: 'image-pinned',
        entities: [
          {
            entityRef: 'component:default/reports-worker',
            owner: 'group:default/team-b',
            findings: [
              {
                file: 'deploy/app.yaml',
                message: 'image web:latest is not pinned',
              },
            ],
          },
        ],
        enforcement: { enforcement: 'warn', enforceFrom: '2027-01-15' },
        enforcementToday: 'warn',
      }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[guidanceApiRef, api]]}>
        <Grid container>
          <ConformanceTrendsSection owner="team-b" rules={[imagePinned]} />
        </Grid>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByTestId('trend-caption')).toHaveTextContent(
      'Failing 4 → 1, passing 3 → 6 over 2 days with data',
    );
    expect(api.getConformanceTrends).toHaveBeenCalledWith({
      days: 30,
      by: 'rule',
      owner: 'team-b',
      rule: undefined,
    });
    expect(api.getConformanceTrends).toHaveBeenCalledWith(
      expect.objectContaining({ by: 'owner' }),
    );
    expect(screen.getByText('2 owners')).toBeInTheDocument();
    const improved = await screen.findByTestId('most-improved');
    expect(within(improved).getByText('team-a')).toBeInTheDocument();
    expect(within(improved).queryByText('team-c')).toBeNull();
    expect(improved).toHaveTextContent(
      '-42.9 points failing (4 → 1 failing results)',
    );
    const regressed = screen.getByTestId('most-regressed');
    expect(within(regressed).getByText('team-b')).toBeInTheDocument();
    expect(regressed).toHaveTextContent(
      '+42.9 points failing (1 → 4 failing results)',
    );

    expect(await screen.findByTestId('preview-summary')).toHaveTextContent(
      'Enforcement: warn, enforced from 2027-01-15 (today: warn). 1 service would fail, owned by 1 owner.',
    );
    expect(api.previewRule).toHaveBeenCalledWith('image-pinned');
    expect(
      screen.getByText('deploy/app.yaml: image web:latest is not pinned'),
    ).toBeInTheDocument();
  });

  it('shows the error when the history cannot be read', async () => {
    const api = mockGuidanceApi({
      getConformanceOwnerMovements: jest
        .fn()
        .mockRejectedValue(new Error('database is down')),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[guidanceApiRef, api]]}>
        <Grid container>
          <ConformanceTrendsSection rules={[]} />
        </Grid>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      (await screen.findAllByText(/database is down/)).length,
    ).toBeGreaterThan(0);
  });
});

describe('the entity trend', () => {
  it("reads the entity's own history", async () => {
    const api = mockGuidanceApi({
      getConformanceTrends: jest.fn().mockResolvedValue({ days }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[guidanceApiRef, api]]}>
        <EntityConformanceTrend entityRef="component:default/reports-worker" />
      </TestApiProvider>,
    );
    await waitFor(() =>
      expect(screen.getByTestId('entity-conformance-trend')).toHaveTextContent(
        'Last 30 daysFailing 4 → 1, passing 3 → 6 over 2 days with data',
      ),
    );
    expect(api.getConformanceTrends).toHaveBeenCalledWith({
      days: 30,
      entity: 'component:default/reports-worker',
    });
  });
});
