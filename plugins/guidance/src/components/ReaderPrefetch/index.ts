export { ReaderPrefetch, guidanceTargetOf } from './ReaderPrefetch';
