import { LoggerService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotFoundError } from '@backstage/errors';
import { articleUrl } from '@paved-road/plugin-guidance-common';
import { GuidanceService } from '../service/GuidanceService';
import { ParsedArticle } from '../service/parseArticle';

/** Same limits as the HTTP routes, so an assistant cannot ask for more than a browser can. */
export const ACTION_LIMITS = {
  searchResults: 20,
  markdownChars: 60_000,
} as const;

export type GuidanceActionsOptions = {
  actionsRegistry: ActionsRegistryService;
  /** The library as the router sees it: the one reader of its snapshot. */
  guidance: GuidanceService;
  catalog: CatalogService;
  /** For what an action could not look up but carried on without (an entity's dependencies). */
  logger?: LoggerService;
  /** The portal's base URL, for links an assistant can hand to a person. */
  appBaseUrl: string;
  /**
   * Lets callers that are not users (service principals) have actions read the catalog.
   * Off unless the deployment says so (`guidance.actions.serviceCatalogAccess`): see
   * assertMayReadCatalog in @paved-road/plugin-guidance-node.
   */
  serviceCatalogAccess?: boolean;
};

export const sectionIdPattern = /^[\p{L}\p{M}\p{N}_-]{1,200}$/u;

/** What every guidance action is built with: the options, plus links and the article lookup. */
export type GuidanceActionContext = GuidanceActionsOptions & {
  /** The portal link of an article, or of a heading inside it. */
  link(id: string, section?: string): string;
  /** The article with that id; NotFoundError that says where the ids are listed otherwise. */
  getArticle(id: string): ParsedArticle;
};

export function createGuidanceActionContext(
  options: GuidanceActionsOptions,
): GuidanceActionContext {
  return {
    ...options,
    link: (id, section) =>
      articleUrl({ id, section, baseUrl: options.appBaseUrl }),
    getArticle: id => {
      if (!options.guidance.hasArticle(id)) {
        throw new NotFoundError(
          `No guidance article with id "${id}"; search-guidance lists the ids that exist`,
        );
      }
      return options.guidance.getArticle(id);
    },
  };
}
