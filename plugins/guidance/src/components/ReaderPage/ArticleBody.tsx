import { Suspense, lazy } from 'react';
import { Progress } from '@backstage/core-components';
import { Article } from '@paved-road/plugin-guidance-common';
import { ArticleHtml } from '../ArticleHtml';

// Only for a backend that serves no `html` (an older guidance backend): the Markdown and
// highlighter stack is then loaded on demand and never ships with a plain article.
const MarkdownArticle = lazy(() =>
  import('../MarkdownArticle/MarkdownArticle').then(m => ({
    default: m.MarkdownArticle,
  })),
);

/** The article itself: the backend's HTML when it has it, the Markdown renderer if not. */
export function ArticleBody(props: { article: Article }) {
  const { article } = props;
  if (typeof article.html === 'string') {
    return <ArticleHtml html={article.html} />;
  }
  return (
    <Suspense fallback={<Progress />}>
      <MarkdownArticle markdown={article.markdown} />
    </Suspense>
  );
}
