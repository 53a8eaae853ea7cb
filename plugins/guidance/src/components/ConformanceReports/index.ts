export { ConformanceReports } from './ConformanceReports';
export { SourcePlace } from './SourcePlace';
export { sourceFileUrl } from './sourceLinks';
