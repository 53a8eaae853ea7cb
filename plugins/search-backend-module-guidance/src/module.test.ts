import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { searchModuleGuidanceCollator } from './module';

describe('searchModuleGuidanceCollator', () => {
  it('registers the guidance collator with the configured schedule', async () => {
    const addCollator = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [
          searchIndexRegistryExtensionPoint,
          { addCollator, addDecorator: jest.fn() },
        ],
      ],
      features: [
        searchModuleGuidanceCollator,
        mockServices.rootConfig.factory({
          data: {
            search: {
              collators: {
                guidance: {
                  schedule: {
                    frequency: { hours: 1 },
                    timeout: { minutes: 2 },
                  },
                },
              },
            },
          },
        }),
      ],
    });
    expect(addCollator).toHaveBeenCalledTimes(1);
    expect(addCollator.mock.calls[0][0].factory.type).toBe('guidance');
  });
});
