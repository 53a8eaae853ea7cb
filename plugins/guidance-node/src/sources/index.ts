export type { ArticleFile, ArticleSource } from './ArticleSource';
export { isArticleFile } from './ArticleSource';
export { guidanceArticleSourcesExtensionPoint } from './extensionPoint';
export type { GuidanceArticleSourcesExtensionPoint } from './extensionPoint';
export { DirectorySource } from './DirectorySource';
