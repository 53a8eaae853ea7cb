export { GuidanceApiClient } from './GuidanceApiClient';
export type {
  GuidanceApiClientOptions,
  GuidanceApiRequestOptions,
  GuidanceArticleResponse,
  GuidanceEntityName,
} from './GuidanceApiClient';
export { ConformanceApiClient } from './ConformanceApiClient';
export type {
  ConformanceRefreshResponse,
  ConformanceTrendsRequest,
} from './ConformanceApiClient';
