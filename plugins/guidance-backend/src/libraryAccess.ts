import { BackendPluginRegistrationPoints } from '@backstage/backend-plugin-api';
import {
  GuidanceLibraryExtensionPoint,
  guidanceLibraryExtensionPoint,
} from '@paved-road/plugin-guidance-node';

/**
 * Registers `guidanceLibraryExtensionPoint`, whose getters answer once the plugin's init has
 * loaded the library and called `set` (Backstage runs modules' inits first, so a module only
 * keeps the accessor during its own init and calls it later).
 */
export function registerLibraryAccess(env: BackendPluginRegistrationPoints) {
  let loaded: GuidanceLibraryExtensionPoint | undefined;
  const current = () => {
    if (!loaded) {
      throw new Error(
        'The guidance library is not loaded yet: call guidanceLibraryExtensionPoint getters after the guidance plugin has started (in a request, an action or a startup hook), not in a module init',
      );
    }
    return loaded;
  };
  env.registerExtensionPoint(guidanceLibraryExtensionPoint, {
    articles: () => current().articles(),
    lifecycle: () => current().lifecycle(),
  });
  return {
    set(access: GuidanceLibraryExtensionPoint) {
      loaded = access;
    },
  };
}
