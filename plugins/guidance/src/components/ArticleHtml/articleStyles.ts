import { Theme, makeStyles } from '@material-ui/core/styles';

/** Prism token colours for the class names the reader highlights to, readable on both themes. */
function tokenColours(theme: Theme) {
  const dark = theme.palette.type === 'dark';
  const c = dark
    ? {
        comment: '#7f848e',
        keyword: '#c678dd',
        string: '#98c379',
        number: '#d19a66',
        fn: '#61afef',
        key: '#e06c75',
        punct: '#abb2bf',
        builtin: '#e5c07b',
        op: '#56b6c2',
      }
    : {
        comment: '#6a737d',
        keyword: '#a626a4',
        string: '#50a14f',
        number: '#b35900',
        fn: '#4078f2',
        key: '#e45649',
        punct: '#383a42',
        builtin: '#986801',
        op: '#0184bc',
      };
  return {
    '& .token.comment, & .token.prolog, & .token.doctype, & .token.cdata': {
      color: c.comment,
      fontStyle: 'italic',
    },
    '& .token.keyword, & .token.important, & .token.rule, & .token.selector': {
      color: c.keyword,
    },
    '& .token.string, & .token.char, & .token.attr-value, & .token.regex, & .token.inserted':
      { color: c.string },
    '& .token.number, & .token.boolean, & .token.constant, & .token.unit, & .token.null':
      { color: c.number },
    '& .token.function, & .token.function-name': { color: c.fn },
    '& .token.atrule, & .token.property, & .token.attr-name, & .token.tag, & .token.key, & .token.deleted':
      { color: c.key },
    '& .token.punctuation': { color: c.punct },
    '& .token.builtin, & .token.class-name, & .token.variable, & .token.namespace':
      { color: c.builtin },
    '& .token.operator, & .token.entity, & .token.url': { color: c.op },
    '& .token.bold': { fontWeight: 'bold' },
    '& .token.italic': { fontStyle: 'italic' },
  };
}

const CALLOUT_PALETTE = {
  note: 'info',
  important: 'info',
  tip: 'success',
  warning: 'warning',
  caution: 'error',
} as const;

function callouts(theme: Theme) {
  const styles: Record<string, object> = {};
  for (const [kind, key] of Object.entries(CALLOUT_PALETTE)) {
    const colour = theme.palette[key];
    const dark = theme.palette.type === 'dark';
    styles[`& .callout-${kind}`] = {
      borderLeftColor: colour.main,
      backgroundColor: dark ? 'rgba(255,255,255,0.04)' : `${colour.light}26`,
      '& > .callout-title': { color: dark ? colour.light : colour.dark },
    };
  }
  return styles;
}

/** Tables in an article. */
function tableStyles(theme: Theme) {
  return {
    '& table': {
      borderCollapse: 'collapse',
      minWidth: '50%',
      fontSize: '0.9rem',
    },
    '& th, & td': {
      padding: theme.spacing(0.75, 1.5),
      border: `1px solid ${theme.palette.divider}`,
      textAlign: 'left',
      verticalAlign: 'top',
    },
    '& th': {
      backgroundColor: theme.palette.background.default,
      fontWeight: theme.typography.fontWeightBold,
    },
    '& tbody tr:nth-child(even)': {
      backgroundColor: theme.palette.action.hover,
    },
  } as const;
}

/** Headings, their anchor links and their "Report a problem" link. */
function headingStyles(theme: Theme) {
  return {
    '& h2, & h3, & h4, & h5, & h6': {
      position: 'relative',
      color: theme.palette.text.primary,
      lineHeight: 1.3,
      scrollMarginTop: theme.spacing(3),
      '&:focus': { outline: 'none' },
      '&:hover > .heading-anchor, & > .heading-anchor:focus, &:hover > .report-issue, & > .report-issue:focus':
        { opacity: 1 },
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
    '& .heading-anchor': {
      marginLeft: theme.spacing(1),
      opacity: 0,
      textDecoration: 'none',
      color: `${theme.palette.text.secondary} !important`,
      fontWeight: 'normal',
      transition: theme.transitions.create('opacity'),
    },
    // the heading's "Report a problem" link (ReportIssue): quiet until the heading is hovered, and
    // in the heading's top margin, so adding it after the first paint never re-wraps a heading
    '& .report-issue': {
      ...theme.typography.caption,
      position: 'absolute',
      right: 0,
      bottom: '100%',
      opacity: 0,
      userSelect: 'none',
      whiteSpace: 'nowrap',
      color: `${theme.palette.text.secondary} !important`,
      transition: theme.transitions.create('opacity'),
    },
  } as const;
}

/** Code blocks: the frame, the toolbar with the language and the copy button, the code. */
function codeBlockStyles(theme: Theme) {
  return {
    '& .code-block': {
      position: 'relative',
      margin: theme.spacing(2, 0),
      border: `1px solid ${theme.palette.divider}`,
      borderRadius: theme.shape.borderRadius,
      overflow: 'hidden',
    },
    '& .code-toolbar': {
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'space-between',
      minHeight: theme.spacing(4),
      padding: theme.spacing(0, 0.5, 0, 1.5),
      backgroundColor: theme.palette.background.default,
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
    '& .code-language': {
      ...theme.typography.caption,
      color: theme.palette.text.secondary,
      fontFamily: 'monospace',
      textTransform: 'lowercase',
    },
    '& .copy-button': {
      ...theme.typography.caption,
      cursor: 'pointer',
      border: 0,
      borderRadius: theme.shape.borderRadius,
      padding: theme.spacing(0.25, 1),
      color: theme.palette.text.secondary,
      background: 'transparent',
      '&:hover': { backgroundColor: theme.palette.action.hover },
    },
    '& .code-block pre, & pre.mermaid-source': {
      margin: 0,
      padding: theme.spacing(1.5, 2),
      overflowX: 'auto',
      fontSize: '0.85rem',
      lineHeight: 1.5,
      backgroundColor:
        theme.palette.type === 'dark' ? '#282c34' : theme.palette.grey[50],
      color: theme.palette.type === 'dark' ? '#abb2bf' : '#383a42',
    },
    '& .code-block code': { fontFamily: 'monospace' },
  } as const;
}

/** The article's typography and the look of what the backend renders. */
export const useArticleStyles = makeStyles(theme => ({
  article: {
    ...theme.typography.body1,
    color: theme.palette.text.primary,
    lineHeight: 1.7,
    overflowWrap: 'break-word',
    // blocks off screen are not laid out or painted until they come near: the first screen
    // paints without laying out the whole article (headings stay laid out, for the TOC)
    '& > :not(h1):not(h2):not(h3):not(h4):not(h5):not(h6)': {
      contentVisibility: 'auto',
      containIntrinsicSize: 'auto 4em',
    },
    ...headingStyles(theme),
    '& p, & ul, & ol': { marginTop: 0, marginBottom: theme.spacing(2) },
    '& li + li': { marginTop: theme.spacing(0.5) },
    '& li.task-list-item': { listStyle: 'none' },
    '& ul.contains-task-list': { paddingLeft: theme.spacing(2) },
    '& li.task-list-item input': { marginRight: theme.spacing(1) },
    '& a': { color: theme.palette.primary.main },
    '& a:focus-visible, & button:focus-visible': {
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
    '& blockquote': {
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
    // tables
    '& .table-wrapper': { overflowX: 'auto', margin: theme.spacing(2, 0) },
    ...tableStyles(theme),
    // callouts
    '& .callout': {
      margin: theme.spacing(2, 0),
      padding: theme.spacing(1.5, 2),
      borderLeft: '4px solid',
      borderRadius: theme.shape.borderRadius,
      overflowX: 'auto',
      '& > .callout-title': {
        fontWeight: theme.typography.fontWeightMedium,
        marginBottom: theme.spacing(0.5),
      },
      '& p:last-child': { marginBottom: 0 },
    },
    ...callouts(theme),
    // code
    ...codeBlockStyles(theme),
    ...tokenColours(theme),
    '& .visually-hidden': {
      position: 'absolute',
      width: 1,
      height: 1,
      overflow: 'hidden',
      clip: 'rect(0 0 0 0)',
      whiteSpace: 'nowrap',
    },
    // diagrams
    '& pre.mermaid-source': {
      margin: theme.spacing(2, 0),
      border: `1px solid ${theme.palette.divider}`,
      borderRadius: theme.shape.borderRadius,
    },
    '& figure.mermaid-diagram': {
      margin: theme.spacing(2, 0),
      padding: theme.spacing(2),
      overflowX: 'auto',
      textAlign: 'center',
      backgroundColor: theme.palette.background.paper,
      border: `1px solid ${theme.palette.divider}`,
      borderRadius: theme.shape.borderRadius,
      '& svg': { maxWidth: '100%', height: 'auto' },
    },
    '& .mermaid-note': {
      ...theme.typography.body2,
      color: theme.palette.text.secondary,
      margin: theme.spacing(2, 0, 0.5),
    },
  },
}));
