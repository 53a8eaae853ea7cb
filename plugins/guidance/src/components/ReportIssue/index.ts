export { ReportIssue } from './ReportIssue';
export { issueUrl, sourceRepository } from './issueUrl';
