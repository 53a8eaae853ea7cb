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
import { guidanceApiRef } from '../../api/GuidanceApi';
import { GuidanceSearchBox } from '../GuidanceSearchBox';

import { CategoryNav } from './CategoryNav';
import { FilteredArticles } from './FilteredArticles';
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
    articlesBody = (
      <FilteredArticles
        inCategory={inCategory}
        shown={shown}
        category={category}
        tag={tag}
        onSelectTag={t => setFilter('tag', t)}
        onClearFilters={() => setParams(new URLSearchParams())}
      />
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
