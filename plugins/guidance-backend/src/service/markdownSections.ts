import type { ParsedArticle } from './parseArticle';

/**
 * The source Markdown of one section: its heading line(s) and everything under it, up to
 * the next heading of the same or a higher level (so an H2 keeps its H3s). It reads the
 * section model the article was parsed into, so setext headings, headings inside code
 * fences and repeated headings are what the parser said, with the same ids as the toc.
 */
export function sectionMarkdown(
  article: Pick<ParsedArticle, 'markdown' | 'sections'>,
  sectionId: string,
): { text: string; markdown: string } | undefined {
  const { sections } = article;
  const index = sections.findIndex(s => s.id === sectionId);
  const section = sections[index];
  if (!section || section.line === undefined) return undefined;
  const next = sections
    .slice(index + 1)
    .find(s => s.level > 0 && s.level <= section.level);
  const lines = article.markdown.split('\n');
  return {
    text: section.heading ?? sectionId,
    markdown: `${lines
      .slice(section.line, next?.line ?? lines.length)
      .join('\n')
      .trimEnd()}\n`,
  };
}
