export { ArticleNav, groupByCategory, shortTitle } from './ArticleNav';
export type { ArticleNavProps } from './ArticleNav';
