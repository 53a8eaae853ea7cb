import type { RootContent } from 'hast';
import type { RefractorSyntax } from 'refractor/core';

type Grammar = () => Promise<{ default: RefractorSyntax }>;

// Each grammar is its own chunk, loaded only when an article has code in that language;
// refractor's core already knows markup, CSS, C-like and JavaScript.
const grammars: Record<string, Grammar> = {
  bash: () => import('refractor/lang/bash'),
  docker: () => import('refractor/lang/docker'),
  go: () => import('refractor/lang/go'),
  groovy: () => import('refractor/lang/groovy'),
  hcl: () => import('refractor/lang/hcl'),
  ini: () => import('refractor/lang/ini'),
  json: () => import('refractor/lang/json'),
  promql: () => import('refractor/lang/promql'),
  properties: () => import('refractor/lang/properties'),
  python: () => import('refractor/lang/python'),
  sql: () => import('refractor/lang/sql'),
  typescript: () => import('refractor/lang/typescript'),
  yaml: () => import('refractor/lang/yaml'),
};
const builtIn = new Set(['javascript', 'css', 'markup', 'html', 'xml']);

const aliases: Record<string, string> = {
  sh: 'bash',
  shell: 'bash',
  console: 'bash',
  zsh: 'bash',
  dockerfile: 'docker',
  golang: 'go',
  terraform: 'hcl',
  tf: 'hcl',
  js: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  py: 'python',
  yml: 'yaml',
  toml: 'ini',
  conf: 'ini',
  postgresql: 'sql',
  postgres: 'sql',
};

/** The grammar name for a code block's `language-*` class, or undefined (left plain). */
export function grammarFor(language: string | undefined): string | undefined {
  if (!language) return undefined;
  const name = aliases[language.toLowerCase()] ?? language.toLowerCase();
  return name in grammars || builtIn.has(name) ? name : undefined;
}

/** refractor's tree as DOM nodes: text and `span.token` elements only, no HTML parsed. */
function toDom(nodes: RootContent[]): Node[] {
  const out: Node[] = [];
  for (const node of nodes) {
    if (node.type === 'text') out.push(document.createTextNode(node.value));
    else if (node.type === 'element') {
      const span = document.createElement('span');
      const className = node.properties?.className;
      if (Array.isArray(className)) span.className = className.join(' ');
      span.append(...toDom(node.children));
      out.push(span);
    }
  }
  return out;
}

/**
 * Highlights the article's code blocks in place, to Prism's class names (the article styles
 * colour them). The backend sends code as plain text: token markup would be most of an
 * article's bytes. refractor and each grammar load on first need; a block whose language is
 * unknown, or whose grammar fails, stays plain.
 */
export async function highlightCode(
  root: HTMLElement,
  options: { isCancelled: () => boolean },
): Promise<void> {
  const blocks = [
    ...root.querySelectorAll<HTMLElement>('pre > code[class*="language-"]'),
  ]
    .map(code => ({
      code,
      grammar: grammarFor(
        [...code.classList]
          .find(c => c.startsWith('language-'))
          ?.slice('language-'.length),
      ),
    }))
    .filter(
      (b): b is { code: HTMLElement; grammar: string } =>
        Boolean(b.grammar) && !b.code.dataset.highlighted,
    );
  if (blocks.length === 0) return;
  const { default: refractor } = await import('refractor/core');
  for (const { code, grammar } of blocks) {
    if (!refractor.registered(grammar) && grammars[grammar]) {
      refractor.register((await grammars[grammar]()).default);
    }
    if (options.isCancelled() || !code.isConnected) return;
    try {
      const nodes = refractor.highlight(code.textContent ?? '', grammar);
      code.replaceChildren(...toDom(nodes));
      code.dataset.highlighted = '';
    } catch {
      // a grammar that fails on odd input leaves the block plain
    }
  }
}
