import {
  BackstageCredentials,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { guidanceRulesExtensionPoint } from '@paved-road/plugin-guidance-node';
import { testRules } from './conformanceFixtures';

/** Adds only the test rules, the way a custom module adds rules, so counts stay small. */
export const testRulesModule = createBackendModule({
  pluginId: 'guidance',
  moduleId: 'test-rules',
  register(env) {
    env.registerInit({
      deps: { rules: guidanceRulesExtensionPoint },
      async init({ rules }) {
        rules.addRules(...testRules);
      },
    });
  },
});

export const OUTSIDER = 'user:default/outsider';

/** A catalog that hides `secret` from the outsider, as a permission policy would. */
export function catalogWithVisibility(entities: Entity[]) {
  const inner = catalogServiceMock({ entities });
  const hidden = (options: unknown, e: Entity) =>
    (
      (options as { credentials?: BackstageCredentials } | undefined)
        ?.credentials?.principal as { userEntityRef?: string }
    )?.userEntityRef === OUTSIDER && e.metadata.name === 'secret';
  return catalogServiceMock.mock({
    getEntityByRef: async (ref, options) => {
      const entity = await inner.getEntityByRef(ref, options);
      return entity && !hidden(options, entity) ? entity : undefined;
    },
    getEntities: async (req, options) => {
      const { items } = await inner.getEntities(req, options);
      return { items: items.filter(e => !hidden(options, e)) };
    },
  });
}
