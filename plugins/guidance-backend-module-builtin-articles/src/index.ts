/**
 * The built-in Paved Road guidance library, as a module of the guidance backend.
 *
 * @packageDocumentation
 */
export { guidanceModuleBuiltinArticles as default } from './module';
