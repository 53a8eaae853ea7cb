import { fireEvent, screen, within } from '@testing-library/react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { rootRouteRef } from '../../routes';
import { mockGuidanceApi } from '../../testing/fixtures';
import { overview } from '../../testing/conformanceFixtures';
import { GuidanceRouter } from '../GuidanceRouter';
import { byOwner } from './ConformancePage';

jest.mock('mermaid', () => ({
  __esModule: true,
  default: { initialize: jest.fn(), render: jest.fn() },
}));

async function renderAt(path: string, api = mockGuidanceApi()) {
  await renderInTestApp(
    <TestApiProvider apis={[[guidanceApiRef, api]]}>
      <GuidanceRouter />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/guidance': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
  return api;
}

const tableNamed = (title: string) =>
  screen
    .getByRole('heading', { name: title })
    .closest('[class*="BackstageTable-root"]') as HTMLElement;

jest.setTimeout(30_000);

describe('ConformancePage', () => {
  it('groups services by owner', () => {
    expect(byOwner(overview.entities)).toEqual([
      {
        id: 'group:default/payments-team',
        owner: 'group:default/payments-team',
        services: 1,
        following: 1,
        failingRules: 0,
      },
      {
        id: 'group:default/platform-team',
        owner: 'group:default/platform-team',
        services: 2,
        following: 0,
        failingRules: 1,
      },
    ]);
  });

  it('lists services by owner and by rule, with links to entities and the explaining headings', async () => {
    const api = await renderAt(
      '/conformance',
      mockGuidanceApi({
        getConformanceOverview: jest.fn().mockResolvedValue(overview),
      }),
    );
    expect(
      await screen.findByRole('heading', { name: 'Services (3)' }),
    ).toBeInTheDocument();
    expect(api.getConformanceOverview).toHaveBeenCalledWith({
      owner: undefined,
      rule: undefined,
    });

    const services = tableNamed('Services (3)');
    expect(
      within(services).getByRole('link', { name: 'reports-worker' }),
    ).toHaveAttribute('href', '/catalog/default/component/reports-worker');
    expect(within(services).getByText('1 of 3')).toBeInTheDocument();
    expect(
      within(services).getByText('could not read source: ENOENT'),
    ).toBeInTheDocument();

    const owners = tableNamed('By owner');
    expect(
      within(owners).getByRole('link', { name: 'platform-team' }),
    ).toHaveAttribute('href', '/catalog/default/group/platform-team');

    const rules = tableNamed('By rule');
    expect(
      within(rules).getByRole('link', {
        name: 'Golden paths › What the deployment defaults look like',
      }),
    ).toHaveAttribute(
      'href',
      '/guidance/golden-paths#what-the-deployment-defaults-look-like',
    );

    // a failing count filters the services by that rule
    fireEvent.click(
      within(rules).getByRole('button', {
        name: 'Show the services memory-limit applies to, failing first',
      }),
    );
    expect(await screen.findByText('Rule: memory-limit')).toBeInTheDocument();
    expect(api.getConformanceOverview).toHaveBeenLastCalledWith({
      owner: undefined,
      rule: 'memory-limit',
    });
  });

  it('counts services per golden path version when the overview has them', async () => {
    await renderAt(
      '/conformance',
      mockGuidanceApi({
        getConformanceOverview: jest.fn().mockResolvedValue({
          ...overview,
          templates: [
            { template: 'go-service', version: 2, count: 4 },
            { template: 'go-service', version: 1, count: 3 },
          ],
        }),
      }),
    );
    const table = tableNamed(
      (await screen.findByRole('heading', { name: 'By golden path version' }))
        .textContent!,
    );
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map(row => row.textContent);
    expect(rows).toEqual(['go-service24', 'go-service13']);
  });

  it('leaves the golden path table out when no service records its template', async () => {
    await renderAt(
      '/conformance',
      mockGuidanceApi({
        getConformanceOverview: jest.fn().mockResolvedValue(overview),
      }),
    );
    await screen.findByRole('heading', { name: 'Services (3)' });
    expect(
      screen.queryByRole('heading', { name: 'By golden path version' }),
    ).not.toBeInTheDocument();
  });

  it('reads the owner filter from the address', async () => {
    const api = await renderAt(
      '/conformance?owner=group:default/platform-team',
    );
    expect(
      await screen.findByText('Owner: group:default/platform-team'),
    ).toBeInTheDocument();
    expect(api.getConformanceOverview).toHaveBeenCalledWith({
      owner: 'group:default/platform-team',
      rule: undefined,
    });
  });

  it('sorts the rule table by a column', async () => {
    await renderAt(
      '/conformance',
      mockGuidanceApi({
        getConformanceOverview: jest.fn().mockResolvedValue(overview),
      }),
    );
    await screen.findByRole('heading', { name: 'By rule' });
    const rules = tableNamed('By rule');
    const firstColumn = () =>
      within(rules)
        .getAllByRole('row')
        .slice(1)
        .map(r => within(r).getAllByRole('cell')[0].textContent);
    fireEvent.click(within(rules).getByText('Rule'));
    expect(firstColumn()).toEqual([
      'CronJobs set deadlines',
      'Every container has a memory limit',
      'Images are pinned by a specific tag or a digest',
      'Long-running containers have a readiness probe',
    ]);
  });
});
