/**
 * The Paved Road guidance backend: loads, validates, indexes and serves guidance articles.
 *
 * @packageDocumentation
 */
export { guidancePlugin as default } from './plugin';
