/**
 * Test helpers for code that uses the Paved Road scaffolder actions.
 *
 * @packageDocumentation
 */
export {
  guidanceServiceMock,
  type GuidanceServiceMock,
  type GuidanceServiceMockOptions,
} from './guidanceServiceMock';
