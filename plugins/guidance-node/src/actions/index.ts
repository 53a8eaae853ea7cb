export { assertMayReadCatalog } from './assertMayReadCatalog';
