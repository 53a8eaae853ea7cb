import useAsync from 'react-use/esm/useAsync';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ConformanceOwnerMovements,
  RuleSummary,
} from '@paved-road/plugin-guidance-common';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { mostFailingSeries, seriesCaption } from './trendSeries';
import { LazyTrendChart, trendCaption } from './LazyTrendChart';
import { RulePreviewCard } from './RulePreviewCard';

const DAYS = 30;

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
}));

type Movement = ConformanceOwnerMovements['owners'][number];

const points = (m: Movement) =>
  `${m.failShareChange > 0 ? '+' : ''}${m.failShareChange} points failing (${
    m.from.fail
  } → ${m.to.fail} failing results)`;

function Movers(props: { title: string; owners: Movement[]; testId: string }) {
  const classes = useStyles();
  return (
    <div data-testid={props.testId}>
      <Typography variant="subtitle2" component="h4">
        {props.title}
      </Typography>
      {props.owners.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          None in the last {DAYS} days.
        </Typography>
      ) : (
        <ol className={classes.list}>
          {props.owners.map(m => (
            <li key={m.owner}>
              <EntityRefLink entityRef={m.owner} />{' '}
              <Typography
                variant="body2"
                component="span"
                color="textSecondary"
              >
                {points(m)}
              </Typography>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/**
 * The conformance page's history: failing results per rule and per owner over 30 days, the
 * most improved and most regressed teams, and the blast-radius preview of a rule. Rendered as
 * grid items inside the page's grid.
 */
export function ConformanceTrendsSection(props: {
  owner?: string;
  rule?: string;
  rules: RuleSummary[];
}) {
  const { owner, rule, rules } = props;
  const api = useApi(guidanceApiRef);
  const { value, loading, error } = useAsync(async () => {
    const [byRule, byOwner, movements] = await Promise.all([
      api.getConformanceTrends({ days: DAYS, by: 'rule', owner, rule }),
      api.getConformanceTrends({ days: DAYS, by: 'owner', owner, rule }),
      api.getConformanceOwnerMovements(DAYS),
    ]);
    return { byRule, byOwner, movements };
  }, [api, owner, rule]);

  if (loading)
    return (
      <Grid item xs={12}>
        <Progress />
      </Grid>
    );
  if (error)
    return (
      <Grid item xs={12}>
        <ResponseErrorPanel error={error} />
      </Grid>
    );
  if (!value) return null;
  const improved = value.movements.owners
    .filter(m => m.failShareChange < 0)
    .slice(0, 3);
  const regressed = value.movements.owners
    .filter(m => m.failShareChange > 0)
    .reverse()
    .slice(0, 3);
  const byRule = mostFailingSeries(value.byRule.series ?? []);
  return (
    <>
      <Grid item xs={12} md={6}>
        <InfoCard title={`Failing results per rule, last ${DAYS} days`}>
          <Typography
            variant="body2"
            color="textSecondary"
            data-testid="trend-caption"
          >
            {trendCaption(value.byRule.days)}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {seriesCaption(byRule.failing, byRule.shown.length, 'rules')}
          </Typography>
          <div data-testid="trend-by-rule">
            <LazyTrendChart series={byRule.shown} />
          </div>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title={`Failing results per owner, last ${DAYS} days`}>
          <Typography variant="body2" color="textSecondary">
            {(value.byOwner.series ?? []).length} owners
          </Typography>
          <div data-testid="trend-by-owner">
            <LazyTrendChart series={value.byOwner.series ?? []} />
          </div>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title={`Teams, last ${DAYS} days`}>
          <Movers
            title="Most improved"
            owners={improved}
            testId="most-improved"
          />
          <Movers
            title="Most regressed"
            owners={regressed}
            testId="most-regressed"
          />
        </InfoCard>
      </Grid>
      {rules.length > 0 && (
        <Grid item xs={12} md={6}>
          <RulePreviewCard rules={rules} initialRule={rule} />
        </Grid>
      )}
    </>
  );
}
