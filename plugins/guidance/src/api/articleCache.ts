import { Article } from '@paved-road/plugin-guidance-common';

/**
 * An article as last served, with the ETag to revalidate it.
 *
 * @public
 */
export type CachedArticle = { etag: string; article: Article };

const PREFIX = 'paved-road:guidance:article:';
const INDEX_KEY = 'paved-road:guidance:articles';
const DEFAULT_MAX_ENTRIES = 30;

/**
 * The articles read recently, in memory and in `localStorage`, so a warm visit paints the
 * article at once and only asks the backend whether it changed (`If-None-Match` → 304).
 * Storage is best effort: a full or blocked store only loses the cache, never the read.
 * What comes from it is never trusted: the reader sanitizes its HTML again like a response's.
 *
 * @public
 */
export class ArticleCache {
  private readonly memory = new Map<string, CachedArticle>();

  /**
   * @param storage - where articles outlive the page (default: `localStorage`; undefined keeps
   * them in memory only)
   * @param maxEntries - how many articles the storage keeps, the least recently stored leaving first
   */
  constructor(
    private readonly storage: Storage | undefined = typeof window ===
    'undefined'
      ? undefined
      : safeLocalStorage(),
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {}

  /** The article as last served, from memory or the storage; undefined if absent or unreadable. */
  get(id: string): CachedArticle | undefined {
    const hit = this.memory.get(id);
    if (hit) return hit;
    try {
      const raw = this.storage?.getItem(PREFIX + id);
      if (!raw) return undefined;
      const parsed = JSON.parse(raw) as CachedArticle;
      if (
        typeof parsed?.etag !== 'string' ||
        parsed.article?.id !== id ||
        typeof parsed.article.title !== 'string'
      ) {
        return undefined;
      }
      this.memory.set(id, parsed);
      return parsed;
    } catch {
      return undefined;
    }
  }

  /** Keeps the article as just served, in memory and (best effort) in the storage. */
  set(id: string, entry: CachedArticle) {
    this.memory.set(id, entry);
    if (!this.storage) return;
    try {
      const order = this.readIndex().filter(other => other !== id);
      order.push(id);
      while (order.length > this.maxEntries) {
        this.storage.removeItem(PREFIX + order.shift());
      }
      this.storage.setItem(PREFIX + id, JSON.stringify(entry));
      this.storage.setItem(INDEX_KEY, JSON.stringify(order));
    } catch {
      // quota or privacy mode: keep the memory copy only
    }
  }

  private readIndex(): string[] {
    try {
      const value = JSON.parse(this.storage?.getItem(INDEX_KEY) ?? '[]');
      return Array.isArray(value)
        ? value.filter(v => typeof v === 'string')
        : [];
    } catch {
      return [];
    }
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
