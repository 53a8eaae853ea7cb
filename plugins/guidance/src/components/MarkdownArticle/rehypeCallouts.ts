import { visit } from 'unist-util-visit';
import {
  HastChild,
  HastElement,
  HastRoot,
  isElement,
  isText,
} from './hastTypes';

/** GitHub alert kinds, as written in `> [!NOTE]`. */
export type CalloutKind = 'note' | 'tip' | 'important' | 'warning' | 'caution';

const MARKER = /^\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\r?\n)?/i;

function isBlank(node: HastChild): boolean {
  return isText(node) && node.value.trim() === '';
}

/**
 * Turns GitHub alerts (a blockquote whose first line is `[!WARNING]` and friends) into
 * callouts: the marker is removed and the blockquote gets `data-callout="warning"`, which
 * the blockquote renderer shows as an alert. Runs after sanitizing, so the attribute is ours.
 */
export function rehypeCallouts() {
  return (tree: HastRoot) => {
    visit(tree as any, 'element', (node: HastElement) => {
      if (node.tagName !== 'blockquote') {
        return;
      }
      const paragraph = node.children.find(child => !isBlank(child));
      if (!isElement(paragraph, 'p')) {
        return;
      }
      const first = paragraph.children[0];
      if (!isText(first)) {
        return;
      }
      const match = MARKER.exec(first.value);
      if (!match) {
        return;
      }
      first.value = first.value.slice(match[0].length);
      if (first.value === '') {
        paragraph.children.shift();
        // `[!NOTE]` followed by a hard break leaves a leading <br>
        if (isElement(paragraph.children[0], 'br')) {
          paragraph.children.shift();
        }
        if (isText(paragraph.children[0])) {
          paragraph.children[0].value = paragraph.children[0].value.replace(
            /^\s+/,
            '',
          );
        }
      }
      if (paragraph.children.every(isBlank)) {
        node.children = node.children.filter(child => child !== paragraph);
      }
      node.properties = {
        ...node.properties,
        dataCallout: match[1].toLowerCase() as CalloutKind,
      };
    });
  };
}
