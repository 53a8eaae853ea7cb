export { MarkdownArticle } from './MarkdownArticle';
export { jumpToHeading, headingIdFromHash } from './jumpToHeading';
