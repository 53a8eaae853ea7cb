import { Fragment, ReactNode, useEffect, useId, useState } from 'react';
import { Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import IconButton from '@material-ui/core/IconButton';
import InputAdornment from '@material-ui/core/InputAdornment';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ClearIcon from '@material-ui/icons/Clear';
import SearchIcon from '@material-ui/icons/Search';
import {
  MAX_SEARCH_QUERY_LENGTH,
  SearchResult,
  categoryTitle,
} from '@paved-road/plugin-guidance-common';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { articleRouteRef } from '../../routes';

const useStyles = makeStyles(theme => ({
  root: { position: 'relative' },
  progress: {
    position: 'absolute',
    left: 0,
    right: 0,
    height: 2,
  },
  results: {
    marginTop: theme.spacing(1),
    padding: theme.spacing(1, 0),
    border: `1px solid ${theme.palette.divider}`,
  },
  status: {
    padding: theme.spacing(0.5, 2),
    color: theme.palette.text.secondary,
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'block',
    padding: theme.spacing(1, 2),
    color: theme.palette.text.primary,
    '&:hover, &:focus-visible': {
      backgroundColor: theme.palette.action.hover,
      textDecoration: 'none',
    },
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: -2,
    },
  },
  resultTitle: { fontWeight: theme.typography.fontWeightMedium as number },
  section: { color: theme.palette.primary.main },
  stale: { color: theme.palette.warning.dark },
  snippet: {
    color: theme.palette.text.secondary,
    '& mark': {
      backgroundColor: 'transparent',
      color: theme.palette.text.primary,
      fontWeight: theme.typography.fontWeightBold as number,
    },
  },
}));

type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; results?: SearchResult[]; query?: string }
  | { status: 'done'; results: SearchResult[]; query: string }
  | { status: 'error'; error: Error };

/** Wraps each occurrence of a query word in the snippet in <mark>. */
export function highlightTerms(text: string, query: string): ReactNode[] {
  const words = query
    .split(/\s+/)
    .map(w => w.replace(/[^\p{L}\p{N}_-]/gu, ''))
    .filter(w => w.length > 1);
  if (words.length === 0) {
    return [text];
  }
  const pattern = new RegExp(`(${words.join('|')})`, 'giu');
  return text
    .split(pattern)
    .map((part, i) =>
      i % 2 === 1 ? (
        <mark key={i}>{part}</mark>
      ) : (
        <Fragment key={i}>{part}</Fragment>
      ),
    );
}

export type GuidanceSearchBoxProps = {
  /** Delay after the last keystroke before searching. */
  debounceMs?: number;
  limit?: number;
};

/** The results of `query`, asked once typing pauses; a newer query cancels the older request. */
function useDebouncedSearch(
  query: string,
  debounceMs: number,
  limit: number,
): SearchState {
  const api = useApi(guidanceApiRef);
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  useEffect(() => {
    const q = query.trim().slice(0, MAX_SEARCH_QUERY_LENGTH);
    if (!q) {
      setState({ status: 'idle' });
      return undefined;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState(previous =>
        previous.status === 'done'
          ? {
              status: 'loading',
              results: previous.results,
              query: previous.query,
            }
          : { status: 'loading' },
      );
      try {
        const results = await api.search(q, {
          limit,
          signal: controller.signal,
        });
        if (!controller.signal.aborted) {
          setState({ status: 'done', results, query: q });
        }
      } catch (error) {
        if (!controller.signal.aborted) {
          setState({ status: 'error', error });
        }
      }
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, query, debounceMs, limit]);
  return state;
}

/** What the status line says: the count of results, none, or why the search failed. */
function statusTextOf(state: SearchState): string {
  let statusText = '';
  if (state.status === 'done') {
    statusText =
      state.results.length === 0
        ? `No sections match "${state.query}".`
        : `${state.results.length} result${
            state.results.length === 1 ? '' : 's'
          } for "${state.query}"`;
  } else if (state.status === 'error') {
    statusText = `Search failed: ${state.error.message}`;
  }
  return statusText;
}

/** One result: its article, the section it matched, its category, staleness and snippet. */
function SearchResultLink(props: {
  result: SearchResult;
  href: string;
  query: string;
}) {
  const { result, href, query } = props;
  const classes = useStyles();
  return (
    <Link to={href} className={classes.item} underline="none">
      <Typography
        variant="body1"
        component="span"
        className={classes.resultTitle}
      >
        {result.title}
      </Typography>
      {result.section && (
        <Typography
          variant="body2"
          component="span"
          className={classes.section}
        >
          {' '}
          › {result.section.text}
        </Typography>
      )}
      <Typography variant="caption" component="span" color="textSecondary">
        {' '}
        · {categoryTitle(result.category)}
      </Typography>
      {result.stale && (
        <Typography
          variant="caption"
          component="span"
          className={classes.stale}
          data-testid="search-result-stale"
        >
          {' '}
          · may be out of date
          {result.staleReasons?.length
            ? `: ${result.staleReasons.join('; ')}`
            : ''}
        </Typography>
      )}
      <Typography variant="body2" className={classes.snippet}>
        {highlightTerms(result.snippet, query)}
      </Typography>
    </Link>
  );
}

/**
 * Search as you type: waits for a pause in typing, cancels the request a newer query
 * replaces, and links each result to the section it matched.
 */
export function GuidanceSearchBox(props: GuidanceSearchBoxProps) {
  const { debounceMs = 200, limit = 8 } = props;
  const classes = useStyles();
  const articleLink = useRouteRef(articleRouteRef);
  const [query, setQuery] = useState('');
  const resultsId = useId();

  const state = useDebouncedSearch(query, debounceMs, limit);

  const shown =
    state.status === 'done' || state.status === 'loading'
      ? state.results
      : undefined;
  const shownQuery =
    state.status === 'done' || state.status === 'loading'
      ? state.query ?? ''
      : '';

  const statusText = statusTextOf(state);

  return (
    <div className={classes.root} role="search">
      <TextField
        fullWidth
        variant="outlined"
        placeholder="Search guidance: try “pgbouncer pool size” or “argocd sync waves”"
        value={query}
        onChange={event => setQuery(event.target.value)}
        onKeyDown={event => {
          if (event.key === 'Escape') {
            setQuery('');
          }
        }}
        inputProps={{
          'aria-label': 'Search guidance',
          'aria-controls': resultsId,
          maxLength: MAX_SEARCH_QUERY_LENGTH,
        }}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon color="action" />
            </InputAdornment>
          ),
          endAdornment: query ? (
            <InputAdornment position="end">
              <IconButton
                size="small"
                aria-label="Clear search"
                onClick={() => setQuery('')}
              >
                <ClearIcon fontSize="small" />
              </IconButton>
            </InputAdornment>
          ) : undefined,
        }}
      />
      {state.status === 'loading' && (
        <LinearProgress className={classes.progress} aria-label="Searching" />
      )}
      <div id={resultsId}>
        <Typography variant="body2" role="status" className={classes.status}>
          {statusText}
        </Typography>
        {shown && shown.length > 0 && (
          <Paper className={classes.results} elevation={0}>
            <ul className={classes.list} aria-label="Search results">
              {shown.map(result => (
                <li key={`${result.id}#${result.section?.id ?? ''}`}>
                  <SearchResultLink
                    result={result}
                    href={`${articleLink({ id: result.id })}${
                      result.section
                        ? `#${encodeURIComponent(result.section.id)}`
                        : ''
                    }`}
                    query={shownQuery}
                  />
                </li>
              ))}
            </ul>
          </Paper>
        )}
      </div>
    </div>
  );
}
