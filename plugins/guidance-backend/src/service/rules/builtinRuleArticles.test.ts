import { readdirSync, readFileSync } from 'fs';
import { basename, resolve } from 'path';
import { BUILTIN_RULES } from '@paved-road/plugin-guidance-node';
import { parseArticle } from '../parseArticle';

const ARTICLES_DIR = resolve(__dirname, '../../../articles');

describe('built-in rules and the library', () => {
  const headings = new Map<string, Set<string>>();
  for (const file of readdirSync(ARTICLES_DIR).filter(f => f.endsWith('.md'))) {
    const article = parseArticle({
      content: readFileSync(resolve(ARTICLES_DIR, file), 'utf8'),
      fallbackId: basename(file, '.md'),
      origin: file,
    });
    headings.set(article.summary.id, new Set(article.toc.map(t => t.id)));
  }

  it.each(BUILTIN_RULES.map(r => [r.id, r] as const))(
    '%s names an article and a heading that exist',
    (_id, rule) => {
      expect([...headings.keys()]).toContain(rule.article.id);
      expect([...headings.get(rule.article.id)!]).toContain(
        rule.article.section,
      );
    },
  );
});
