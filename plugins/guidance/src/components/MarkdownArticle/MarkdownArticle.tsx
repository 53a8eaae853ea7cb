import { MouseEvent, ReactNode, memo } from 'react';
import ReactMarkdown from 'react-markdown';
import type { Components } from 'react-markdown/lib/ast-to-react';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { toString as hastToString } from 'hast-util-to-string';
import { Link } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import { tableStyles } from '../ArticleHtml/articleStyles';
import Alert, { Color } from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { CodeBlock } from '../CodeBlock';
import { MermaidDiagram } from '../MermaidDiagram';
import { HastElement } from './hastTypes';
import { jumpToHeading } from './jumpToHeading';
import { CalloutKind, rehypeCallouts } from './rehypeCallouts';
import { rehypeHeadingIds } from './rehypeHeadingIds';
import { guidanceSanitizeSchema, safeUrl } from './sanitizeSchema';

const useStyles = makeStyles(theme => ({
  article: {
    ...theme.typography.body1,
    color: theme.palette.text.primary,
    lineHeight: 1.7,
    overflowWrap: 'break-word',
    '& h1, & h2, & h3, & h4, & h5, & h6': {
      position: 'relative',
      color: theme.palette.text.primary,
      lineHeight: 1.3,
      scrollMarginTop: theme.spacing(3),
      '&:focus': { outline: 'none' },
      '&:hover > a[data-heading-anchor], & > a[data-heading-anchor]:focus': {
        opacity: 1,
      },
    },
    '& h2': {
      ...theme.typography.h4,
      marginTop: theme.spacing(5),
      marginBottom: theme.spacing(2),
      paddingBottom: theme.spacing(1),
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
    '& h3': {
      ...theme.typography.h5,
      marginTop: theme.spacing(4),
      marginBottom: theme.spacing(1.5),
    },
    '& h4, & h5, & h6': {
      ...theme.typography.h6,
      marginTop: theme.spacing(3),
      marginBottom: theme.spacing(1),
    },
    '& p, & ul, & ol': { marginTop: 0, marginBottom: theme.spacing(2) },
    '& li + li': { marginTop: theme.spacing(0.5) },
    '& li.task-list-item': { listStyle: 'none' },
    '& ul.contains-task-list': { paddingLeft: theme.spacing(2) },
    '& li.task-list-item input': { marginRight: theme.spacing(1) },
    '& a': { color: theme.palette.primary.main },
    '& a:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
    '& :not(pre) > code': {
      fontFamily: 'monospace',
      fontSize: '0.875em',
      padding: '0.1em 0.35em',
      borderRadius: theme.shape.borderRadius,
      backgroundColor: theme.palette.action.hover,
    },
    '& blockquote:not([data-callout])': {
      margin: theme.spacing(2, 0),
      padding: theme.spacing(0.5, 2),
      color: theme.palette.text.secondary,
      borderLeft: `4px solid ${theme.palette.divider}`,
    },
    '& hr': {
      border: 0,
      borderTop: `1px solid ${theme.palette.divider}`,
      margin: theme.spacing(4, 0),
    },
    '& img': { maxWidth: '100%' },
  },
  headingAnchor: {
    marginLeft: theme.spacing(1),
    opacity: 0,
    textDecoration: 'none',
    color: `${theme.palette.text.secondary} !important`,
    fontWeight: 'normal',
    transition: theme.transitions.create('opacity'),
  },
  tableWrapper: {
    overflowX: 'auto',
    margin: theme.spacing(2, 0),
    ...tableStyles(theme),
  },
  callout: {
    margin: theme.spacing(2, 0),
    '& p:last-child': { marginBottom: 0 },
    '& .MuiAlert-message': { width: '100%', overflowX: 'auto' },
  },
}));

const CALLOUTS: Record<CalloutKind, { severity: Color; title: string }> = {
  note: { severity: 'info', title: 'Note' },
  tip: { severity: 'success', title: 'Tip' },
  important: { severity: 'info', title: 'Important' },
  warning: { severity: 'warning', title: 'Warning' },
  caution: { severity: 'error', title: 'Caution' },
};

type RendererProps = { node?: HastElement; children?: ReactNode };

function Heading(props: RendererProps & { level: number; id?: string }) {
  const { level, id, node, children } = props;
  const classes = useStyles();
  // the page header holds the only h1; a `#` heading in an article becomes a section
  const Tag = `h${Math.max(level, 2)}` as 'h2';
  const text = node ? hastToString(node as any) : '';
  const onAnchorClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (id && jumpToHeading(id, { smooth: true, updateUrl: true })) {
      event.preventDefault();
    }
  };
  return (
    <Tag id={id} data-level={level}>
      {children}
      {id && (
        <a
          href={`#${id}`}
          data-heading-anchor
          aria-label={`Link to section: ${text}`}
          className={classes.headingAnchor}
          onClick={onAnchorClick}
        >
          #
        </a>
      )}
    </Tag>
  );
}

function MarkdownLink(
  props: RendererProps & { href?: string; title?: string },
) {
  const { href, title, children } = props;
  const url = safeUrl(href);
  if (!url) {
    // an unsafe or missing URL: keep the text, drop the link
    return <span>{children}</span>;
  }
  if (url.startsWith('#')) {
    const id = url.slice(1);
    return (
      <a
        href={url}
        title={title}
        onClick={event => {
          if (
            jumpToHeading(decodeURIComponent(id), {
              smooth: true,
              updateUrl: true,
            })
          ) {
            event.preventDefault();
          }
        }}
      >
        {children}
      </a>
    );
  }
  return (
    <Link to={url} title={title}>
      {children}
    </Link>
  );
}

function Code(props: RendererProps & { inline?: boolean; className?: string }) {
  const { inline, className, children } = props;
  if (inline) {
    return <code>{children}</code>;
  }
  const language = /(?:^|\s)language-([\w+#-]+)/.exec(className ?? '')?.[1];
  const code = String(children ?? '').replace(/\n$/, '');
  if (language === 'mermaid') {
    return <MermaidDiagram source={code} />;
  }
  return <CodeBlock code={code} language={language} />;
}

// Code blocks draw their own <pre>, so the one around them is dropped
function Pre(props: RendererProps) {
  return <>{props.children}</>;
}

function Blockquote(props: RendererProps) {
  const { node, children } = props;
  const classes = useStyles();
  const kind = node?.properties?.dataCallout as CalloutKind | undefined;
  const callout = kind ? CALLOUTS[kind] : undefined;
  if (!kind || !callout) {
    return <blockquote>{children}</blockquote>;
  }
  return (
    <Alert
      severity={callout.severity}
      className={classes.callout}
      data-callout={kind}
      role="note"
      aria-label={callout.title}
    >
      <AlertTitle>{callout.title}</AlertTitle>
      {children}
    </Alert>
  );
}

function Table(props: RendererProps) {
  const classes = useStyles();
  return (
    <div className={classes.tableWrapper}>
      <table>{props.children}</table>
    </div>
  );
}

function Image(
  props: RendererProps & { src?: string; alt?: string; title?: string },
) {
  const src = safeUrl(props.src);
  return src ? (
    <img src={src} alt={props.alt ?? ''} title={props.title} loading="lazy" />
  ) : null;
}

const components = {
  h1: Heading,
  h2: Heading,
  h3: Heading,
  h4: Heading,
  h5: Heading,
  h6: Heading,
  a: MarkdownLink,
  code: Code,
  pre: Pre,
  blockquote: Blockquote,
  table: Table,
  img: Image,
} as Components;

const remarkPlugins = [remarkGfm];
// Sanitize first: everything after it (ids, callout markers) is added by our own code
const rehypePlugins = [
  [rehypeSanitize, guidanceSanitizeSchema],
  rehypeHeadingIds,
  rehypeCallouts,
] as any;

/**
 * An article's Markdown, sanitized and rendered: GFM, anchored headings with the same ids
 * as the backend's table of contents, highlighted code with copy buttons, callouts and
 * Mermaid diagrams. Memoized on the Markdown, so scrolling and table-of-contents updates
 * never re-render the article.
 */
export const MarkdownArticle = memo(function MarkdownArticleBody(props: {
  markdown: string;
  className?: string;
}) {
  const classes = useStyles();
  return (
    <div
      className={`${classes.article} ${props.className ?? ''}`}
      data-testid="guidance-article"
    >
      <ReactMarkdown
        remarkPlugins={remarkPlugins}
        rehypePlugins={rehypePlugins}
        components={components}
        transformLinkUri={safeUrl}
        transformImageUri={safeUrl}
      >
        {props.markdown}
      </ReactMarkdown>
    </div>
  );
});
