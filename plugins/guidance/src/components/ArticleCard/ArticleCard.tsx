import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ArticleSummary,
  categoryTitle,
} from '@paved-road/plugin-guidance-common';
import { articleRouteRef } from '../../routes';
import { StaleMark } from '../ArticleProvenance';

const useStyles = makeStyles(theme => ({
  card: {
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
    position: 'relative',
    transition: theme.transitions.create(['box-shadow', 'border-color']),
    border: `1px solid ${theme.palette.divider}`,
    '&:hover': { boxShadow: theme.shadows[4] },
    '&:focus-within': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  content: {
    flexGrow: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  },
  title: {
    fontSize: '1.05rem',
    fontWeight: theme.typography.fontWeightMedium as number,
    lineHeight: 1.35,
  },
  // the whole card is clickable through the title link, which stays the one tab stop
  link: {
    color: theme.palette.text.primary,
    '&::after': { content: '""', position: 'absolute', inset: 0 },
    '&:focus': { outline: 'none' },
  },
  summary: { flexGrow: 1 },
  footer: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    color: theme.palette.text.secondary,
  },
}));

export type ArticleCardProps = {
  article: ArticleSummary;
};

/** One article in the library: title, summary, category and reading time. */
export function ArticleCard(props: ArticleCardProps) {
  const { article } = props;
  const classes = useStyles();
  const articleLink = useRouteRef(articleRouteRef);
  return (
    <Card
      className={classes.card}
      variant="outlined"
      data-testid={`article-card-${article.id}`}
    >
      <CardContent className={classes.content}>
        <Typography component="h3" className={classes.title}>
          <Link
            to={articleLink({ id: article.id })}
            className={classes.link}
            underline="none"
          >
            {article.title}
          </Link>
        </Typography>
        <Typography
          variant="body2"
          color="textSecondary"
          className={classes.summary}
        >
          {article.summary}
        </Typography>
        <div className={classes.footer}>
          <Chip
            size="small"
            label={categoryTitle(article.category)}
            variant="outlined"
          />
          <Typography variant="caption">
            {article.readingTimeMinutes} min read · updated{' '}
            <time dateTime={article.updated}>{article.updated}</time>
          </Typography>
          {article.stale && (
            <StaleMark
              reviewed={article.reviewed}
              reasons={article.staleReasons}
            />
          )}
        </div>
        {article.stale && !!article.staleReasons?.length && (
          <Typography
            variant="caption"
            color="textSecondary"
            component="p"
            data-testid="stale-reasons"
          >
            {article.staleReasons.join('; ')}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
