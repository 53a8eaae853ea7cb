/** One Markdown file as a source hands it over. */
export type ArticleFile = {
  /** Path inside the source, e.g. `saga-pattern.md`. */
  path: string;
  content: string;
  editUrl?: string;
};

/** Where articles come from: the built-in folder, a directory, a URL. */
export interface ArticleSource {
  /** Names the source in log lines, e.g. `directory ./docs/guidance`. */
  readonly name: string;
  /** Reads every article file; throws when the source as a whole cannot be read. */
  read(): Promise<ArticleFile[]>;
  /** Calls `onChange` when the source may have changed; returns a function that stops watching. */
  watch?(onChange: () => void): () => void;
}

export const isArticleFile = (path: string) =>
  path.endsWith('.md') && !path.split('/').some(p => p.startsWith('.'));
