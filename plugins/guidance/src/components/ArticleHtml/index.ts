export { ArticleHtml } from './ArticleHtml';
export { sanitizeArticleHtml } from './sanitizeHtml';
