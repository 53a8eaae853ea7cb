export { entityRefFromParams, parseInput } from './parseInput';
