export { GuidanceApiClient } from './GuidanceApiClient';
export type {
  GuidanceApiClientOptions,
  GuidanceApiRequestOptions,
  GuidanceArticleResponse,
  GuidanceEntityName,
} from './GuidanceApiClient';
