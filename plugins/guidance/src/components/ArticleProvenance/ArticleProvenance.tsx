import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import WarningIcon from '@material-ui/icons/ReportProblemOutlined';
import { Article } from '@paved-road/plugin-guidance-common';
import { toolName } from './toolNames';

const useStyles = makeStyles(theme => ({
  // sits in the page header, whose colours come from the page theme
  header: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
    marginLeft: theme.spacing(3),
    maxWidth: 360,
    color: (theme as any).page?.fontColor ?? theme.palette.text.primary,
  },
  stale: {
    color: theme.palette.warning.dark,
    borderColor: theme.palette.warning.main,
    backgroundColor: theme.palette.background.paper,
    '& svg': { color: theme.palette.warning.main },
  },
  reasons: {
    margin: 0,
    paddingLeft: theme.spacing(2),
  },
  note: { opacity: 0.85 },
}));

/** "Reviewed 2026-11-24 against External Secrets 0.19, Kubernetes 1.34", or that it was never reviewed. */
export function provenanceText(
  article: Pick<Article, 'reviewed' | 'verifiedAgainst'>,
): string {
  if (!article.reviewed) return 'Not reviewed yet';
  const versions = Object.entries(article.verifiedAgainst ?? {}).map(
    ([tool, version]) => `${toolName(tool)} ${version}`,
  );
  return `Reviewed ${article.reviewed}${
    versions.length ? ` against ${versions.join(', ')}` : ''
  }`;
}

/** The tooltip of the stale mark: the reasons the API gave, or the review-date wording. */
export function staleTitle(props: { reviewed?: string; reasons?: string[] }) {
  if (props.reasons?.length)
    return `May be out of date: ${props.reasons.join('; ')}`;
  return props.reviewed
    ? `Last reviewed ${props.reviewed}, longer ago than the review interval`
    : 'Never reviewed against its sources';
}

/** The "may be out of date" mark, for the reader, the library card and search results. */
export function StaleMark(props: { reviewed?: string; reasons?: string[] }) {
  const classes = useStyles();
  return (
    <Tooltip title={staleTitle(props)}>
      <Chip
        size="small"
        variant="outlined"
        icon={<WarningIcon />}
        label="may be out of date"
        className={classes.stale}
        data-testid="stale-mark"
      />
    </Tooltip>
  );
}

/**
 * When the article was last checked, against which versions, and whether that is too long
 * ago or against a release past its end of life (each reason shown); newer releases of what
 * it was checked against are a quieter note that does not mark the article.
 */
export function ArticleProvenance(props: {
  article: Pick<
    Article,
    'reviewed' | 'verifiedAgainst' | 'stale' | 'staleReasons' | 'versionNotes'
  >;
}) {
  const { article } = props;
  const classes = useStyles();
  const reasons = article.staleReasons ?? [];
  const notes = article.versionNotes ?? [];
  return (
    <div className={classes.header} data-testid="article-provenance">
      <Typography variant="body2" color="inherit">
        {provenanceText(article)}
      </Typography>
      {article.stale && (
        <StaleMark reviewed={article.reviewed} reasons={reasons} />
      )}
      {article.stale && reasons.length > 0 && (
        <ul className={classes.reasons} aria-label="Why it may be out of date">
          {reasons.map(reason => (
            <li key={reason}>
              <Typography
                variant="caption"
                color="inherit"
                data-testid="stale-reason"
              >
                {reason}
              </Typography>
            </li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <Typography
          variant="caption"
          color="inherit"
          className={classes.note}
          data-testid="version-note"
        >
          {notes.join('; ')}
        </Typography>
      )}
    </div>
  );
}
