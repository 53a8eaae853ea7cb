export { guidanceLibraryExtensionPoint } from './extensionPoint';
export type {
  GuidanceLibraryArticle,
  GuidanceLibraryExtensionPoint,
} from './extensionPoint';
