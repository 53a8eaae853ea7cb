import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { requestConformanceRefresh } from './conformanceRefresh';

describe('requestConformanceRefresh', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const discovery = mockServices.discovery();
  const auth = mockServices.auth();

  async function refreshUrl() {
    return `${await discovery.getBaseUrl(
      'guidance',
    )}/entities/component/default/orders/conformance/refresh`;
  }

  it('asks the guidance backend with a service token and reads only the status', async () => {
    const seen: string[] = [];
    server.use(
      http.post(await refreshUrl(), ({ request }) => {
        seen.push(request.headers.get('authorization') ?? '');
        return new HttpResponse('not json', { status: 202 });
      }),
    );
    const logger = mockServices.logger.mock();
    const result = await requestConformanceRefresh({
      discovery,
      auth,
      logger,
      entityRef: 'component:default/orders',
    });
    expect(result).toEqual({ status: 202, retrying: false });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^Bearer .+/);
    expect(logger.info).toHaveBeenCalledWith(
      'Conformance of component:default/orders is being evaluated now',
    );
  });

  it('tries again in the background while the catalog does not have the entity yet', async () => {
    let calls = 0;
    server.use(
      http.post(await refreshUrl(), () => {
        calls += 1;
        return new HttpResponse(null, { status: calls < 3 ? 404 : 202 });
      }),
    );
    const backgroundLogger = mockServices.logger.mock();
    const result = await requestConformanceRefresh({
      discovery,
      auth,
      logger: mockServices.logger.mock(),
      backgroundLogger,
      entityRef: 'component:default/orders',
      retryDelaysMs: [5, 5, 5],
    });
    expect(result).toEqual({ status: 404, retrying: true });
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(calls).toBe(3);
    expect(backgroundLogger.info).toHaveBeenCalledWith(
      'Conformance of component:default/orders is being evaluated now',
    );
  });

  it('never fails: a refusal is logged', async () => {
    server.use(
      http.post(
        await refreshUrl(),
        () => new HttpResponse(null, { status: 403 }),
      ),
    );
    const logger = mockServices.logger.mock();
    await expect(
      requestConformanceRefresh({
        discovery,
        auth,
        logger,
        entityRef: 'component:default/orders',
      }),
    ).resolves.toEqual({ status: 403, retrying: false });
    expect(logger.warn).toHaveBeenCalledWith(
      'Conformance of component:default/orders was not refreshed (HTTP 403); the next scheduled run evaluates it',
    );
  });
});
