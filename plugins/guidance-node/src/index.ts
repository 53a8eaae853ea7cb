/**
 * Node library for the Paved Road guidance plugin: what backend plugins and modules
 * share — article sources, the rule engine and its rules, the guidance service reference.
 *
 * @packageDocumentation
 */

export {
  DirectorySource,
  guidanceArticleSourcesExtensionPoint,
  isArticleFile,
} from './sources';
export type {
  ArticleFile,
  ArticleSource,
  GuidanceArticleSourcesExtensionPoint,
} from './sources';
export { guidanceLibraryExtensionPoint } from './library';
export type {
  GuidanceLibraryArticle,
  GuidanceLibraryExtensionPoint,
} from './library';
export {
  assertMayReadCatalog,
  isReporter,
  readReportSubjects,
  refuseReportersInActions,
  reporterRefusedError,
} from './actions';
export {
  BUILTIN_RULES,
  KUBERNETES_API_ANNOTATION,
  MAX_FIELD_POSITIONS,
  MAX_YAML_ALIAS_COUNT,
  REMOVED_API_VERSIONS,
  TooManyDocumentsError,
  evaluateRules,
  evaluateRulesAsync,
  fieldPathKey,
  fieldPositionsOf,
  findRemovedApiVersion,
  guidanceRulesExtensionPoint,
  locateFinding,
  parseImage,
  parseManifests,
  parseManifestsWith,
  parseYamlDocuments,
  positionOfField,
  toResultFinding,
} from './rules';
export type {
  FieldPositions,
  GuidanceRule,
  GuidanceRulesExtensionPoint,
  ManifestFile,
  ManifestObject,
  ManifestParseError,
  ParsedYamlDocument,
  RemovedApiVersion,
  RuleEvaluation,
  RuleFinding,
  RuleInput,
  RuleLifecycle,
  UnresolvedConflict,
  YamlDocumentParser,
} from './rules';
export {
  CONFORMANCE_SOURCE_LIMITS,
  DEFAULT_CONFORMANCE_INCLUDE,
  createIncludeMatcher,
  findSourceFiles,
} from './conformance';
export type { FoundSourceFile, SourceFileListing } from './conformance';
export {
  DefaultGuidanceService,
  GuidanceRequestError,
  guidanceServiceRef,
} from './client';
export type { GuidanceRequestOptions, GuidanceService } from './client';
export {
  createSpecRouter,
  entityRefFromParams,
  jsonBodyFor,
  parseInput,
} from './http';
export type { SpecRouterFactoryOptions, SpecRouterOptions } from './http';
