import {
  createGuidanceActionContext,
  GuidanceActionsOptions,
} from './guidanceActionContext';
import { registerGetGuidanceArticleAction } from './getGuidanceArticleAction';
import { registerRecommendGuidanceAction } from './recommendGuidanceAction';
import { registerSearchGuidanceAction } from './searchGuidanceAction';

export type { GuidanceActionsOptions } from './guidanceActionContext';

/**
 * Registers the guidance actions with Backstage's actions registry, one per file here; the MCP
 * actions backend (and any other consumer of the actions service) exposes them as tools. The
 * conformance actions are the conformance module's.
 */
export function registerGuidanceActions(options: GuidanceActionsOptions) {
  const ctx = createGuidanceActionContext(options);
  registerSearchGuidanceAction(ctx);
  registerGetGuidanceArticleAction(ctx);
  registerRecommendGuidanceAction(ctx);
}
