/**
 * Catalog module for Paved Road: discovers the repositories guidance:publish:local writes on this host.
 *
 * @packageDocumentation
 */
export { catalogModuleGuidanceLocalRepositories as default } from './module';
export { LocalRepositoriesProvider } from './LocalRepositoriesProvider';
