import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { GUIDANCE_ANNOTATION } from '@paved-road/plugin-guidance-common';
import { useEntityGuidance } from '../../hooks/useEntityGuidance';
import { articleRouteRef, rootRouteRef } from '../../routes';
import { splitRecommendations } from '../EntityGuidanceContent';
import { applicableRules, conformanceHeadline } from '../EntityConformance';

const MAX_ITEMS = 5;

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    padding: theme.spacing(0.75, 0),
  },
  more: { marginTop: theme.spacing(1) },
  score: { marginBottom: theme.spacing(1) },
}));

/** A compact card for the entity overview: the guidance that applies, followed first. */
export function EntityGuidanceCard() {
  const classes = useStyles();
  const articleLink = useRouteRef(articleRouteRef);
  const libraryLink = useRouteRef(rootRouteRef);
  const { value, loading, error } = useEntityGuidance();

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else {
    const { linked, suggested } = splitRecommendations(
      value?.recommendations ?? [],
    );
    const items = [...linked, ...suggested];
    const conformance = value?.conformance;
    const score =
      conformance &&
      !conformance.source.error &&
      applicableRules(conformance.summary) > 0 ? (
        <Typography
          variant="body2"
          className={classes.score}
          data-testid="guidance-card-score"
        >
          {conformanceHeadline(conformance.summary)}
          {conformance.summary.fail > 0 &&
            ` · ${conformance.summary.fail} failing`}
        </Typography>
      ) : null;
    body =
      items.length === 0 ? (
        <>
          {score}
          <Typography variant="body2" color="textSecondary">
            No guidance applies yet. Name articles in{' '}
            <code>{GUIDANCE_ANNOTATION}</code>.
          </Typography>
        </>
      ) : (
        <>
          {score}
          <ul className={classes.list}>
            {items.slice(0, MAX_ITEMS).map(item => (
              <li key={item.article.id} className={classes.item}>
                <Link to={articleLink({ id: item.article.id })}>
                  {item.article.title}
                </Link>
                <Chip
                  size="small"
                  variant={
                    item.source === 'annotation' ? 'default' : 'outlined'
                  }
                  color={item.source === 'annotation' ? 'primary' : 'default'}
                  label={
                    item.source === 'annotation' ? 'Followed' : 'Suggested'
                  }
                />
              </li>
            ))}
          </ul>
          {items.length > MAX_ITEMS && (
            <Typography
              variant="body2"
              color="textSecondary"
              className={classes.more}
            >
              and {items.length - MAX_ITEMS} more in the Guidance tab
            </Typography>
          )}
        </>
      );
  }

  return (
    <InfoCard
      title="Guidance"
      deepLink={{ title: 'Browse the guidance library', link: libraryLink() }}
    >
      {body}
    </InfoCard>
  );
}
