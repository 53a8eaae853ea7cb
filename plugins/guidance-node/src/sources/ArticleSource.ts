/**
 * One Markdown file as a source hands it over.
 * @public
 */
export type ArticleFile = {
  /** Path inside the source, e.g. `saga-pattern.md`. */
  path: string;
  content: string;
  /** Where a reader can edit the file, shown as the article's edit link. */
  editUrl?: string;
};

/**
 * Where articles come from: the built-in folder, a directory, a URL, or whatever a
 * backend module adds through {@link guidanceArticleSourcesExtensionPoint}.
 * @public
 */
export interface ArticleSource {
  /** Names the source in log lines, e.g. `directory ./docs/guidance`; unique across sources. */
  readonly name: string;
  /** Reads every article file; throws when the source as a whole cannot be read. */
  read(): Promise<ArticleFile[]>;
  /** Calls `onChange` when the source may have changed; returns a function that stops watching. */
  watch?(onChange: () => void): () => void;
}

/**
 * Whether a path inside a source is an article: a `.md` file outside hidden folders.
 * @public
 */
export const isArticleFile = (path: string) =>
  path.endsWith('.md') && !path.split('/').some(p => p.startsWith('.'));
