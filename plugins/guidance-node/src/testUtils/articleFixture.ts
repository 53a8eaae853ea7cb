/**
 * The front matter and body of an {@link articleFixture}; only `title` is required.
 * @public
 */
export type ArticleFixtureOptions = {
  /** Defaults to none: the article takes its file's name. */
  id?: string;
  title: string;
  /** Defaults to `An article about <title>.` */
  summary?: string;
  /** Defaults to `sre`. */
  category?: string;
  tags?: string[];
  related?: string[];
  /** When to suggest the article, e.g. `{ tags: ['postgres'] }`. */
  appliesTo?: Record<string, string[]>;
  /** Markdown after the front matter; defaults to a paragraph and one `## First section`. */
  body?: string;
  /** YYYY-MM-DD */
  reviewed?: string;
  verifiedAgainst?: Record<string, string>;
};

/**
 * An article file (front matter and Markdown) for tests of article sources, the library and the
 * routes; `updated` is always 2026-11-01.
 * @public
 */
export function articleFixture(options: ArticleFixtureOptions): string {
  const fm = {
    ...(options.id ? { id: options.id } : {}),
    title: options.title,
    summary:
      options.summary ?? `An article about ${options.title.toLowerCase()}.`,
    category: options.category ?? 'sre',
    tags: options.tags ?? [],
    related: options.related ?? [],
    appliesTo: options.appliesTo ?? {},
    updated: '2026-11-01',
    ...(options.reviewed ? { reviewed: options.reviewed } : {}),
    ...(options.verifiedAgainst
      ? { verifiedAgainst: options.verifiedAgainst }
      : {}),
  };
  return `---\n${Object.entries(fm)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n')}\n---\n${
    options.body ?? 'Some text.\n\n## First section\n\nMore text.\n'
  }`;
}
