import type { SearchIndex } from './builtin/SearchIndex';
import {
  GuidanceSearchEngine,
  GuidanceSearchRequest,
} from './GuidanceSearchEngine';

/** The in-memory index each replica builds from its library on reload. */
export class BuiltinSearchEngine implements GuidanceSearchEngine {
  constructor(private readonly index: () => SearchIndex) {}

  async search({ query, limit }: GuidanceSearchRequest) {
    return this.index().search(query, limit);
  }
}
