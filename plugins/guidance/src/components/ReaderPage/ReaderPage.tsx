import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import {
  Content,
  EmptyState,
  Header,
  HeaderLabel,
  LinkButton,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { categoryTitle } from '@paved-road/plugin-guidance-common';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { rootRouteRef } from '../../routes';
import { ArticleNav } from '../ArticleNav';
import { headingIdFromHash, jumpToHeading } from '../ArticleHtml/jumpToHeading';
import { TableOfContents } from '../TableOfContents';
import { ArticleProvenance } from '../ArticleProvenance';
import { ArticleConformance } from '../ArticleConformance';
import { ReportIssue } from '../ReportIssue';
import { ArticleBody } from './ArticleBody';
import { ArticleMeta } from './ArticleMeta';
import { FollowedBy } from './FollowedBy';
import { RelatedArticles } from './RelatedArticles';
import { scrollToTop } from './scrollToTop';
import { useReaderStyles } from './styles';
import { useRenderAsync } from './useRenderAsync';

function isNotFound(error: Error | undefined): boolean {
  return (error as { statusCode?: number } | undefined)?.statusCode === 404;
}

/**
 * False until the first article has been painted, then true for good: what sits around the
 * article (navigation, table of contents, related articles, followers, conformance) renders
 * in the frame after the article's, so its work never delays the article's first paint.
 * The layout's columns are fixed, so the article does not move when they arrive.
 */
function useAfterFirstPaint(shown: boolean): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!shown || ready) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame =
      typeof requestAnimationFrame === 'function'
        ? requestAnimationFrame(() => {
            timer = setTimeout(() => setReady(true), 0);
          })
        : undefined;
    if (frame === undefined) timer = setTimeout(() => setReady(true), 0);
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [shown, ready]);
  return ready;
}

/** An id with no article: says so, and leads back to the library. */
function ArticleNotFound(props: { id: string; libraryLink: string }) {
  const { id, libraryLink } = props;
  return (
    <EmptyState
      missing="data"
      title="Article not found"
      description={`There is no guidance article with the id "${id}". It may have been renamed or removed.`}
      action={
        <LinkButton
          variant="contained"
          color="primary"
          to={libraryLink}
          role="link"
        >
          Browse the guidance library
        </LinkButton>
      }
    />
  );
}

/** The reader, `/guidance/:id`: navigation, the article, its table of contents. */
export function ReaderPage() {
  const { id = '' } = useParams();
  const { hash } = useLocation();
  const api = useApi(guidanceApiRef);
  const libraryLink = useRouteRef(rootRouteRef);
  const classes = useReaderStyles();
  const articleRef = useRef<HTMLDivElement>(null);

  // A copy read before paints at once; the request below only revalidates it (ETag → 304).
  const cached = useMemo(() => api.peekArticle?.(id), [api, id]);
  const articleState = useRenderAsync(() => api.getArticle(id), [api, id]);
  // The navigation, related articles and followers load beside the article, never before it.
  const navState = useRenderAsync(() => api.listArticles(), [api]);
  const notFound = isNotFound(articleState.error);
  const fresh = articleState.value?.id === id ? articleState.value : undefined;
  const article =
    fresh ?? (cached?.id === id && !notFound ? cached : undefined);
  const shownId = article?.id;
  const surroundings = useAfterFirstPaint(Boolean(shownId));

  // a new article starts at its top, unless the address names a section
  useEffect(() => {
    if (!shownId) {
      return;
    }
    const target = headingIdFromHash(hash);
    if (!target || !jumpToHeading(target)) {
      scrollToTop(articleRef.current);
    }
  }, [shownId, hash]);

  let body;
  if (article) {
    body = (
      <>
        <ArticleMeta article={article} />
        <ArticleBody article={article} />
        {surroundings && (
          <>
            <ReportIssue article={article} container={articleRef} />
            <RelatedArticles article={article} />
            <FollowedBy articleId={article.id} />
            <ArticleConformance articleId={article.id} />
          </>
        )}
      </>
    );
  } else if (articleState.loading) {
    body = <Progress />;
  } else if (notFound) {
    body = <ArticleNotFound id={id} libraryLink={libraryLink()} />;
  } else if (articleState.error) {
    body = <ResponseErrorPanel error={articleState.error} />;
  }

  return (
    <Page themeId="documentation">
      <Header
        title={article?.title ?? 'Guidance'}
        subtitle={article?.summary}
        type={article ? categoryTitle(article.category) : undefined}
        typeLink={
          article
            ? `${libraryLink()}?category=${encodeURIComponent(
                article.category,
              )}`
            : undefined
        }
        pageTitleOverride={article ? `${article.title} | Guidance` : 'Guidance'}
      >
        {article && (
          <>
            <HeaderLabel
              label="Reading time"
              value={`${article.readingTimeMinutes} min`}
            />
            <HeaderLabel label="Updated" value={article.updated} />
            <ArticleProvenance article={article} />
          </>
        )}
      </Header>
      <Content>
        <div className={classes.layout}>
          <aside className={classes.nav}>
            {navState.value && (surroundings || !article) && (
              <ArticleNav articles={navState.value} currentId={id} />
            )}
            {navState.error && (
              <Typography variant="body2" color="error">
                Could not load the article list: {navState.error.message}
              </Typography>
            )}
          </aside>
          <div className={classes.article} ref={articleRef}>
            {body}
          </div>
          {article && surroundings && (
            <aside className={classes.toc}>
              <TableOfContents toc={article.toc} />
            </aside>
          )}
        </div>
      </Content>
    </Page>
  );
}
