import { screen, within } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import alphaPlugin, {
  guidanceApi,
  guidanceEntityCard,
  guidanceEntityContent,
  guidancePage,
} from './alpha';
import { GuidanceApi, guidanceApiRef } from './api/GuidanceApi';
import { mockGuidanceApi, pooling, saga } from './testing/fixtures';

const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders', namespace: 'payments' },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

const person: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'jane' },
  spec: {},
};

/** Renders what an extension tester outputs, with the guidance API and the plugin's root route. */
function renderOutput(
  element: JSX.Element,
  api: ReturnType<typeof mockGuidanceApi>,
) {
  return renderInTestApp(element, {
    apis: [[guidanceApiRef, api]],
    mountedRoutes: { '/guidance': alphaPlugin.routes.root },
  });
}

function entityApi() {
  return mockGuidanceApi({
    getEntityArticles: jest.fn().mockResolvedValue([
      { article: saga, source: 'annotation', reasons: [] },
      { article: pooling, source: 'rule', reasons: ['type service'] },
    ]),
  });
}

describe('guidance plugin in the new frontend system', () => {
  it('api:guidance builds the guidance client on discovery and fetch', async () => {
    const factory = createExtensionTester(guidanceApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe(guidanceApiRef.id);
    expect(Object.values(factory.deps).map(ref => ref.id)).toEqual([
      discoveryApiRef.id,
      fetchApiRef.id,
    ]);
    const fetchApi = {
      fetch: jest.fn(
        async () =>
          new Response(JSON.stringify([]), {
            headers: { 'content-type': 'application/json' },
          }),
      ),
    };
    const client = factory.factory({
      discoveryApi: {
        getBaseUrl: async (id: string) => `http://backend/api/${id}`,
      },
      fetchApi,
    }) as GuidanceApi;
    await client.listCategories();
    // the client hands fetchApi a Request (GuidanceApiClient, openapi-fetch)
    const [request] = fetchApi.fetch.mock.calls[0] as unknown as [Request];
    expect(request.url).toMatch(/^http:\/\/backend\/api\/guidance\//);
  });

  it('page:guidance renders the library with the articles from the API', async () => {
    const api = mockGuidanceApi();
    renderOutput(
      createExtensionTester(guidancePage, {
        apis: [[guidanceApiRef, api]],
      }).reactElement(),
      api,
    );
    const card = await screen.findByTestId(
      'article-card-database-connection-pooling',
    );
    expect(card).toHaveTextContent(pooling.title);
    expect(
      within(card).getByRole('link', { name: pooling.title }),
    ).toHaveAttribute('href', `/guidance/${pooling.id}`);
    expect(api.listArticles).toHaveBeenCalled();
  });

  it('entity-content:guidance shows the followed and suggested articles of the entity', async () => {
    const api = entityApi();
    renderOutput(
      createExtensionTester(createTestEntityPage({ entity: service }), {
        apis: [[guidanceApiRef, api]],
      })
        .add(guidanceEntityContent)
        .reactElement(),
      api,
    );
    expect(await screen.findByText('Followed guidance')).toBeInTheDocument();
    expect(screen.getByText('Suggested guidance')).toBeInTheDocument();
    expect(screen.getByText(saga.title)).toBeInTheDocument();
    expect(screen.getByText(pooling.title)).toBeInTheDocument();
    expect(api.getEntityArticles).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'payments',
      name: 'orders',
    });
  });

  it('entity-card:guidance lists the entity articles, linked to the reader', async () => {
    const api = entityApi();
    renderOutput(
      createExtensionTester(createTestEntityPage({ entity: service }), {
        apis: [[guidanceApiRef, api]],
      })
        .add(guidanceEntityCard)
        .reactElement(),
      api,
    );
    const link = await screen.findByRole('link', { name: saga.title });
    expect(link).toHaveAttribute('href', `/guidance/${saga.id}`);
    expect(screen.getByText('Followed')).toBeInTheDocument();
    expect(screen.getByText('Suggested')).toBeInTheDocument();
  });

  it('leaves the tab and the card off entities guidance is not about', async () => {
    const api = entityApi();
    renderOutput(
      createExtensionTester(createTestEntityPage({ entity: person }), {
        apis: [[guidanceApiRef, api]],
      })
        .add(guidanceEntityContent)
        .add(guidanceEntityCard)
        .reactElement(),
      api,
    );
    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    expect(api.getEntityArticles).not.toHaveBeenCalled();
  });
});
