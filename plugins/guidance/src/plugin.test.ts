import {
  guidancePlugin,
  GuidancePage,
  EntityGuidanceCard,
  EntityGuidanceContent,
  GuidanceSearchResultListItem,
} from './plugin';
import alphaPlugin, { guidanceSearchResultType } from './alpha';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { SearchFilterResultTypeBlueprint } from '@backstage/plugin-search-react/alpha';
import { guidanceApiRef } from './api/GuidanceApi';

describe('guidance plugin', () => {
  it('registers the API and the root route in the classic system', () => {
    expect(guidancePlugin.getId()).toBe('guidance');
    expect([...guidancePlugin.getApis()].map(f => f.api.id)).toEqual([
      guidanceApiRef.id,
    ]);
    expect(guidancePlugin.routes.root).toBeDefined();
    expect(guidancePlugin.routes.conformance).toBeDefined();
    for (const extension of [
      GuidancePage,
      EntityGuidanceCard,
      EntityGuidanceContent,
      GuidanceSearchResultListItem,
    ]) {
      expect(extension).toBeDefined();
    }
  });

  it('gives the new system a Conformance sub-route of the page', () => {
    expect(alphaPlugin.pluginId).toBe('guidance');
    expect(alphaPlugin.routes.conformance).toBeDefined();
  });

  it('adds a Guidance entry to the search page type filter', () => {
    expect(
      alphaPlugin.getExtension(
        'search-filter-result-type:guidance/guidance' as any,
      ),
    ).toBeDefined();
    const resultType = createExtensionTester(guidanceSearchResultType).get(
      SearchFilterResultTypeBlueprint.dataRefs.resultType,
    );
    expect(resultType).toMatchObject({ value: 'guidance', name: 'Guidance' });
  });
});
