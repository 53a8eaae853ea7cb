/**
 * Scaffolder actions for the Paved Road golden paths: fragments bundled with this package,
 * the guidance annotation, validation against the guidance and publishing to a local folder.
 *
 * @packageDocumentation
 */
export { scaffolderModuleGuidance as default } from './module';
export {
  createFetchFragmentAction,
  listFragments,
} from './actions/fetchFragment';
export { createAnnotateAction } from './actions/annotate';
export { createValidateAction } from './actions/validate';
export { createPublishLocalAction } from './actions/publishLocal';
export { createCheckNamesAction } from './actions/checkNames';
