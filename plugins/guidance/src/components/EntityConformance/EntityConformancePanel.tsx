import { ReactNode } from 'react';
import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  EntityConformance,
  RuleResult,
} from '@paved-road/plugin-guidance-common';
import { conformanceRouteRef } from '../../routes';
import { RuleArticleLink } from './RuleArticleLink';
import { ConformanceReports, SourcePlace } from '../ConformanceReports';
import { applicableRules, conformanceHeadline } from './conformanceScore';
import { EntityConformanceTrend } from '../ConformanceTrends';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  rule: {
    padding: theme.spacing(1.5, 0),
    '& + &': { borderTop: `1px solid ${theme.palette.divider}` },
  },
  ruleLine: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  ruleTitle: { fontWeight: theme.typography.fontWeightMedium as number },
  evidence: {
    margin: theme.spacing(0.75, 0, 0),
    paddingLeft: theme.spacing(2.5),
    '& li': { marginTop: theme.spacing(0.25) },
  },
  where: { fontFamily: 'monospace', fontSize: '0.85em' },
  group: { marginTop: theme.spacing(2) },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
  },
}));

/** The message the backend adds for a lapsed waiver: the panel says it above the evidence. */
const expiredWaiverMessage = (waiver: NonNullable<RuleResult['waiver']>) =>
  `waiver expired on ${waiver.until}: ${waiver.reason}`;

function Evidence(props: { result: RuleResult; location?: string }) {
  const classes = useStyles();
  const { waiver } = props.result;
  const findings = props.result.findings.filter(
    f =>
      !(
        waiver?.expired &&
        !f.file &&
        !f.object &&
        f.message === expiredWaiverMessage(waiver)
      ),
  );
  if (findings.length === 0) return null;
  return (
    <ul className={classes.evidence} aria-label="Evidence">
      {findings.map((f, i) => (
        <li key={i}>
          {(f.file || f.object) && (
            <span className={classes.where}>
              {f.file && (
                <SourcePlace
                  file={f.file}
                  line={f.line}
                  column={f.column}
                  location={props.location}
                />
              )}
              {f.file && f.object && ' · '}
              {f.object}
              {': '}
            </span>
          )}
          <Typography variant="body2" component="span">
            {f.message}
          </Typography>
        </li>
      ))}
    </ul>
  );
}

function RuleItem(props: {
  result: RuleResult;
  showEvidence: boolean;
  location?: string;
}) {
  const { result, showEvidence } = props;
  const classes = useStyles();
  return (
    <li className={classes.rule} data-testid={`rule-${result.rule.id}`}>
      <div className={classes.ruleLine}>
        <Typography
          variant="body1"
          component="span"
          className={classes.ruleTitle}
        >
          {result.rule.title}
        </Typography>
        {result.status === 'fail' && (
          <Chip
            size="small"
            label={result.rule.severity}
            color={result.rule.severity === 'error' ? 'secondary' : 'default'}
          />
        )}
        <Typography variant="caption" color="textSecondary">
          Why: <RuleArticleLink rule={result.rule} />
        </Typography>
      </div>
      {result.waiver && result.status === 'waived' && (
        <Typography variant="body2" color="textSecondary">
          Waived until {result.waiver.until}: {result.waiver.reason}
        </Typography>
      )}
      {result.waiver?.expired && result.status === 'fail' && (
        <Typography
          variant="body2"
          color="error"
          data-testid={`expired-waiver-${result.rule.id}`}
        >
          Waiver expired on {result.waiver.until}: {result.waiver.reason}. The
          rule counts as failing again; fix it or renew the waiver.
        </Typography>
      )}
      {showEvidence && <Evidence result={result} location={props.location} />}
    </li>
  );
}

function RuleGroup(props: {
  title: string;
  results: RuleResult[];
  showEvidence?: boolean;
  location?: string;
}) {
  const classes = useStyles();
  if (props.results.length === 0) return null;
  const id = `conformance-${props.title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className={classes.group} aria-labelledby={id}>
      <Typography variant="h6" component="h3" id={id}>
        {props.title} ({props.results.length})
      </Typography>
      <ul className={classes.list}>
        {props.results.map(r => (
          <RuleItem
            key={r.rule.id}
            result={r}
            showEvidence={props.showEvidence ?? false}
            location={props.location}
          />
        ))}
      </ul>
    </section>
  );
}

/** A score with the rules behind it: failing (with evidence), not yet enforced, waived, passing. */
function ConformanceResults(props: {
  conformance: EntityConformance;
  reports: ReactNode;
}) {
  const { conformance, reports } = props;
  const byStatus = (status: RuleResult['status']) =>
    conformance.results.filter(
      r => r.status === status && !(status === 'fail' && r.enforcement),
    );
  const warnings = conformance.results.filter(
    r => r.status === 'fail' && r.enforcement,
  );
  const notApplicable = conformance.summary.notApplicable;
  return (
    <>
      <Typography variant="h5" component="p" data-testid="conformance-headline">
        {conformanceHeadline(conformance.summary)}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {conformance.summary.fail} failing · {conformance.summary.waived} waived
        · {notApplicable} not applicable
      </Typography>
      {reports}
      <RuleGroup
        title="Failing rules"
        results={byStatus('fail')}
        showEvidence
        location={conformance.source.location}
      />
      <RuleGroup
        title="Warnings (rules not yet enforced)"
        results={warnings}
        showEvidence
        location={conformance.source.location}
      />
      <RuleGroup
        title="Waived rules"
        results={byStatus('waived')}
        showEvidence
        location={conformance.source.location}
      />
      <RuleGroup title="Passing rules" results={byStatus('pass')} />
    </>
  );
}

/**
 * The entity's conformance: the score, each failing rule with its evidence and the
 * heading that explains it, waived rules with reason and expiry, then the passing ones.
 */
export function EntityConformancePanel(props: {
  conformance?: EntityConformance;
  error?: Error;
  onEvaluate: () => void;
  evaluating: boolean;
  evaluateError?: Error;
}) {
  const { conformance, error, onEvaluate, evaluating, evaluateError } = props;
  const classes = useStyles();
  const overviewLink = useRouteRef(conformanceRouteRef);

  const actions = (
    <div className={classes.actions}>
      <Button
        variant="outlined"
        size="small"
        onClick={onEvaluate}
        disabled={evaluating}
      >
        {evaluating ? 'Evaluating…' : 'Evaluate now'}
      </Button>
      <Link to={overviewLink()}>All services</Link>
      {conformance && (
        <Typography variant="caption" color="textSecondary">
          Evaluated {new Date(conformance.evaluatedAt).toLocaleString()} from{' '}
          <code>{conformance.source.location}</code>
        </Typography>
      )}
    </div>
  );

  // CI's reports sit under the scheduled evaluation's score, or under whatever stands for it
  const reports = conformance?.reports && (
    <ConformanceReports
      reports={conformance.reports}
      location={conformance.source.location}
    />
  );
  let reportsShown = false;
  let body;
  if (error) {
    body = (
      <Alert severity="error">
        Could not load conformance: {error.message}
      </Alert>
    );
  } else if (!conformance) {
    body = (
      <Typography variant="body2" color="textSecondary">
        Not evaluated yet. The conformance service reads the manifests at this
        entity's source location on its schedule; evaluate it now to see the
        result.
      </Typography>
    );
  } else if (conformance.source.error) {
    body = <Alert severity="warning">{conformance.source.error}</Alert>;
  } else if (applicableRules(conformance.summary) === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No rule applies to what was found at the source: no Kubernetes manifests
        under <code>deploy/</code>, <code>k8s/</code>, <code>kubernetes/</code>{' '}
        or <code>manifests/</code> (the default folders; see{' '}
        <code>guidance.conformance.include</code>).
      </Typography>
    );
  } else {
    reportsShown = true;
    body = <ConformanceResults conformance={conformance} reports={reports} />;
  }

  return (
    <InfoCard title="Paved road conformance">
      {body}
      {!reportsShown && reports}
      {conformance && (
        <EntityConformanceTrend entityRef={conformance.entityRef} />
      )}
      {evaluateError && (
        <Alert severity="error">
          Could not evaluate: {evaluateError.message}
        </Alert>
      )}
      <div className={classes.group}>{actions}</div>
    </InfoCard>
  );
}
