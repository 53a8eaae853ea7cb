export { entityRefFromParams, parseInput } from './parseInput';
export { createSpecRouter, jsonBodyFor } from './specRouter';
export type { SpecRouterFactoryOptions, SpecRouterOptions } from './specRouter';
