import { ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import { useAnalytics } from '@backstage/core-plugin-api';
import {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import {
  HighlightedSearchResultText,
  useSearch,
  useSearchContextCheck,
} from '@backstage/plugin-search-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { categoryTitle } from '@paved-road/plugin-guidance-common';
import {
  SnippetSegment,
  excerpt,
  segmentsFromHighlight,
  segmentsFromTerm,
} from './snippet';
import { StaleMark } from '../ArticleProvenance';

/**
 * A guidance section as the search collator indexes it.
 *
 * @public
 */
export type GuidanceSearchDocument = SearchDocument & {
  articleTitle?: string;
  section?: string;
  category?: string;
  /** Why the article may be out of date; empty or absent when it is current. */
  staleReasons?: string[];
};

const useStyles = makeStyles(theme => ({
  item: { display: 'flex', alignItems: 'flex-start' },
  text: { wordBreak: 'break-word', margin: 0 },
  section: { color: theme.palette.text.secondary, fontWeight: 'normal' },
  // Two to three lines, never the whole section.
  snippet: {
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  aside: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-end',
    gap: theme.spacing(0.5),
  },
  reasons: { display: 'block', marginTop: theme.spacing(0.5) },
  match: {
    backgroundColor: 'transparent',
    color: 'inherit',
    fontWeight: theme.typography.fontWeightBold as number,
  },
}));

/**
 * What Backstage's search result list passes to {@link GuidanceSearchResultListItem}.
 *
 * @public
 */
export type GuidanceSearchResultListItemProps = {
  /** The search document; rendered as a {@link GuidanceSearchDocument}. */
  result?: SearchDocument;
  /** The result's position in the list, for analytics. */
  rank?: number;
  /** The engine's highlights; without them the search term marks the snippet. */
  highlight?: ResultHighlight;
  /** An icon before the result. */
  icon?: ReactNode;
  /** True to leave the click out of analytics. */
  noTrack?: boolean;
};

function highlighted(
  value: string | undefined,
  field: string,
  highlight: ResultHighlight | undefined,
): ReactNode {
  const marked = highlight?.fields?.[field];
  if (marked && highlight) {
    return (
      <HighlightedSearchResultText
        text={marked}
        preTag={highlight.preTag}
        postTag={highlight.postTag}
      />
    );
  }
  return value;
}

/**
 * The part of a section worth showing: around the engine's highlights when it sends them,
 * else around the words of the search term.
 */
function snippetSegments(
  text: string,
  term: string,
  highlight: ResultHighlight | undefined,
): SnippetSegment[] {
  const excerptText = highlight?.fields?.text;
  if (excerptText && highlight) {
    return excerpt(
      segmentsFromHighlight(excerptText, highlight.preTag, highlight.postTag),
    );
  }
  return excerpt(segmentsFromTerm(text, term));
}

/** One Backstage search result of type `guidance`: an article section, deep-linked. */
export function GuidanceSearchResultListItem(
  props: GuidanceSearchResultListItemProps,
) {
  // The search term marks the snippet when the engine sends no highlights; useSearch
  // needs a search context, which a result rendered on its own does not have.
  return useSearchContextCheck() ? (
    <ItemWithSearchTerm {...props} />
  ) : (
    <Item {...props} term="" />
  );
}

function ItemWithSearchTerm(props: GuidanceSearchResultListItemProps) {
  const { term } = useSearch();
  return <Item {...props} term={term} />;
}

function Item(props: GuidanceSearchResultListItemProps & { term: string }) {
  const { rank, highlight, icon, noTrack, term } = props;
  const result = props.result as GuidanceSearchDocument | undefined;
  const classes = useStyles();
  const analytics = useAnalytics();
  if (!result) {
    return null;
  }
  const articleTitle = result.articleTitle ?? result.title;
  const section =
    result.section && result.section !== articleTitle
      ? result.section
      : undefined;
  const staleReasons = Array.isArray(result.staleReasons)
    ? result.staleReasons.filter(r => typeof r === 'string' && r)
    : [];
  const onClick = () => {
    if (!noTrack) {
      analytics.captureEvent('discover', result.title, {
        attributes: { to: result.location },
        value: rank,
      });
    }
  };

  return (
    <ListItem alignItems="flex-start" className={classes.item} divider>
      {icon && <ListItemIcon>{icon}</ListItemIcon>}
      <ListItemText
        className={classes.text}
        primaryTypographyProps={{ variant: 'h6', component: 'p' }}
        primary={
          <Link noTrack to={result.location} onClick={onClick}>
            {highlighted(articleTitle, 'articleTitle', highlight)}
            {section && (
              <span className={classes.section}>
                {' '}
                › {highlighted(section, 'section', highlight)}
              </span>
            )}
          </Link>
        }
        secondary={
          <>
            <Typography
              component="span"
              variant="body2"
              color="textSecondary"
              className={classes.snippet}
              data-testid="guidance-search-snippet"
            >
              {snippetSegments(result.text, term, highlight).map((s, i) =>
                s.match ? (
                  <mark key={i} className={classes.match}>
                    {s.text}
                  </mark>
                ) : (
                  <span key={i}>{s.text}</span>
                ),
              )}
            </Typography>
            {staleReasons.length > 0 && (
              <Typography
                component="span"
                variant="caption"
                color="textSecondary"
                className={classes.reasons}
                data-testid="stale-reasons"
              >
                {staleReasons.join('; ')}
              </Typography>
            )}
          </>
        }
      />
      {(result.category || staleReasons.length > 0) && (
        <Box ml={2} flexShrink={0} className={classes.aside}>
          {result.category && (
            <Chip
              size="small"
              variant="outlined"
              label={categoryTitle(result.category)}
            />
          )}
          {staleReasons.length > 0 && <StaleMark reasons={staleReasons} />}
        </Box>
      )}
    </ListItem>
  );
}
