import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { createHeadingSlugger } from '@paved-road/plugin-guidance-common';
import { HastElement, HastRoot } from './hastTypes';

const HEADING = /^h[1-6]$/;

/**
 * Gives every heading the id the backend put in the article's table of contents: the same
 * slugger, fed each heading's plain text in document order. A fresh slugger per render keeps
 * repeated headings numbered the same way every time.
 */
export function rehypeHeadingIds() {
  return (tree: HastRoot) => {
    const slug = createHeadingSlugger();
    visit(tree as any, 'element', (node: HastElement) => {
      if (HEADING.test(node.tagName)) {
        const text = hastToString(node as any).trim();
        node.properties = { ...node.properties, id: slug(text) };
      }
    });
  };
}
