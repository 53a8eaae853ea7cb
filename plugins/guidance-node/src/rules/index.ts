export type {
  GuidanceRule,
  ManifestFile,
  ManifestObject,
  ManifestParseError,
  RuleEvaluation,
  RuleFinding,
  RuleInput,
  RuleLifecycle,
} from './types';
export type { UnresolvedConflict } from './conflictMarkers';
export {
  parseManifests,
  parseManifestsWith,
  TooManyDocumentsError,
  parseYamlDocuments,
  evaluateRules,
  evaluateRulesAsync,
  locateFinding,
  MAX_YAML_ALIAS_COUNT,
  type ParsedYamlDocument,
  type YamlDocumentParser,
} from './engine';
export {
  BUILTIN_RULES,
  KUBERNETES_API_ANNOTATION,
  parseImage,
} from './builtin';
export {
  guidanceRulesExtensionPoint,
  type GuidanceRulesExtensionPoint,
} from './extensionPoint';
export {
  REMOVED_API_VERSIONS,
  findRemovedApiVersion,
  type RemovedApiVersion,
} from './servedApiVersions';
export { toResultFinding } from './resultFinding';
export {
  fieldPositionsOf,
  fieldPathKey,
  positionOfField,
  MAX_FIELD_POSITIONS,
  type FieldPositions,
} from './positions';
