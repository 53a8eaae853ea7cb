export {
  checkVerifiedAgainst,
  compareVersions,
  endOfLifeReason,
  findCycle,
  isEndOfLife,
  lifecycleProductId,
  lifecycleProductTitle,
  mergeLifecycleCycles,
  normalizeVersion,
  supportedCycles,
  versionStatus,
} from './lifecycle';
export type {
  LifecycleCycle,
  LifecycleTable,
  VerifiedAgainstReport,
  VersionStatus,
} from './lifecycle';
export { SHIPPED_LIFECYCLE } from './lifecycleTable';
