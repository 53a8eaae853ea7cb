import { TocEntry } from '@paved-road/plugin-guidance-common';

export type MarkdownSection = { id?: string; heading?: string; text: string };

const HEADING = /^ {0,3}#{1,6}\s+/;
const FENCE = /^\s*(```|~~~)/;

/** Markdown reduced to words: markup, link targets and HTML tags dropped. */
export function toPlainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s*>\s?(\[![A-Z]+\])?/gm, '')
    .replace(/^\s*([-*+]|\d+\.)\s+(\[[ xX]\]\s+)?/gm, '')
    .replace(/[`*_~|]/g, ' ')
    .replace(/^\s*:?-{3,}:?\s*$/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Splits an article at its headings, outside code fences, and gives each part the id the
 * backend's table of contents gives that heading (they come in the same order).
 */
export function splitSections(
  markdown: string,
  toc: TocEntry[],
): MarkdownSection[] {
  const sections: { id?: string; heading?: string; lines: string[] }[] = [
    { lines: [] },
  ];
  let inFence = false;
  let n = 0;
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    if (!inFence && HEADING.test(line) && n < toc.length) {
      sections.push({ id: toc[n].id, heading: toc[n].text, lines: [] });
      n++;
      continue;
    }
    sections[sections.length - 1].lines.push(line);
  }
  return sections
    .map(s => ({
      id: s.id,
      heading: s.heading,
      text: toPlainText(s.lines.join('\n')),
    }))
    .filter(s => s.id !== undefined || s.text !== '');
}
