export { assertMayReadCatalog } from './assertMayReadCatalog';
export {
  isReporter,
  readReportSubjects,
  refuseReportersInActions,
  reporterRefusedError,
} from './reporters';
