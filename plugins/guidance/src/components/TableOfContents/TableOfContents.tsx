import {
  MouseEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { TocEntry } from '@paved-road/plugin-guidance-common';
import { jumpToHeading } from '../ArticleHtml/jumpToHeading';

const useStyles = makeStyles(theme => ({
  title: {
    ...theme.typography.overline,
    color: theme.palette.text.secondary,
    margin: theme.spacing(0, 0, 1, 1.5),
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    borderLeft: `1px solid ${theme.palette.divider}`,
  },
  link: {
    display: 'block',
    padding: theme.spacing(0.5, 1, 0.5, 1.5),
    marginLeft: -1,
    borderLeft: '2px solid transparent',
    color: theme.palette.text.secondary,
    textDecoration: 'none',
    fontSize: '0.85rem',
    lineHeight: 1.4,
    '&:hover': { color: theme.palette.text.primary },
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: -2,
    },
  },
  active: {
    color: theme.palette.primary.main,
    borderLeftColor: theme.palette.primary.main,
    fontWeight: theme.typography.fontWeightMedium as number,
    '&:hover': { color: theme.palette.primary.main },
  },
}));

// A section becomes current when its heading comes this close to the top of the viewport
const ACTIVE_LINE_PX = 120;

/**
 * Follows the scroll: the active section is the last heading whose top has passed a line
 * near the top of the viewport. The observer only says *when* to look; positions are then
 * read for every heading, because a long jump (a link, Home/End) can move headings from
 * above the viewport to below it without any observer event of their own.
 * Lives here, so the article never re-renders on scroll.
 */
function useActiveHeading(ids: string[]) {
  const [active, setActive] = useState<string | undefined>(undefined);
  // a section chosen in the table stays current while it is on screen, even when it is too
  // short (or too close to the end) to reach the line; the next user scroll releases it
  const pinned = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (typeof IntersectionObserver === 'undefined' || ids.length === 0) {
      return undefined;
    }
    const headings = ids
      .map(id => document.getElementById(id))
      .filter((el): el is HTMLElement => el !== null);
    const line = Math.min(window.innerHeight * 0.25, ACTIVE_LINE_PX);
    const update = () => {
      const pinnedTop = pinned.current
        ? document.getElementById(pinned.current)?.getBoundingClientRect().top
        : undefined;
      if (
        pinnedTop !== undefined &&
        pinnedTop >= 0 &&
        pinnedTop < window.innerHeight
      ) {
        setActive(pinned.current);
        return;
      }
      let current = headings[0]?.id;
      for (const heading of headings) {
        if (heading.getBoundingClientRect().top > line) {
          break;
        }
        current = heading.id;
      }
      setActive(current);
    };
    const release = () => {
      pinned.current = undefined;
    };
    const observer = new IntersectionObserver(update, {
      rootMargin: `0px 0px -${Math.max(0, window.innerHeight - line)}px 0px`,
      threshold: [0, 1],
    });
    headings.forEach(heading => observer.observe(heading));
    const userScroll = ['wheel', 'touchmove', 'keydown'] as const;
    userScroll.forEach(type =>
      window.addEventListener(type, release, { passive: true }),
    );
    return () => {
      observer.disconnect();
      userScroll.forEach(type => window.removeEventListener(type, release));
    };
  }, [ids]);

  const choose = useCallback((id: string) => {
    pinned.current = id;
    setActive(id);
  }, []);

  return [active, choose] as const;
}

export type TableOfContentsProps = {
  toc: TocEntry[];
};

/** The article's sections, highlighting the one in view; clicking scrolls to it. */
export function TableOfContents(props: TableOfContentsProps) {
  const { toc } = props;
  const classes = useStyles();
  const ids = useMemo(() => toc.map(entry => entry.id), [toc]);
  const [active, setActive] = useActiveHeading(ids);

  if (toc.length === 0) {
    return null;
  }
  const minLevel = Math.min(...toc.map(entry => entry.level));

  const onClick = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (jumpToHeading(id, { smooth: true, updateUrl: true, focus: true })) {
      event.preventDefault();
      setActive(id);
    }
  };

  return (
    <nav aria-label="On this page">
      <Typography component="h2" className={classes.title}>
        On this page
      </Typography>
      <ul className={classes.list}>
        {toc.map(entry => (
          <li key={entry.id}>
            <a
              href={`#${entry.id}`}
              className={`${classes.link} ${
                active === entry.id ? classes.active : ''
              }`}
              style={{ paddingLeft: `${12 + (entry.level - minLevel) * 12}px` }}
              aria-current={active === entry.id ? 'location' : undefined}
              onClick={event => onClick(event, entry.id)}
            >
              {entry.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
