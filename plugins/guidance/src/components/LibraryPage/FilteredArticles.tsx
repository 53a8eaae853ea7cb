import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { EmptyState } from '@backstage/core-components';
import {
  ArticleSummary,
  categoryTitle,
} from '@paved-road/plugin-guidance-common';
import { ArticleCard } from '../ArticleCard';
import { TagFilter } from './TagFilter';
import { useLibraryStyles } from './styles';

/** The articles the filters let through, with the tags of the category and a way to clear them. */
export function FilteredArticles(props: {
  inCategory: ArticleSummary[];
  shown: ArticleSummary[];
  category?: string;
  tag?: string;
  onSelectTag: (tag: string | undefined) => void;
  onClearFilters: () => void;
}) {
  const { inCategory, shown, category, tag } = props;
  const { onSelectTag, onClearFilters } = props;
  const classes = useLibraryStyles();
  const filters = [
    category && `in ${categoryTitle(category)}`,
    tag && `tagged “${tag}”`,
  ].filter(Boolean);
  return (
    <>
      <TagFilter articles={inCategory} selected={tag} onSelect={onSelectTag} />
      <div className={classes.summaryLine}>
        <Typography component="h2" variant="h6" aria-live="polite">
          {shown.length} article{shown.length === 1 ? '' : 's'}
          {filters.length ? ` ${filters.join(' ')}` : ''}
        </Typography>
        {filters.length > 0 && (
          <Button size="small" onClick={onClearFilters}>
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
              onClick={onClearFilters}
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
