export { ConformancePage } from './ConformancePage';
