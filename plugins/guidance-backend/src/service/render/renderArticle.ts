import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toString as hastToString } from 'hast-util-to-string';
import MarkdownIt from 'markdown-it';
import { parseFragment } from 'parse5';
import {
  TocEntry,
  createHeadingSlugger,
  guidanceSanitizeSchema,
} from '@paved-road/plugin-guidance-common';

/** GitHub alert kinds, as written in `> [!NOTE]`. */
export type CalloutKind = 'note' | 'tip' | 'important' | 'warning' | 'caution';

export const CALLOUT_TITLES: Record<CalloutKind, string> = {
  note: 'Note',
  tip: 'Tip',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
};

/** What one render produces: the article body as HTML and the headings it anchored. */
export type RenderedArticle = {
  html: string;
  headings: TocEntry[];
  /** True when the article holds a Mermaid block (the browser then loads Mermaid). */
  hasDiagrams: boolean;
};

// CommonMark + GFM tables, strikethrough and autolinks, by the same parser that builds the
// table of contents (so heading texts, and ids, agree). Raw HTML is parsed as HTML and then
// sanitized with GitHub's schema (plus ids, task lists and language classes). Everything
// added after `sanitize` is our own markup and carries nothing the author wrote as HTML.
const md = new MarkdownIt({ html: true, linkify: true });
// markdown-it would print a `javascript:` link as its Markdown source; keep it a link and let
// the sanitizer drop the URL (the text stays, as GitHub shows it)
md.validateLink = () => true;

function parseSanitized(markdown: string): Root {
  const tree = fromParse5(parseFragment(md.render(markdown))) as Root;
  return sanitize(tree, guidanceSanitizeSchema) as Root;
}

const HEADING = /^h([1-6])$/;
const TASK_MARKER = /^\[([ xX])\][ \t]+/;
const CALLOUT_MARKER =
  /^\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\r?\n)?/i;

const text = (value: string): ElementContent => ({ type: 'text', value });

function element(
  tagName: string,
  properties: Element['properties'],
  children: ElementContent[],
): Element {
  return { type: 'element', tagName, properties, children };
}

function isElement(node: unknown, tagName?: string): node is Element {
  const candidate = node as Element | undefined;
  return (
    candidate?.type === 'element' &&
    (tagName === undefined || candidate.tagName === tagName)
  );
}

function isBlank(node: ElementContent): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

function classNames(node: Element): string[] {
  const value = node.properties?.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/) : [];
}

/** A blockquote whose first line is `[!WARNING]` (and friends) becomes a callout. */
function toCallout(node: Element): Element | undefined {
  const paragraph = node.children.find(child => !isBlank(child));
  if (!isElement(paragraph, 'p')) return undefined;
  const first = paragraph.children[0];
  if (first?.type !== 'text') return undefined;
  const match = CALLOUT_MARKER.exec(first.value);
  if (!match) return undefined;
  const kind = match[1].toLowerCase() as CalloutKind;
  first.value = first.value.slice(match[0].length);
  if (first.value === '') {
    paragraph.children.shift();
    // `[!NOTE]` followed by a hard break leaves a leading <br>
    if (isElement(paragraph.children[0], 'br')) paragraph.children.shift();
    const next = paragraph.children[0];
    if (next?.type === 'text') next.value = next.value.replace(/^\s+/, '');
  }
  const body = paragraph.children.every(isBlank)
    ? node.children.filter(child => child !== paragraph)
    : node.children;
  const title = CALLOUT_TITLES[kind];
  return element(
    'div',
    {
      className: ['callout', `callout-${kind}`],
      dataCallout: kind,
      role: 'note',
      ariaLabel: title,
    },
    [element('p', { className: ['callout-title'] }, [text(title)]), ...body],
  );
}

/** The first text node of a list item, looking into a leading paragraph (loose lists). */
function leadingText(
  item: Element,
): { type: 'text'; value: string } | undefined {
  const first = item.children.find(child => !isBlank(child));
  if (first?.type === 'text') return first;
  if (isElement(first, 'p') && first.children[0]?.type === 'text') {
    return first.children[0];
  }
  return undefined;
}

/** GFM task lists: `- [x] done` becomes a disabled checkbox, as GitHub renders it. */
function toTaskList(list: Element): Element | undefined {
  let tasks = 0;
  const children = list.children.map(child => {
    if (!isElement(child, 'li')) return child;
    const first = leadingText(child);
    const match = first ? TASK_MARKER.exec(first.value) : null;
    if (!first || !match) return child;
    tasks++;
    first.value = ` ${first.value.slice(match[0].length)}`;
    const box = element(
      'input',
      match[1] === ' '
        ? { type: 'checkbox', disabled: true }
        : { type: 'checkbox', checked: true, disabled: true },
      [],
    );
    const lead = child.children.find(c => !isBlank(c));
    (isElement(lead, 'p') ? lead : child).children.unshift(box);
    return {
      ...child,
      properties: { ...child.properties, className: ['task-list-item'] },
    };
  });
  if (tasks === 0) return undefined;
  return {
    ...list,
    properties: { ...list.properties, className: ['contains-task-list'] },
    children,
  };
}

/**
 * `pre > code.language-x` as plain text with its language, or a Mermaid source block. The
 * reader highlights code in the browser: Prism's token spans would be most of an article's
 * bytes (about 36 KB of 92 KB for database-connection-pooling) on every article request.
 */
function toCodeBlock(pre: Element): Element | undefined {
  const code = pre.children.find(c => isElement(c, 'code'));
  if (!isElement(code)) return undefined;
  const language = classNames(code)
    .find(c => c.startsWith('language-'))
    ?.slice('language-'.length)
    .toLowerCase();
  const source = hastToString(code).replace(/\n$/, '');
  if (language === 'mermaid') {
    // drawn in the browser, lazily, only for articles that have one
    return element('pre', { className: ['mermaid-source'], dataMermaid: '' }, [
      text(source),
    ]);
  }
  const codeProps = language ? { className: [`language-${language}`] } : {};
  return element(
    'div',
    {
      className: ['code-block'],
      ...(language ? { dataLanguage: language } : {}),
    },
    [
      element('div', { className: ['code-toolbar'] }, [
        element('span', { className: ['code-language'] }, [
          text(language ?? 'text'),
        ]),
      ]),
      element('pre', codeProps, [element('code', codeProps, [text(source)])]),
    ],
  );
}

/**
 * Renders an article's Markdown to sanitized HTML, once, on the backend: GFM (tables, task
 * lists, strikethrough, autolinks), raw HTML sanitized with GitHub's schema, heading ids
 * from the shared slugger (the reader adds their anchor links), GitHub alerts as callouts, code highlighted
 * to Prism class names, tables wrapped for horizontal scrolling, Mermaid left as source
 * for the browser. The page header holds the only h1, so a `#` heading becomes an h2.
 */
export function renderArticleHtml(markdown: string): RenderedArticle {
  const tree = parseSanitized(markdown);
  const slug = createHeadingSlugger();
  const headings: TocEntry[] = [];
  let hasDiagrams = false;

  const transform = (node: Element): Element => {
    const heading = HEADING.exec(node.tagName);
    if (heading) {
      const level = Number(heading[1]);
      const label = hastToString(node).trim();
      const id = slug(label);
      headings.push({ id, text: label, level });
      // the "#" link beside each heading is added by the reader (addHeadingAnchors): about
      // 150 bytes a heading that every article response would otherwise carry
      return element(
        `h${Math.max(level, 2)}`,
        { id, dataLevel: level },
        node.children,
      );
    }
    if (node.tagName === 'blockquote') {
      const callout = toCallout(node);
      if (callout) {
        callout.children = callout.children.map(visit);
        return callout;
      }
    }
    if (node.tagName === 'pre') {
      const block = toCodeBlock(node);
      if (block) {
        if (block.properties?.dataMermaid !== undefined) hasDiagrams = true;
        return block;
      }
    }
    if (node.tagName === 'ul' || node.tagName === 'ol') {
      const tasks = toTaskList(node);
      if (tasks) return { ...tasks, children: tasks.children.map(visit) };
    }
    if (node.tagName === 'table') {
      return element('div', { className: ['table-wrapper'] }, [
        { ...node, children: node.children.map(visit) },
      ]);
    }
    if (node.tagName === 'img') {
      return { ...node, properties: { ...node.properties, loading: 'lazy' } };
    }
    return { ...node, children: node.children.map(visit) };
  };

  function visit<T extends ElementContent | RootContent>(node: T): T {
    return (isElement(node) ? transform(node) : node) as T;
  }

  const root: Root = { ...tree, children: tree.children.map(visit) };
  return { html: toHtml(root), headings, hasDiagrams };
}

const MAX_CACHED = 5000;
const cache = new Map<string, RenderedArticle>();

/**
 * `renderArticleHtml`, remembered by the Markdown itself: a reload re-reads every file, and
 * an article that did not change is not rendered again. Bounded; the oldest entry goes first.
 */
export function renderArticleHtmlCached(markdown: string): RenderedArticle {
  const hit = cache.get(markdown);
  if (hit) {
    // refresh its place in the insertion order
    cache.delete(markdown);
    cache.set(markdown, hit);
    return hit;
  }
  const rendered = renderArticleHtml(markdown);
  cache.set(markdown, rendered);
  if (cache.size > MAX_CACHED) {
    cache.delete(cache.keys().next().value as string);
  }
  return rendered;
}
