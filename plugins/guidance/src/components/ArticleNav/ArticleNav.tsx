import { useMemo } from 'react';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ArticleSummary,
  GUIDANCE_CATEGORIES,
  categoryTitle,
} from '@paved-road/plugin-guidance-common';
import { articleRouteRef, rootRouteRef } from '../../routes';

const useStyles = makeStyles(theme => ({
  home: {
    display: 'block',
    margin: theme.spacing(0, 0, 2, 1),
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  category: {
    ...theme.typography.overline,
    color: theme.palette.text.secondary,
    margin: theme.spacing(2, 0, 0.5, 1),
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  link: {
    display: 'block',
    padding: theme.spacing(0.5, 1),
    borderRadius: theme.shape.borderRadius,
    color: theme.palette.text.primary,
    fontSize: '0.875rem',
    lineHeight: 1.4,
    '&:hover': {
      backgroundColor: theme.palette.action.hover,
      textDecoration: 'none',
    },
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: -2,
    },
  },
  current: {
    color: theme.palette.primary.main,
    backgroundColor: theme.palette.action.selected,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
}));

/** The part of a title before its subtitle: `Saga Pattern: Choreography…` → `Saga Pattern`. */
export function shortTitle(title: string): string {
  const cut = title.indexOf(': ');
  return cut > 0 ? title.slice(0, cut) : title;
}

/** Groups articles by category, in the fixed category order; unknown categories go last. */
export function groupByCategory(articles: ArticleSummary[]) {
  const order: string[] = GUIDANCE_CATEGORIES.map(c => c.id);
  const groups = new Map<string, ArticleSummary[]>();
  for (const article of articles) {
    const group = groups.get(article.category) ?? [];
    group.push(article);
    groups.set(article.category, group);
  }
  const rank = (id: string) =>
    order.includes(id) ? order.indexOf(id) : order.length;
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([id, items]) => ({
      id,
      title: categoryTitle(id),
      articles: [...items].sort((a, b) => a.title.localeCompare(b.title)),
    }));
}

export type ArticleNavProps = {
  articles: ArticleSummary[];
  currentId?: string;
};

/** The reader's left navigation: every article, by category, the open one marked. */
export function ArticleNav(props: ArticleNavProps) {
  const { articles, currentId } = props;
  const classes = useStyles();
  const articleLink = useRouteRef(articleRouteRef);
  const libraryLink = useRouteRef(rootRouteRef);
  const groups = useMemo(() => groupByCategory(articles), [articles]);

  return (
    <nav aria-label="Guidance articles">
      <Link to={libraryLink()} className={classes.home}>
        All guidance
      </Link>
      {groups.map(group => (
        <section key={group.id} aria-labelledby={`guidance-nav-${group.id}`}>
          <Typography
            component="h2"
            id={`guidance-nav-${group.id}`}
            className={classes.category}
          >
            {group.title}
          </Typography>
          <ul className={classes.list}>
            {group.articles.map(article => {
              const current = article.id === currentId;
              return (
                <li key={article.id}>
                  <Link
                    to={articleLink({ id: article.id })}
                    className={`${classes.link} ${
                      current ? classes.current : ''
                    }`}
                    aria-current={current ? 'page' : undefined}
                    underline="none"
                    title={article.title}
                  >
                    {shortTitle(article.title)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
