import { RefObject, useEffect, useLayoutEffect, useState } from 'react';
import { useHref, useLocation } from 'react-router-dom';
import Paper from '@material-ui/core/Paper';
import Popper from '@material-ui/core/Popper';
import { makeStyles } from '@material-ui/core/styles';
import { Article } from '@paved-road/plugin-guidance-common';
import { issueUrl, sourceRepository } from './issueUrl';

const HEADINGS = 'h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]';
const SELECTION_SETTLE_MS = 150;

const useStyles = makeStyles(theme => ({
  popper: { zIndex: theme.zIndex.tooltip },
  paper: {
    padding: theme.spacing(0.5, 1.5),
    ...theme.typography.body2,
  },
  link: { color: theme.palette.primary.main },
}));

type Report = Parameters<typeof issueUrl>[1];

/** The reader's own address (the app's base path included), to which a heading's anchor is added. */
function usePageUrl(): string {
  const { pathname, search } = useLocation();
  const href = useHref({ pathname, search });
  return new URL(href, window.location.origin).toString();
}

function sectionUrl(pageUrl: string, headingId: string): string {
  return `${pageUrl}#${encodeURIComponent(headingId)}`;
}

function headingText(
  heading: Element,
  toc: Article['toc'] | undefined,
): string {
  const known = toc?.find(entry => entry.id === heading.id)?.text;
  if (known) return known;
  const copy = heading.cloneNode(true) as Element;
  copy
    .querySelectorAll('.heading-anchor, .report-issue')
    .forEach(el => el.remove());
  return (copy.textContent ?? '').trim();
}

/** The last heading of `body` at or before `node`: the section a selection starts in. */
function headingBefore(body: Element, node: Node): Element | undefined {
  let found: Element | undefined;
  for (const heading of body.querySelectorAll(HEADINGS)) {
    const following =
      // eslint-disable-next-line no-bitwise
      heading.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (heading === node || heading.contains(node) || following) {
      found = heading;
    } else {
      break;
    }
  }
  return found;
}

type SelectionReport = { range: Range; href: string };

/** The report for the text selected inside the article, if any: the quote and the section it is in. */
function selectionReport(
  container: HTMLElement | null,
  article: Pick<Article, 'editUrl' | 'id' | 'title' | 'toc'> & {
    pageUrl: string;
  },
): SelectionReport | undefined {
  const { editUrl, id, title, toc, pageUrl } = article;
  const selection = window.getSelection();
  const body = container?.querySelector('[data-testid="guidance-article"]');
  const range =
    selection && selection.rangeCount > 0 && !selection.isCollapsed
      ? selection.getRangeAt(0)
      : undefined;
  const quote = selection?.toString().trim();
  if (
    !range ||
    !body ||
    !quote ||
    !body.contains(range.commonAncestorContainer)
  ) {
    return undefined;
  }
  const heading = headingBefore(body, range.startContainer);
  const report: Report = {
    articleId: id,
    articleTitle: title,
    quote,
    ...(heading
      ? {
          section: {
            text: headingText(heading, toc),
            url: sectionUrl(pageUrl, heading.id),
          },
        }
      : {}),
  };
  const href = issueUrl(editUrl, report);
  return href ? { range: range.cloneRange(), href } : undefined;
}

/** Where the popper sits: the selection, wherever it is now. */
function selectionAnchor(range: Range) {
  return {
    clientWidth: 0,
    clientHeight: 0,
    // a live position: the link follows the selection when the page scrolls
    getBoundingClientRect: () =>
      typeof range.getBoundingClientRect === 'function'
        ? range.getBoundingClientRect()
        : ({
            top: 0,
            right: 0,
            bottom: 0,
            left: 0,
            width: 0,
            height: 0,
          } as DOMRect),
  };
}

/**
 * "Report a problem" for an article whose source is on GitHub or GitLab: a link on every
 * heading of the backend-rendered body, and one beside any text selected in the article,
 * each opening a new issue in the source repository with the article, the section and the
 * quoted text filled in. Renders nothing for an article without such a source.
 */
export function ReportIssue(props: {
  article: Article;
  container: RefObject<HTMLElement>;
}) {
  const { article, container } = props;
  const classes = useStyles();
  const { editUrl, id, title, toc, html } = article;
  const reportable = Boolean(sourceRepository(editUrl));
  const [selected, setSelected] = useState<SelectionReport>();
  const pageUrl = usePageUrl();

  // The heading menu: a link after each heading's anchor, shown on hover and focus.
  useLayoutEffect(() => {
    const body = container.current?.querySelector(
      '[data-testid="guidance-article"]',
    );
    // Only the backend's HTML is ours to add to; the Markdown fallback's headings are React's.
    if (!reportable || typeof html !== 'string' || !body) return undefined;
    const added: HTMLElement[] = [];
    body.querySelectorAll(HEADINGS).forEach(heading => {
      const text = headingText(heading, toc);
      const href = issueUrl(editUrl, {
        articleId: id,
        articleTitle: title,
        section: { text, url: sectionUrl(pageUrl, heading.id) },
      });
      if (!href) return;
      const link = document.createElement('a');
      link.className = 'report-issue';
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = 'Report a problem';
      link.setAttribute('aria-label', `Report a problem with “${text}”`);
      heading.append(link);
      added.push(link);
    });
    return () => added.forEach(link => link.remove());
  }, [container, reportable, editUrl, id, title, toc, html, pageUrl]);

  // Selected text: a link beside it once the selection settles, gone when it is cleared.
  useEffect(() => {
    if (!reportable) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () =>
      setSelected(
        selectionReport(container.current, {
          editUrl,
          id,
          title,
          toc,
          pageUrl,
        }),
      );
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(read, SELECTION_SETTLE_MS);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('selectionchange', onChange);
      setSelected(undefined);
    };
  }, [container, reportable, editUrl, id, title, toc, pageUrl]);

  if (!selected) return null;
  const { range, href } = selected;
  return (
    <Popper
      open
      anchorEl={selectionAnchor(range)}
      placement="top"
      className={classes.popper}
      data-testid="report-selection"
    >
      <Paper elevation={4} className={classes.paper}>
        <a
          className={classes.link}
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          // keep the selection: a mouse-down elsewhere would clear it, and this link with it
          onMouseDown={event => event.preventDefault()}
        >
          Report a problem with this text
        </a>
      </Paper>
    </Popper>
  );
}
