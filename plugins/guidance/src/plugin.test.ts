import {
  guidancePlugin,
  GuidancePage,
  EntityGuidanceCard,
  EntityGuidanceContent,
  GuidanceSearchResultListItem,
} from './plugin';
import { guidanceApiRef } from './api/GuidanceApi';

describe('guidance plugin', () => {
  it('registers the API and the root route in the classic system', () => {
    expect(guidancePlugin.getId()).toBe('guidance');
    expect([...guidancePlugin.getApis()].map(f => f.api.id)).toEqual([
      guidanceApiRef.id,
    ]);
    expect(guidancePlugin.routes.root).toBeDefined();
    for (const extension of [
      GuidancePage,
      EntityGuidanceCard,
      EntityGuidanceContent,
      GuidanceSearchResultListItem,
    ]) {
      expect(extension).toBeDefined();
    }
  });
});
