import { Link } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ConformanceReport } from '@paved-road/plugin-guidance-common';
import { SourcePlace } from './SourcePlace';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(2) },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    padding: theme.spacing(1, 0),
    '& + &': { borderTop: `1px solid ${theme.palette.divider}` },
  },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  failing: {
    margin: theme.spacing(0.5, 0, 0),
    paddingLeft: theme.spacing(2.5),
  },
  where: { fontFamily: 'monospace', fontSize: '0.85em' },
}));

/** `2 failing · 1 waived · 9 passing` */
const counts = (summary: ConformanceReport['summary']) =>
  `${summary.fail} failing · ${summary.waived} waived · ${summary.pass} passing`;

function Verdict(props: { report: ConformanceReport }) {
  const { fail } = props.report.summary;
  return (
    <Chip
      size="small"
      label={fail > 0 ? 'failing' : 'passing'}
      color={fail > 0 ? 'secondary' : 'primary'}
    />
  );
}

function FailingRules(props: { report: ConformanceReport; location?: string }) {
  const classes = useStyles();
  const { report, location } = props;
  if (report.failing.length === 0) return null;
  return (
    <ul
      className={classes.failing}
      aria-label={`Failing rules on ${report.ref}`}
    >
      {report.failing.map(f => (
        <li key={f.ruleId}>
          <Typography variant="body2" component="span">
            {f.title ?? f.ruleId}
          </Typography>
          {f.file && (
            <span className={classes.where}>
              {' — '}
              <SourcePlace
                file={f.file}
                line={f.line}
                location={location}
                revision={report.defaultBranch ? undefined : report.commit}
              />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function ReportTitle(props: { report: ConformanceReport }) {
  const { report } = props;
  const name = report.title ? `${report.ref}: ${report.title}` : report.ref;
  return report.url ? <Link to={report.url}>{name}</Link> : <>{name}</>;
}

/**
 * What CI found, beside the scheduled evaluation: the default branch's report, then the
 * other refs (open pull requests) with their links.
 */
export function ConformanceReports(props: {
  reports: ConformanceReport[];
  /** The entity's source location, for links to files. */
  location?: string;
}) {
  const classes = useStyles();
  const { reports, location } = props;
  if (reports.length === 0) return null;
  const main = reports.find(r => r.defaultBranch);
  const others = reports.filter(r => !r.defaultBranch);
  return (
    <>
      {main && (
        <section
          className={classes.section}
          aria-labelledby="conformance-ci-default"
          data-testid="ci-report-default"
        >
          <Typography variant="h6" component="h3" id="conformance-ci-default">
            CI on {main.ref}
          </Typography>
          <div className={classes.line}>
            <Verdict report={main} />
            <Typography variant="body2">{counts(main.summary)}</Typography>
            <Typography variant="caption" color="textSecondary">
              {main.commit ? `${main.commit.slice(0, 7)} · ` : ''}
              received {new Date(main.receivedAt).toLocaleString()}
              {main.url && (
                <>
                  {' · '}
                  <Link to={main.url}>run</Link>
                </>
              )}
            </Typography>
          </div>
          <FailingRules report={main} location={location} />
        </section>
      )}
      {others.length > 0 && (
        <section
          className={classes.section}
          aria-labelledby="conformance-ci-refs"
        >
          <Typography variant="h6" component="h3" id="conformance-ci-refs">
            Pull requests ({others.length})
          </Typography>
          <ul className={classes.list}>
            {others.map(report => (
              <li
                key={report.ref}
                className={classes.item}
                data-testid={`ci-report-${report.ref}`}
              >
                <div className={classes.line}>
                  <Verdict report={report} />
                  <Typography variant="body2" component="span">
                    <ReportTitle report={report} />
                  </Typography>
                  <Typography variant="caption" color="textSecondary">
                    {counts(report.summary)}
                  </Typography>
                </div>
                <FailingRules report={report} location={location} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
