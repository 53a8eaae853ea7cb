/** An article without its body, as lists and cards show it. */
export type ArticleSummary = {
  id: string;
  title: string;
  summary: string;
  category: string;
  tags: string[];
  /** YYYY-MM-DD */
  updated: string;
  readingTimeMinutes: number;
};

export type TocEntry = { id: string; text: string; level: number };

export type Article = ArticleSummary & {
  markdown: string;
  toc: TocEntry[];
  related: ArticleSummary[];
  editUrl?: string;
};

export type CategoryCount = { id: string; title: string; count: number };

export type SearchResult = {
  id: string;
  title: string;
  summary: string;
  category: string;
  score: number;
  /** The heading the best hit sits under: deep link with `#${section.id}`. */
  section?: { id: string; text: string };
  snippet: string;
};

export type Recommendation = {
  article: ArticleSummary;
  source: 'annotation' | 'rule';
  reasons: string[];
};

export type ArticleEntityLink = {
  entityRef: string;
  kind: string;
  title?: string;
};

export type ListResponse<T> = { items: T[] };
export type SearchResponse = { results: SearchResult[] };
