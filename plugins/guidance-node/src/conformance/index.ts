export {
  DEFAULT_CONFORMANCE_INCLUDE,
  CONFORMANCE_SOURCE_LIMITS,
  createIncludeMatcher,
  findSourceFiles,
  type FoundSourceFile,
  type SourceFileListing,
} from './sourceFiles';
