export { ArticleConformance, followSentence } from './ArticleConformance';
