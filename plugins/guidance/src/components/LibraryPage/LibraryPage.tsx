import { useMemo, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ArticleSummary,
  CategoryCount,
  categoryTitle,
} from '@paved-road/plugin-guidance-common';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { ArticleCard } from '../ArticleCard';
import { GuidanceSearchBox } from '../GuidanceSearchBox';

const VISIBLE_TAGS = 24;

const useStyles = makeStyles(theme => ({
  search: {
    maxWidth: 760,
    marginBottom: theme.spacing(4),
  },
  layout: {
    display: 'grid',
    gridTemplateColumns: '220px minmax(0, 1fr)',
    columnGap: theme.spacing(4),
    alignItems: 'start',
    [theme.breakpoints.down('sm')]: {
      gridTemplateColumns: 'minmax(0, 1fr)',
      rowGap: theme.spacing(3),
    },
  },
  heading: {
    ...theme.typography.overline,
    color: theme.palette.text.secondary,
    margin: theme.spacing(0, 0, 1, 1),
  },
  categoryList: { listStyle: 'none', margin: 0, padding: 0 },
  category: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    padding: theme.spacing(0.75, 1),
    borderRadius: theme.shape.borderRadius,
    color: theme.palette.text.primary,
    textDecoration: 'none',
    fontSize: '0.9rem',
    '&:hover': { backgroundColor: theme.palette.action.hover },
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: -2,
    },
  },
  categorySelected: {
    color: theme.palette.primary.main,
    backgroundColor: theme.palette.action.selected,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  count: {
    color: theme.palette.text.secondary,
    fontVariantNumeric: 'tabular-nums',
  },
  tags: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(3),
  },
  summaryLine: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
}));

function withParam(
  params: URLSearchParams,
  key: string,
  value: string | undefined,
) {
  const next = new URLSearchParams(params);
  if (value) {
    next.set(key, value);
  } else {
    next.delete(key);
  }
  const qs = next.toString();
  return qs ? `?${qs}` : '?';
}

/** Tags of the given articles, most used first. */
export function tagsByUse(
  articles: ArticleSummary[],
): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const tag of article.tags) {
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

function CategoryNav(props: {
  categories: CategoryCount[];
  total: number;
  selected?: string;
  params: URLSearchParams;
}) {
  const { categories, total, selected, params } = props;
  const classes = useStyles();
  const entries = [
    { id: undefined, title: 'All guidance', count: total },
    ...categories.filter(c => c.count > 0 || c.id === selected),
  ];
  return (
    <nav aria-label="Categories">
      <Typography component="h2" className={classes.heading}>
        Categories
      </Typography>
      <ul className={classes.categoryList}>
        {entries.map(entry => {
          const isSelected = entry.id === selected;
          return (
            <li key={entry.id ?? 'all'}>
              <RouterLink
                to={withParam(params, 'category', entry.id)}
                className={`${classes.category} ${
                  isSelected ? classes.categorySelected : ''
                }`}
                aria-current={isSelected ? 'true' : undefined}
              >
                <span>{entry.title}</span>
                <span
                  className={classes.count}
                  aria-label={`${entry.count} articles`}
                >
                  {entry.count}
                </span>
              </RouterLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function TagFilter(props: {
  articles: ArticleSummary[];
  selected?: string;
  onSelect: (tag: string | undefined) => void;
}) {
  const { articles, selected, onSelect } = props;
  const classes = useStyles();
  const [showAll, setShowAll] = useState(false);
  const tags = useMemo(() => tagsByUse(articles), [articles]);
  let visible = showAll ? tags : tags.slice(0, VISIBLE_TAGS);
  if (selected && !visible.some(t => t.tag === selected)) {
    visible = [{ tag: selected, count: 0 }, ...visible];
  }
  if (tags.length === 0) {
    return null;
  }
  return (
    <div role="group" aria-label="Filter by tag" className={classes.tags}>
      {visible.map(({ tag }) => {
        const isSelected = tag === selected;
        return (
          <Chip
            key={tag}
            label={tag}
            size="small"
            clickable
            color={isSelected ? 'primary' : 'default'}
            variant={isSelected ? 'default' : 'outlined'}
            aria-pressed={isSelected}
            onClick={() => onSelect(isSelected ? undefined : tag)}
          />
        );
      })}
      {tags.length > VISIBLE_TAGS && (
        <Button
          size="small"
          onClick={() => setShowAll(v => !v)}
          aria-expanded={showAll}
        >
          {showAll ? 'Fewer tags' : `All ${tags.length} tags`}
        </Button>
      )}
    </div>
  );
}

/** The guidance library, `/guidance`: search, categories, tags and article cards. */
export function LibraryPage() {
  const classes = useStyles();
  const api = useApi(guidanceApiRef);
  const [params, setParams] = useSearchParams();
  const category = params.get('category') ?? undefined;
  const tag = params.get('tag') ?? undefined;

  const articlesState = useAsyncRetry(() => api.listArticles(), [api]);
  const categoriesState = useAsync(() => api.listCategories(), [api]);

  const all = articlesState.value;
  const inCategory = useMemo(
    () => (all ?? []).filter(a => !category || a.category === category),
    [all, category],
  );
  const shown = useMemo(
    () => inCategory.filter(a => !tag || a.tags.includes(tag)),
    [inCategory, tag],
  );

  const setFilter = (key: 'category' | 'tag', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(key, value);
    } else {
      next.delete(key);
    }
    setParams(next);
  };

  let articlesBody;
  if (articlesState.loading) {
    articlesBody = <Progress />;
  } else if (articlesState.error) {
    articlesBody = <ResponseErrorPanel error={articlesState.error} />;
  } else if (!all || all.length === 0) {
    articlesBody = (
      <EmptyState
        missing="content"
        title="No guidance yet"
        description="The guidance backend serves no articles. Check the guidance section of app-config.yaml (builtin and sources)."
      />
    );
  } else {
    const filters = [
      category && `in ${categoryTitle(category)}`,
      tag && `tagged “${tag}”`,
    ].filter(Boolean);
    articlesBody = (
      <>
        <TagFilter
          articles={inCategory}
          selected={tag}
          onSelect={t => setFilter('tag', t)}
        />
        <div className={classes.summaryLine}>
          <Typography component="h2" variant="h6" aria-live="polite">
            {shown.length} article{shown.length === 1 ? '' : 's'}
            {filters.length ? ` ${filters.join(' ')}` : ''}
          </Typography>
          {filters.length > 0 && (
            <Button
              size="small"
              onClick={() => setParams(new URLSearchParams())}
            >
              Clear filters
            </Button>
          )}
        </div>
        {shown.length === 0 ? (
          <EmptyState
            missing="data"
            title="No articles match these filters"
            description="Try another tag or category, or search for a topic above."
            action={
              <Button
                variant="contained"
                color="primary"
                onClick={() => setParams(new URLSearchParams())}
              >
                Clear filters
              </Button>
            }
          />
        ) : (
          <Grid
            container
            spacing={2}
            component="ul"
            style={{ listStyle: 'none', padding: 0 }}
          >
            {shown.map(article => (
              <Grid item xs={12} md={6} xl={4} key={article.id} component="li">
                <ArticleCard article={article} />
              </Grid>
            ))}
          </Grid>
        )}
      </>
    );
  }

  let categoriesBody;
  if (categoriesState.loading) {
    categoriesBody = <Progress />;
  } else if (categoriesState.error) {
    categoriesBody = (
      <ResponseErrorPanel
        error={categoriesState.error}
        title="Could not load categories"
      />
    );
  } else {
    categoriesBody = (
      <CategoryNav
        categories={categoriesState.value ?? []}
        total={all?.length ?? 0}
        selected={category}
        params={params}
      />
    );
  }

  return (
    <Page themeId="documentation">
      <Header
        title="Guidance"
        subtitle="The Paved Road library: how we build, ship and run infrastructure"
        pageTitleOverride="Guidance"
      />
      <Content>
        <div className={classes.search}>
          <GuidanceSearchBox />
        </div>
        <div className={classes.layout}>
          <aside>{categoriesBody}</aside>
          <section aria-label="Articles">{articlesBody}</section>
        </div>
      </Content>
    </Page>
  );
}
