import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { parse as parseYaml } from 'yaml';
import {
  Article,
  ArticleSummary,
  ArticleFrontMatter,
  TocEntry,
  articleFrontMatterSchema,
  articleIdSchema,
  createHeadingSlugger,
  readingTimeMinutes,
} from '@paved-road/plugin-guidance-common';

/** One section of an article: the text under a heading, up to the next heading. */
export type ArticleSection = {
  /** Heading id; undefined for the text before the first heading. */
  id?: string;
  heading?: string;
  text: string;
};

/** An article as the library keeps it: what the API serves plus what search needs. */
export type ParsedArticle = {
  frontMatter: ArticleFrontMatter;
  summary: ArticleSummary;
  markdown: string;
  toc: TocEntry[];
  sections: ArticleSection[];
  editUrl?: string;
  /** Where it came from, for log lines. */
  origin: string;
};

/** Raised for an article that cannot be served; the message names the reason. */
export class ArticleParseError extends Error {
  constructor(readonly origin: string, reason: string) {
    super(`${origin}: ${reason}`);
    this.name = 'ArticleParseError';
  }
}

const MAX_ARTICLE_BYTES = 1024 * 1024;
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

// GFM tables and strikethrough are on by default; raw HTML is parsed as such so its
// text never reaches the index (the browser sanitizes it anyway).
const md = new MarkdownIt({ html: true, linkify: true });

function inlineText(token: Token): string {
  return (token.children ?? [])
    .map(c => (c.type === 'text' || c.type === 'code_inline' ? c.content : ''))
    .join('');
}

/**
 * Parses one Markdown file with front matter into an article.
 * `fallbackId` (the file name) is used when the front matter has no id.
 */
export function parseArticle(options: {
  content: string;
  fallbackId: string;
  origin: string;
  editUrl?: string;
}): ParsedArticle {
  const { content, origin } = options;
  if (Buffer.byteLength(content) > MAX_ARTICLE_BYTES) {
    throw new ArticleParseError(origin, 'larger than 1 MiB');
  }
  const fm = FRONT_MATTER.exec(content);
  if (!fm) {
    throw new ArticleParseError(
      origin,
      'no front matter (a --- block at the top)',
    );
  }
  let raw: unknown;
  try {
    raw = parseYaml(fm[1]);
  } catch (e) {
    throw new ArticleParseError(
      origin,
      `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`,
    );
  }
  const parsed = articleFrontMatterSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArticleParseError(
      origin,
      `front matter ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }
  const frontMatter = parsed.data;
  const id = frontMatter.id ?? options.fallbackId;
  if (!articleIdSchema.safeParse(id).success) {
    throw new ArticleParseError(origin, `id "${id}" is not a kebab-case slug`);
  }
  const markdown = content.slice(fm[0].length).replace(/^\s*\n/, '');

  const { toc, sections } = outline(markdown);
  const summary: ArticleSummary = {
    id,
    title: frontMatter.title,
    summary: frontMatter.summary,
    category: frontMatter.category,
    tags: frontMatter.tags,
    updated: frontMatter.updated,
    readingTimeMinutes: readingTimeMinutes(markdown),
  };
  return {
    frontMatter: { ...frontMatter, id },
    summary,
    markdown,
    toc,
    sections,
    editUrl: options.editUrl,
    origin,
  };
}

/** Table of contents and per-section plain text, in one pass over markdown-it's tokens. */
export function outline(markdown: string): {
  toc: TocEntry[];
  sections: ArticleSection[];
} {
  const tokens = md.parse(markdown, {});
  const slug = createHeadingSlugger();
  const toc: TocEntry[] = [];
  const sections: ArticleSection[] = [{ text: '' }];
  const append = (text: string) => {
    const current = sections[sections.length - 1];
    current.text = current.text ? `${current.text} ${text}` : text;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open') {
      const text = inlineText(tokens[i + 1]).trim();
      const id = slug(text);
      toc.push({ id, text, level: Number(t.tag.slice(1)) });
      sections.push({ id, heading: text, text: '' });
      i += 2; // skip inline + heading_close
    } else if (t.type === 'inline') {
      append(inlineText(t));
    } else if (
      (t.type === 'fence' || t.type === 'code_block') &&
      t.info.trim() !== 'mermaid'
    ) {
      append(t.content);
    }
  }
  return {
    toc,
    sections: sections.filter(s => s.id !== undefined || s.text.trim() !== ''),
  };
}

/** The JSON the API serves for one article. */
export function toArticleResponse(
  article: ParsedArticle,
  related: ArticleSummary[],
): Article {
  return {
    ...article.summary,
    markdown: article.markdown,
    toc: article.toc,
    related,
    ...(article.editUrl ? { editUrl: article.editUrl } : {}),
    ...(article.frontMatter.verifiedAgainst
      ? { verifiedAgainst: article.frontMatter.verifiedAgainst }
      : {}),
  };
}
