import MarkdownIt from 'markdown-it';

/** A fenced code block of an article, with the file path its first-line comment names. */
export type CodeBlock = {
  lang: string;
  code: string;
  /** 1-based line of the opening fence in the Markdown body. */
  line: number;
  /** `# apps/web/base/kustomization.yaml` on the first line names the file the block is. */
  path?: string;
};

const md = new MarkdownIt();
const PATH_COMMENT =
  /^#\s*(\.{0,2}\/?[\w./-]+\.(?:ya?ml|json|env|txt|conf|properties))\b/;

export function codeBlocks(markdown: string): CodeBlock[] {
  return md
    .parse(markdown, {})
    .filter(t => t.type === 'fence')
    .map(t => {
      const path = PATH_COMMENT.exec(t.content.split('\n', 1)[0].trim())?.[1];
      return {
        lang: t.info.trim().split(/\s+/)[0],
        code: t.content,
        line: (t.map?.[0] ?? 0) + 1,
        ...(path ? { path } : {}),
      };
    });
}

export const isYaml = (b: CodeBlock) => b.lang === 'yaml' || b.lang === 'yml';
