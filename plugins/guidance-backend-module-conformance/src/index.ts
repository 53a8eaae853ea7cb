/**
 * Conformance for the Paved Road guidance backend: rules, `POST /validate`, the conformance
 * store, scheduled scans, their routes and actions.
 *
 * @packageDocumentation
 */
export { guidanceModuleConformance as default } from './module';
