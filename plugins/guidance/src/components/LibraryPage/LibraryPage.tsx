import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
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
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { categoryTitle } from '@paved-road/plugin-guidance-common';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { ArticleCard } from '../ArticleCard';
import { GuidanceSearchBox } from '../GuidanceSearchBox';

import { CategoryNav } from './CategoryNav';
import { TagFilter } from './TagFilter';
import { useLibraryStyles } from './styles';

export { tagsByUse } from './TagFilter';

/** The guidance library, `/guidance`: search, categories, tags and article cards. */
export function LibraryPage() {
  const classes = useLibraryStyles();
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
