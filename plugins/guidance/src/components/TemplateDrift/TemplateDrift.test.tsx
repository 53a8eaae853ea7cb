import { screen } from '@testing-library/react';
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
import Grid from '@material-ui/core/Grid';
import { TemplateDrift, upgradeLink } from './TemplateDrift';

// the scaffolder module of the golden paths serves template versions
const base = 'http://localhost:7007/api/scaffolder/guidance';

const entity = (annotation?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: annotation ? { 'paved-road.dev/template': annotation } : {},
  },
  spec: { type: 'service' },
});

describe('TemplateDrift', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const requests: string[] = [];

  beforeEach(() => {
    requests.length = 0;
    server.use(
      http.get(`${base}/templates/:name/versions`, ({ request, params }) => {
        requests.push(request.url);
        if (params.name === 'missing') {
          return HttpResponse.json(
            {
              error: {
                name: 'NotFoundError',
                message: 'No template template:default/missing',
              },
            },
            { status: 404 },
          );
        }
        return HttpResponse.json({
          templateRef: `template:default/${params.name}`,
          version: 4,
          changelog: [
            {
              version: 4,
              date: '2026-11-20',
              body: 'Alerts on **saturation**.',
            },
            {
              version: 3,
              date: '2026-10-01',
              body: 'Liveness probe on /livez.',
            },
          ].filter(
            e =>
              e.version >
              Number(new URL(request.url).searchParams.get('since')),
          ),
        });
      }),
    );
  });

  async function render(annotation?: string) {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            discoveryApiRef,
            mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
          ],
          [
            fetchApiRef,
            { fetch: (input: any, init?: any) => fetch(input, init) },
          ],
        ]}
      >
        <EntityProvider entity={entity(annotation)}>
          <Grid container>
            <TemplateDrift />
          </Grid>
        </EntityProvider>
      </TestApiProvider>,
    );
  }

  it('says which version is available, what changed since, and links to the upgrade', async () => {
    await render('go-service@2');
    expect(
      await screen.findByText('Created from go-service v2 — v4 is available'),
    ).toBeInTheDocument();
    expect(screen.getByText('v4 — 2026-11-20')).toBeInTheDocument();
    expect(screen.getByText('saturation')).toBeInTheDocument();
    expect(screen.getByText('v3 — 2026-10-01')).toBeInTheDocument();
    expect(requests).toEqual([`${base}/templates/go-service/versions?since=2`]);
    const button = screen.getByRole('button', { name: 'Upgrade' });
    expect(button).toHaveAttribute(
      'href',
      '/create/templates/default/golden-path-upgrade?formData=%7B%22entityRef%22%3A%22component%3Adefault%2Forders%22%7D',
    );
  });

  it('says the service is current when it is', async () => {
    await render('go-service@4');
    expect(await screen.findByTestId('template-drift')).toHaveTextContent(
      'Created from go-service v4 — the current version.',
    );
    expect(
      screen.queryByRole('button', { name: 'Upgrade' }),
    ).not.toBeInTheDocument();
  });

  it('explains when the template cannot be found', async () => {
    await render('missing@1');
    expect(
      await screen.findByText(
        /Created from missing v1; its current version is unknown/,
      ),
    ).toBeInTheDocument();
  });

  it('renders nothing and asks nothing for an entity without the annotation', async () => {
    await render(undefined);
    expect(screen.queryByTestId('template-drift')).not.toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('builds the upgrade link with the entity picked', () => {
    expect(
      JSON.parse(
        decodeURIComponent(
          upgradeLink('component:default/a').split('formData=')[1],
        ),
      ),
    ).toEqual({
      entityRef: 'component:default/a',
    });
  });
});
