import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { LazyTrendChart, trendCaption } from './LazyTrendChart';

const useStyles = makeStyles(theme => ({
  root: { marginTop: theme.spacing(2) },
}));

/** The entity's rule results per day over the last 30 days, from the conformance history. */
export function EntityConformanceTrend(props: {
  entityRef: string;
  days?: number;
}) {
  const { entityRef, days = 30 } = props;
  const api = useApi(guidanceApiRef);
  const classes = useStyles();
  const { value, error } = useAsync(
    () => api.getConformanceTrends({ days, entity: entityRef }),
    [api, entityRef, days],
  );
  return (
    <section
      className={classes.root}
      aria-labelledby="conformance-trend"
      data-testid="entity-conformance-trend"
    >
      <Typography variant="h6" component="h3" id="conformance-trend">
        Last {days} days
      </Typography>
      {error && (
        <Alert severity="error">
          Could not load the trend: {error.message}
        </Alert>
      )}
      {value && (
        <>
          <Typography variant="body2" color="textSecondary">
            {trendCaption(value.days)}
          </Typography>
          <LazyTrendChart days={value.days} height={200} />
        </>
      )}
    </section>
  );
}
