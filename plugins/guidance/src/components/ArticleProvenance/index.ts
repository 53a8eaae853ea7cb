export {
  ArticleProvenance,
  StaleMark,
  provenanceText,
} from './ArticleProvenance';
export { toolName } from './toolNames';
