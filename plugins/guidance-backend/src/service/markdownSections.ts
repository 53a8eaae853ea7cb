import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { createHeadingSlugger } from '@paved-road/plugin-guidance-common';

const md = new MarkdownIt({ html: true });

const headingText = (inline: Token | undefined) =>
  (inline?.children ?? [])
    .map(c => (c.type === 'text' || c.type === 'code_inline' ? c.content : ''))
    .join('')
    .trim();

/** Where each heading's section starts and ends, in source lines (markdown-it's token maps). */
export function sectionRanges(
  markdown: string,
): { id: string; text: string; level: number; start: number; end: number }[] {
  const tokens = md.parse(markdown, {});
  const slug = createHeadingSlugger();
  const lineCount = markdown.split('\n').length;
  const headings: { id: string; text: string; level: number; start: number }[] =
    [];
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open' && t.map) {
      const text = headingText(tokens[i + 1]);
      headings.push({
        id: slug(text),
        text,
        level: Number(t.tag.slice(1)),
        start: t.map[0],
      });
    }
  });
  return headings.map((h, i) => {
    const next = headings.slice(i + 1).find(other => other.level <= h.level);
    return { ...h, end: next ? next.start : lineCount };
  });
}

/**
 * The source Markdown of one section: its heading line(s) and everything under it, up to
 * the next heading of the same or a higher level (so an H2 keeps its H3s). Headings inside
 * code fences and setext headings are handled by the parser, not by pattern matching.
 */
export function sectionMarkdown(
  markdown: string,
  sectionId: string,
): { text: string; markdown: string } | undefined {
  const range = sectionRanges(markdown).find(r => r.id === sectionId);
  if (!range) return undefined;
  const lines = markdown.split('\n');
  return {
    text: range.text,
    markdown: `${lines.slice(range.start, range.end).join('\n').trimEnd()}\n`,
  };
}
