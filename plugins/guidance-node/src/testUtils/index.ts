/**
 * Test utilities for code that uses the Paved Road guidance service.
 *
 * @packageDocumentation
 */
export { guidanceServiceMock } from './guidanceServiceMock';
export type {
  GuidanceServiceMock,
  GuidanceServiceMockOptions,
} from './guidanceServiceMock';
