export { GuidanceRouter } from './GuidanceRouter';
