import { readdirSync, readFileSync } from 'fs';
import { basename, resolve } from 'path';
import { BUILTIN_RULES, GuidanceRule } from '@paved-road/plugin-guidance-node';
import { ParsedArticle, parseArticle } from './parseArticle';
import { sectionMarkdown } from './markdownSections';

const ARTICLES_DIR = resolve(
  __dirname,
  '../../../guidance-backend-module-builtin-articles/articles',
);

/**
 * What every rule's section must hold, and why it fails when it does not: the section exists,
 * it belongs to this rule alone (or the rule says why it shares it), and it says how to waive
 * the rule with the exact annotation.
 */
function ruleSectionProblems(
  rules: GuidanceRule[],
  articles: ReadonlyMap<string, ParsedArticle>,
): string[] {
  const problems: string[] = [];
  const bySection = new Map<string, GuidanceRule[]>();
  for (const rule of rules) {
    const where = `${rule.article.id}#${rule.article.section ?? ''}`;
    const article = articles.get(rule.article.id);
    const section =
      article && rule.article.section
        ? sectionMarkdown(article, rule.article.section)
        : undefined;
    if (!section) {
      problems.push(`${rule.id}: no section ${where}`);
      continue;
    }
    if (!section.markdown.includes(`paved-road.dev/waive.${rule.id}:`)) {
      problems.push(
        `${rule.id}: ${where} does not say how to waive it (paved-road.dev/waive.${rule.id}: "<YYYY-MM-DD> <reason>")`,
      );
    }
    bySection.set(where, [...(bySection.get(where) ?? []), rule]);
  }
  for (const [where, sharing] of bySection) {
    if (sharing.length < 2) continue;
    for (const rule of sharing.filter(r => !r.sharedSectionReason?.trim())) {
      problems.push(
        `${rule.id}: shares ${where} with ${sharing
          .filter(r => r !== rule)
          .map(r => r.id)
          .join(', ')} and gives no sharedSectionReason`,
      );
    }
  }
  return problems;
}

describe('built-in rules and the library', () => {
  const articles = new Map<string, ParsedArticle>();
  for (const file of readdirSync(ARTICLES_DIR).filter(f => f.endsWith('.md'))) {
    const article = parseArticle({
      content: readFileSync(resolve(ARTICLES_DIR, file), 'utf8'),
      fallbackId: basename(file, '.md'),
      origin: file,
    });
    articles.set(article.summary.id, article);
  }

  it.each(BUILTIN_RULES.map(r => [r.id, r] as const))(
    '%s names an article and a heading that exist',
    (_id, rule) => {
      expect([...articles.keys()]).toContain(rule.article.id);
      expect(articles.get(rule.article.id)!.toc.map(t => t.id)).toContain(
        rule.article.section,
      );
    },
  );

  it('gives every rule a section of its own that says what, why, fix and waive', () => {
    expect(ruleSectionProblems(BUILTIN_RULES, articles)).toEqual([]);
  });

  it('names a missing section, a shared one without a reason, and a section that does not say how to waive', () => {
    const rule = (
      id: string,
      section: string,
      reason?: string,
    ): GuidanceRule => ({
      id,
      title: `rule ${id}`,
      severity: 'warning',
      article: { id: 'minikube-deployment-patterns', section },
      ...(reason ? { sharedSectionReason: reason } : {}),
      check: () => [],
    });
    expect(
      ruleSectionProblems(
        [
          rule('readiness-probe', 'rule-readiness-probe'),
          rule('readiness-probe-again', 'rule-readiness-probe'),
          rule('ghost', 'no-such-heading'),
        ],
        articles,
      ),
    ).toEqual([
      'readiness-probe-again: minikube-deployment-patterns#rule-readiness-probe does not say how to waive it (paved-road.dev/waive.readiness-probe-again: "<YYYY-MM-DD> <reason>")',
      'ghost: no section minikube-deployment-patterns#no-such-heading',
      'readiness-probe: shares minikube-deployment-patterns#rule-readiness-probe with readiness-probe-again and gives no sharedSectionReason',
      'readiness-probe-again: shares minikube-deployment-patterns#rule-readiness-probe with readiness-probe and gives no sharedSectionReason',
    ]);
    // a reason written in the rule makes sharing acceptable
    expect(
      ruleSectionProblems(
        [
          rule('readiness-probe', 'rule-readiness-probe', 'same advice'),
          {
            ...rule('liveness-probe', 'rule-readiness-probe', 'same advice'),
          },
        ],
        articles,
      ).filter(p => p.includes('shares')),
    ).toEqual([]);
  });
});
