export * from './types';
export { parseManifests, evaluateRules } from './engine';
