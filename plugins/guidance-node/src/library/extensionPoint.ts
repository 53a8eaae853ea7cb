import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { LifecycleTable, TocEntry } from '@paved-road/plugin-guidance-common';

/**
 * What a module needs to know about one article of the library: its title and headings
 * (a rule links to a heading and shows its text).
 * @public
 */
export type GuidanceLibraryArticle = {
  summary: { title: string };
  toc: TocEntry[];
};

/**
 * Read access to the guidance plugin's library for its modules (the conformance module links
 * rules to article sections and judges versions by the lifecycle table).
 *
 * The getters are lazily valid: the plugin loads the library in its own init, which Backstage
 * runs after its modules' inits, so a module keeps the accessor and calls it later (in a
 * request, an action, a task scheduled from a startup hook). Called before the library is
 * loaded, each throws an error that says so.
 * @public
 */
export interface GuidanceLibraryExtensionPoint {
  /** The articles served now, by id; a reload replaces the map, so read it on every use. */
  articles(): ReadonlyMap<string, GuidanceLibraryArticle>;
  /** Release cycles and their end of life now (a refresh replaces the table). */
  lifecycle(): LifecycleTable;
}

/**
 * The extension point behind {@link GuidanceLibraryExtensionPoint}, registered by the
 * guidance backend plugin.
 * @public
 */
export const guidanceLibraryExtensionPoint =
  createExtensionPoint<GuidanceLibraryExtensionPoint>({
    id: 'guidance.library',
  });
