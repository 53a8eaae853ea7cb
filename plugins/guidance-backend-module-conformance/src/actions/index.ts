export { registerValidateManifestsAction } from './validateManifestsAction';
export { registerGetEntityConformanceAction } from './getEntityConformanceAction';
