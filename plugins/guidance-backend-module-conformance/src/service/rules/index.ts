export {
  RuleRegistry,
  PayloadTooLargeError,
  VALIDATE_LIMITS,
  summarize,
} from './RuleRegistry';
