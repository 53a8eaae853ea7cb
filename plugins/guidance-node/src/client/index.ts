export {
  DefaultGuidanceService,
  GuidanceRequestError,
  guidanceServiceRef,
} from './GuidanceService';
export type {
  GuidanceRequestOptions,
  GuidanceService,
} from './GuidanceService';
