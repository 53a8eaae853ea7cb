import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  GUIDANCE_ANNOTATION,
  Recommendation,
  categoryTitle,
} from '@paved-road/plugin-guidance-common';
import { useEntityGuidance } from '../../hooks/useEntityGuidance';
import { EntityConformancePanel } from '../EntityConformance';
import { articleRouteRef, rootRouteRef } from '../../routes';
import { splitRecommendations } from './recommendationGroups';
import { TemplateDrift } from '../TemplateDrift';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    padding: theme.spacing(1.5, 0),
    '& + &': { borderTop: `1px solid ${theme.palette.divider}` },
  },
  titleLine: {
    display: 'flex',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  title: { fontWeight: theme.typography.fontWeightMedium as number },
  reasons: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(0.75),
  },
  hint: { marginBottom: theme.spacing(1) },
}));

function RecommendationList(props: {
  items: Recommendation[];
  showReasons: boolean;
}) {
  const { items, showReasons } = props;
  const classes = useStyles();
  const articleLink = useRouteRef(articleRouteRef);
  return (
    <ul className={classes.list}>
      {items.map(({ article, reasons }) => (
        <li
          key={article.id}
          className={classes.item}
          data-testid={`guidance-item-${article.id}`}
        >
          <div className={classes.titleLine}>
            <Link
              to={articleLink({ id: article.id })}
              className={classes.title}
            >
              {article.title}
            </Link>
            <Typography variant="caption" color="textSecondary">
              {categoryTitle(article.category)} · {article.readingTimeMinutes}{' '}
              min read
            </Typography>
          </div>
          <Typography variant="body2" color="textSecondary">
            {article.summary}
          </Typography>
          {showReasons && reasons.length > 0 && (
            <div className={classes.reasons} aria-label="Why this is suggested">
              <Typography variant="caption" color="textSecondary">
                Suggested because of
              </Typography>
              {reasons.map(reason => (
                <Chip
                  key={reason}
                  size="small"
                  variant="outlined"
                  label={reason}
                />
              ))}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The Guidance tab of an entity page: the articles it follows, then suggested ones. */
export function EntityGuidanceContent() {
  const classes = useStyles();
  const libraryLink = useRouteRef(rootRouteRef);
  const { value, loading, error, evaluate, evaluating, evaluateError } =
    useEntityGuidance();

  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  const conformance = (
    <Grid item xs={12}>
      <EntityConformancePanel
        conformance={value?.conformance}
        error={value?.conformanceError}
        onEvaluate={evaluate}
        evaluating={evaluating || loading}
        evaluateError={evaluateError}
      />
    </Grid>
  );
  const { linked, suggested } = splitRecommendations(
    value?.recommendations ?? [],
  );
  if (linked.length === 0 && suggested.length === 0) {
    return (
      <Grid container spacing={3}>
        {conformance}
        <Grid item xs={12}>
          <EmptyState
            missing="info"
            title="No guidance for this entity yet"
            description={
              <>
                No article applies to it by its tags, type or annotations, and
                it names none. To follow an article, add{' '}
                <code>{GUIDANCE_ANNOTATION}: &lt;article-id&gt;</code> to its
                annotations.
              </>
            }
            action={<Link to={libraryLink()}>Browse the guidance library</Link>}
          />
        </Grid>
      </Grid>
    );
  }

  return (
    <Grid container spacing={3}>
      {conformance}
      <Grid item xs={12} lg={6}>
        <InfoCard
          title="Followed guidance"
          subheader={`Named in ${GUIDANCE_ANNOTATION}`}
        >
          {linked.length > 0 ? (
            <RecommendationList items={linked} showReasons={false} />
          ) : (
            <Typography
              variant="body2"
              color="textSecondary"
              className={classes.hint}
            >
              This entity names no articles. Add{' '}
              <code>{GUIDANCE_ANNOTATION}</code> to its annotations, with
              comma-separated article ids.
            </Typography>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={6}>
        <InfoCard
          title="Suggested guidance"
          subheader="Articles whose rules match this entity"
        >
          {suggested.length > 0 ? (
            <RecommendationList items={suggested} showReasons />
          ) : (
            <Typography
              variant="body2"
              color="textSecondary"
              className={classes.hint}
            >
              No other article's rules match this entity.
            </Typography>
          )}
        </InfoCard>
      </Grid>
      <TemplateDrift />
    </Grid>
  );
}
