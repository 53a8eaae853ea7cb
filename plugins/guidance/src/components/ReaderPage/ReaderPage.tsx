import { useEffect, useRef } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import {
  Content,
  EmptyState,
  Header,
  HeaderLabel,
  Link,
  LinkButton,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  Article,
  ArticleEntityLink,
  GUIDANCE_ANNOTATION,
  categoryTitle,
} from '@paved-road/plugin-guidance-common';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { articleRouteRef, rootRouteRef } from '../../routes';
import { ArticleNav } from '../ArticleNav';
import {
  MarkdownArticle,
  headingIdFromHash,
  jumpToHeading,
} from '../MarkdownArticle';
import { safeUrl } from '../MarkdownArticle/sanitizeSchema';
import { TableOfContents } from '../TableOfContents';
import { ArticleProvenance } from '../ArticleProvenance';
import { ArticleConformance } from '../ArticleConformance';

const useStyles = makeStyles(theme => ({
  layout: {
    display: 'grid',
    gridTemplateColumns:
      'minmax(200px, 250px) minmax(0, 1fr) minmax(180px, 230px)',
    gridTemplateAreas: "'nav article toc'",
    columnGap: theme.spacing(4),
    alignItems: 'start',
    [theme.breakpoints.down('md')]: {
      gridTemplateColumns: 'minmax(0, 1fr)',
      gridTemplateAreas: "'article' 'nav'",
      rowGap: theme.spacing(4),
    },
  },
  nav: {
    gridArea: 'nav',
    position: 'sticky',
    top: theme.spacing(2),
    maxHeight: `calc(100vh - ${theme.spacing(4)}px)`,
    overflowY: 'auto',
    [theme.breakpoints.down('md')]: { position: 'static', maxHeight: 'none' },
  },
  toc: {
    gridArea: 'toc',
    position: 'sticky',
    top: theme.spacing(2),
    maxHeight: `calc(100vh - ${theme.spacing(4)}px)`,
    overflowY: 'auto',
    [theme.breakpoints.down('md')]: { display: 'none' },
  },
  article: {
    gridArea: 'article',
    minWidth: 0,
    maxWidth: 880,
    width: '100%',
    justifySelf: 'center',
  },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(3),
    color: theme.palette.text.secondary,
  },
  section: {
    marginTop: theme.spacing(6),
    paddingTop: theme.spacing(3),
    borderTop: `1px solid ${theme.palette.divider}`,
  },
  sectionTitle: {
    marginBottom: theme.spacing(2),
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  relatedItem: {
    marginBottom: theme.spacing(2),
  },
  entityItem: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
}));

function isNotFound(error: Error | undefined): boolean {
  return (error as { statusCode?: number } | undefined)?.statusCode === 404;
}

/** Scrolls the nearest scrolling ancestor (Backstage's page, or the window) back to the top. */
function scrollToTop(from: HTMLElement | null) {
  for (let el = from?.parentElement; el; el = el.parentElement) {
    if (
      el.scrollHeight > el.clientHeight &&
      /(auto|scroll)/.test(getComputedStyle(el).overflowY)
    ) {
      el.scrollTop = 0;
      return;
    }
  }
  window.scrollTo?.(0, 0);
}

function FollowedBy(props: { articleId: string }) {
  const { articleId } = props;
  const api = useApi(guidanceApiRef);
  const entityLink = useRouteRef(entityRouteRef);
  const classes = useStyles();
  const { value, loading, error } = useAsync(
    () => api.getArticleEntities(articleId),
    [api, articleId],
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <ResponseErrorPanel
        error={error}
        title="Could not load the entities that follow this article"
      />
    );
  } else if (!value?.length) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No catalog entity follows this article yet. To link one, add{' '}
        <code>
          {GUIDANCE_ANNOTATION}: {articleId}
        </code>{' '}
        to its annotations.
      </Typography>
    );
  } else {
    body = (
      <ul className={classes.list}>
        {value.map((link: ArticleEntityLink) => {
          const ref = parseEntityRef(link.entityRef);
          return (
            <li key={link.entityRef} className={classes.entityItem}>
              <Chip size="small" label={link.kind} variant="outlined" />
              <Link
                to={entityLink({
                  kind: ref.kind.toLocaleLowerCase('en-US'),
                  namespace: ref.namespace.toLocaleLowerCase('en-US'),
                  name: ref.name,
                })}
              >
                {link.title ?? ref.name}
              </Link>
              {link.title && (
                <Typography variant="caption" color="textSecondary">
                  {link.entityRef}
                </Typography>
              )}
            </li>
          );
        })}
      </ul>
    );
  }
  return (
    <section className={classes.section} aria-labelledby="guidance-followed-by">
      <Typography
        variant="h5"
        component="h2"
        id="guidance-followed-by"
        className={classes.sectionTitle}
      >
        Followed by
      </Typography>
      {body}
    </section>
  );
}

function RelatedArticles(props: { article: Article }) {
  const classes = useStyles();
  const articleLink = useRouteRef(articleRouteRef);
  if (props.article.related.length === 0) {
    return null;
  }
  return (
    <section className={classes.section} aria-labelledby="guidance-related">
      <Typography
        variant="h5"
        component="h2"
        id="guidance-related"
        className={classes.sectionTitle}
      >
        Related articles
      </Typography>
      <ul className={classes.list}>
        {props.article.related.map(related => (
          <li key={related.id} className={classes.relatedItem}>
            <Link to={articleLink({ id: related.id })}>{related.title}</Link>
            <Typography variant="body2" color="textSecondary">
              {related.summary}
            </Typography>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ArticleMeta(props: { article: Article }) {
  const { article } = props;
  const classes = useStyles();
  const libraryLink = useRouteRef(rootRouteRef);
  const editUrl = safeUrl(article.editUrl);
  return (
    <div className={classes.meta}>
      <Chip
        size="small"
        color="primary"
        label={categoryTitle(article.category)}
        component={RouterLink}
        to={`${libraryLink()}?category=${encodeURIComponent(article.category)}`}
        clickable
        role="link"
      />
      {article.tags.map(tag => (
        <Chip
          key={tag}
          size="small"
          variant="outlined"
          label={tag}
          component={RouterLink}
          to={`${libraryLink()}?tag=${encodeURIComponent(tag)}`}
          clickable
          role="link"
        />
      ))}
      <Typography variant="body2" component="span">
        {article.readingTimeMinutes} min read · updated{' '}
        <time dateTime={article.updated}>{article.updated}</time>
      </Typography>
      {editUrl && (
        <Link to={editUrl} variant="body2">
          Edit this article
        </Link>
      )}
    </div>
  );
}

/** The reader, `/guidance/:id`: navigation, the article, its table of contents. */
export function ReaderPage() {
  const { id = '' } = useParams();
  const { hash } = useLocation();
  const api = useApi(guidanceApiRef);
  const libraryLink = useRouteRef(rootRouteRef);
  const classes = useStyles();
  const articleRef = useRef<HTMLDivElement>(null);

  const articleState = useAsync(() => api.getArticle(id), [api, id]);
  const navState = useAsync(() => api.listArticles(), [api]);
  const article =
    articleState.value?.id === id ? articleState.value : undefined;

  // a new article starts at its top, unless the address names a section
  useEffect(() => {
    if (!article) {
      return;
    }
    const target = headingIdFromHash(hash);
    if (!target || !jumpToHeading(target)) {
      scrollToTop(articleRef.current);
    }
  }, [article, hash]);

  let body;
  if (articleState.loading) {
    body = <Progress />;
  } else if (articleState.error && isNotFound(articleState.error)) {
    body = (
      <EmptyState
        missing="data"
        title="Article not found"
        description={`There is no guidance article with the id "${id}". It may have been renamed or removed.`}
        action={
          <LinkButton
            variant="contained"
            color="primary"
            to={libraryLink()}
            role="link"
          >
            Browse the guidance library
          </LinkButton>
        }
      />
    );
  } else if (articleState.error) {
    body = <ResponseErrorPanel error={articleState.error} />;
  } else if (article) {
    body = (
      <>
        <ArticleMeta article={article} />
        <MarkdownArticle markdown={article.markdown} />
        <RelatedArticles article={article} />
        <FollowedBy articleId={article.id} />
        <ArticleConformance articleId={article.id} />
      </>
    );
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
            {navState.value && (
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
          {article && (
            <aside className={classes.toc}>
              <TableOfContents toc={article.toc} />
            </aside>
          )}
        </div>
      </Content>
    </Page>
  );
}
