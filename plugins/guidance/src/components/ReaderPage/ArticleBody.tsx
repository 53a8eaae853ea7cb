import { Article } from '@paved-road/plugin-guidance-common';
import { ArticleHtml } from '../ArticleHtml';

/** The article itself, as the backend rendered it. */
export function ArticleBody(props: { article: Article }) {
  return <ArticleHtml html={props.article.html} />;
}
