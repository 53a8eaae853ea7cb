export * from './types';
export { parseManifests, evaluateRules } from './engine';
export {
  REMOVED_API_VERSIONS,
  findRemovedApiVersion,
} from './servedApiVersions';
export type { RemovedApiVersion } from './servedApiVersions';
