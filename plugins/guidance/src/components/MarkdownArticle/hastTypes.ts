/**
 * The few hast shapes our rehype plugins touch. Declared here rather than taken from
 * `@types/hast`, which is not a dependency of this package.
 */
export type HastText = { type: 'text'; value: string };

export type HastElement = {
  type: 'element';
  tagName: string;
  properties?: Record<string, unknown>;
  children: HastChild[];
};

export type HastChild =
  | HastElement
  | HastText
  | { type: string; [key: string]: unknown };

export type HastRoot = { type: 'root'; children: HastChild[] };

export function isElement(
  node: unknown,
  tagName?: string,
): node is HastElement {
  const candidate = node as HastElement | undefined;
  return (
    candidate?.type === 'element' &&
    (tagName === undefined || candidate.tagName === tagName)
  );
}

export function isText(node: unknown): node is HastText {
  return (node as HastText | undefined)?.type === 'text';
}
