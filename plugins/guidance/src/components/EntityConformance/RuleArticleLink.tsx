import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { RuleSummary } from '@paved-road/plugin-guidance-common';
import { articleRouteRef } from '../../routes';

/** The heading that explains a rule: `/guidance/<article>#<section>`. */
export function useRuleArticleHref() {
  const articleLink = useRouteRef(articleRouteRef);
  return (article: RuleSummary['article']) =>
    `${articleLink({ id: article.id })}${
      article.section ? `#${article.section.id}` : ''
    }`;
}

/** "Golden paths › Checklist", linked to the heading. */
export function RuleArticleLink(props: { rule: RuleSummary }) {
  const { article } = props.rule;
  const href = useRuleArticleHref();
  return (
    <Link to={href(article)} data-testid={`rule-article-${props.rule.id}`}>
      {article.title}
      {article.section ? ` › ${article.section.text}` : ''}
    </Link>
  );
}
