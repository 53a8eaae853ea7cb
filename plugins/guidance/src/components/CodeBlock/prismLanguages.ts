// Importing the package's types also loads its declarations for the deep `dist/esm` paths
import type { SyntaxHighlighterProps } from 'react-syntax-highlighter';
import SyntaxHighlighter from 'react-syntax-highlighter/dist/esm/prism-light';
import bash from 'react-syntax-highlighter/dist/esm/languages/prism/bash';
import docker from 'react-syntax-highlighter/dist/esm/languages/prism/docker';
import go from 'react-syntax-highlighter/dist/esm/languages/prism/go';
import groovy from 'react-syntax-highlighter/dist/esm/languages/prism/groovy';
import hcl from 'react-syntax-highlighter/dist/esm/languages/prism/hcl';
import ini from 'react-syntax-highlighter/dist/esm/languages/prism/ini';
import javascript from 'react-syntax-highlighter/dist/esm/languages/prism/javascript';
import json from 'react-syntax-highlighter/dist/esm/languages/prism/json';
import promql from 'react-syntax-highlighter/dist/esm/languages/prism/promql';
import properties from 'react-syntax-highlighter/dist/esm/languages/prism/properties';
import python from 'react-syntax-highlighter/dist/esm/languages/prism/python';
import sql from 'react-syntax-highlighter/dist/esm/languages/prism/sql';
import typescript from 'react-syntax-highlighter/dist/esm/languages/prism/typescript';
import yaml from 'react-syntax-highlighter/dist/esm/languages/prism/yaml';

// The light build only knows what is registered here: the languages the articles use.
const languages: Record<string, unknown> = {
  bash,
  docker,
  go,
  groovy,
  hcl,
  ini,
  javascript,
  json,
  promql,
  properties,
  python,
  sql,
  typescript,
  yaml,
};

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

for (const [name, grammar] of Object.entries(languages)) {
  SyntaxHighlighter.registerLanguage(name, grammar);
}

/** The registered Prism language for a fence's info string, or undefined (plain text). */
export function prismLanguage(
  language: string | undefined,
): string | undefined {
  if (!language) {
    return undefined;
  }
  const name = language.toLowerCase();
  const resolved = aliases[name] ?? name;
  return resolved in languages ? resolved : undefined;
}

export { SyntaxHighlighter };

export type { SyntaxHighlighterProps };
