import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { parse as parseYaml } from 'yaml';
import {
  Article,
  ArticleSectionContent,
  ArticleSummary,
  ArticleFrontMatter,
  TocEntry,
  articleFrontMatterSchema,
  articleIdSchema,
  createHeadingSlugger,
  readingTimeMinutes,
} from '@paved-road/plugin-guidance-common';
import { renderArticleHtmlCached } from './render/renderArticle';

/** One section of an article: the text under a heading, up to the next heading. */
export type ArticleSection = {
  /** Heading id; undefined for the text before the first heading. */
  id?: string;
  heading?: string;
  /** Heading level (2 for `##`); 0 for the text before the first heading. */
  level: number;
  /** The id of the nearest heading above with a lower level (an H3's H2). */
  parentId?: string;
  /** The prose, then the code of the section's code blocks. */
  text: string;
  /** How many characters at the end of `text` are code (search weighs them less). */
  codeChars?: number;
  /**
   * The words readers use for what the section explains, from the author's
   * `<!-- search: … -->` comment in it: searched, never shown.
   */
  keywords?: string[];
  /** Source line of the heading (0-based), so one section's Markdown can be sliced out. */
  line?: number;
};

/** An article as the library keeps it: what the API serves plus what search needs. */
export type ParsedArticle = {
  frontMatter: ArticleFrontMatter;
  summary: ArticleSummary;
  markdown: string;
  /** The body rendered once, at load: sanitized HTML with heading ids and highlighted code. */
  html: string;
  toc: TocEntry[];
  sections: ArticleSection[];
  editUrl?: string;
  /** Where it came from, for log lines. */
  origin: string;
  /** Set by the library: newer releases of what it was verified against (never stale-making). */
  versionNotes?: string[];
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
    html: renderArticleHtmlCached(markdown).html,
    toc,
    sections,
    editUrl: options.editUrl,
    origin,
  };
}

// A GitHub alert marker at the start of a callout's first line says nothing searchable.
/** An author's search keywords for a section: `<!-- search: paid extra, stipend -->`. */
const SEARCH_KEYWORDS = /^<!--\s*search:([\s\S]*?)-->\s*$/i;
/** At most this many keywords per section, of at most 80 characters each. */
const MAX_KEYWORDS = 30;
const ALERT_MARKER = /^\[![A-Z]+\]\s*/;

/**
 * Table of contents and per-section plain text, in one pass over markdown-it's tokens: the
 * one section model. Setext headings and headings in code fences are markdown-it's to decide,
 * so the reader, the table of contents and search all agree on where a section starts.
 */
export function outline(markdown: string): {
  toc: TocEntry[];
  sections: ArticleSection[];
} {
  const tokens = md.parse(markdown, {});
  const slug = createHeadingSlugger();
  const toc: TocEntry[] = [];
  const sections: ArticleSection[] = [{ level: 0, text: '' }];
  // Per section, its code, kept apart so search can tell prose from code.
  const code: string[] = [''];
  // The open heading at each level, to find a heading's parent.
  const open: { id: string; level: number }[] = [];
  const append = (text: string) => {
    if (!text) return;
    const current = sections[sections.length - 1];
    current.text = current.text ? `${current.text} ${text}` : text;
  };
  const appendCode = (text: string) => {
    if (!text) return;
    const i = code.length - 1;
    code[i] = code[i] ? `${code[i]}\n${text}` : text;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open') {
      const text = inlineText(tokens[i + 1]).trim();
      const id = slug(text);
      const level = Number(t.tag.slice(1));
      while (open.length && open[open.length - 1].level >= level) open.pop();
      const parentId = open[open.length - 1]?.id;
      open.push({ id, level });
      toc.push({ id, text, level });
      sections.push({
        id,
        heading: text,
        level,
        ...(parentId ? { parentId } : {}),
        text: '',
        line: t.map?.[0],
      });
      code.push('');
      i += 2; // skip inline + heading_close
    } else if (t.type === 'inline') {
      append(inlineText(t).replace(ALERT_MARKER, '').trim());
    } else if (t.type === 'html_block') {
      const keywords = SEARCH_KEYWORDS.exec(t.content.trim())?.[1];
      if (keywords) {
        const current = sections[sections.length - 1];
        current.keywords = [
          ...(current.keywords ?? []),
          ...keywords
            .split(/[,;]/)
            .map(k => k.replace(/\s+/g, ' ').trim().slice(0, 80))
            .filter(Boolean),
        ].slice(0, MAX_KEYWORDS);
      }
    } else if (
      (t.type === 'fence' || t.type === 'code_block') &&
      t.info.trim() !== 'mermaid'
    ) {
      appendCode(t.content.trim());
    }
  }
  sections.forEach((section, i) => {
    if (!code[i]) return;
    const joined = section.text ? `${section.text}\n${code[i]}` : code[i];
    section.codeChars = joined.length - section.text.length;
    section.text = joined;
  });
  return {
    toc,
    sections: sections.filter(s => s.id !== undefined || s.text.trim() !== ''),
  };
}

/** The sections as the API serves them with an article: headings only, with their level and parent. */
export function toSectionOutline(sections: ArticleSection[]) {
  return sections
    .filter(s => s.id !== undefined)
    .map(s => ({
      id: s.id!,
      text: s.heading!,
      level: s.level,
      ...(s.parentId ? { parentId: s.parentId } : {}),
    }));
}

/** The sections with their text, for search collators (`GET /articles/:id/sections`). */
export function toSectionContents(
  sections: ArticleSection[],
): ArticleSectionContent[] {
  return sections.map(s => ({
    ...(s.id !== undefined ? { id: s.id, heading: s.heading } : {}),
    level: s.level,
    ...(s.parentId ? { parentId: s.parentId } : {}),
    text: s.text,
    ...(s.keywords ? { keywords: s.keywords } : {}),
  }));
}

/** The JSON the API serves for one article. */
export function toArticleResponse(
  article: ParsedArticle,
  related: ArticleSummary[],
): Article {
  return {
    ...article.summary,
    html: article.html,
    toc: article.toc,
    sections: toSectionOutline(article.sections),
    related,
    ...(article.editUrl ? { editUrl: article.editUrl } : {}),
    ...(article.frontMatter.verifiedAgainst
      ? { verifiedAgainst: article.frontMatter.verifiedAgainst }
      : {}),
    ...(article.versionNotes?.length
      ? { versionNotes: article.versionNotes }
      : {}),
  };
}
