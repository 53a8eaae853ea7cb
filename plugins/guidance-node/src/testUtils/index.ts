/**
 * Test utilities for code that uses the Paved Road guidance service, and article files for
 * tests of article sources.
 *
 * @packageDocumentation
 */
export { guidanceServiceMock } from './guidanceServiceMock';
export type {
  GuidanceServiceMock,
  GuidanceServiceMockOptions,
} from './guidanceServiceMock';
export { articleFixture } from './articleFixture';
export { articleSummaryFixture } from './articleSummaryFixture';
export type { ArticleFixtureOptions } from './articleFixture';
export { specResponseRecorder } from './specResponses';
export type {
  SpecResponseDocument,
  SpecResponseRecorder,
  SpecResponseRecorderOptions,
} from './specResponses';
