import { useEffect, useRef, useState } from 'react';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import CheckIcon from '@material-ui/icons/Check';
import FileCopyOutlinedIcon from '@material-ui/icons/FileCopyOutlined';
import oneDark from 'react-syntax-highlighter/dist/esm/styles/prism/one-dark';
import oneLight from 'react-syntax-highlighter/dist/esm/styles/prism/one-light';
import { SyntaxHighlighter, prismLanguage } from './prismLanguages';

const useStyles = makeStyles(theme => ({
  root: {
    position: 'relative',
    margin: theme.spacing(2, 0),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    overflow: 'hidden',
  },
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    minHeight: theme.spacing(4),
    padding: theme.spacing(0, 0.5, 0, 1.5),
    backgroundColor: theme.palette.background.default,
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  language: {
    color: theme.palette.text.secondary,
    fontFamily: 'monospace',
    textTransform: 'lowercase',
  },
  copyButton: {
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
    },
  },
  code: {
    '& pre': {
      margin: '0 !important',
      borderRadius: '0 !important',
      fontSize: '0.85rem !important',
    },
  },
  status: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

export type CodeBlockProps = {
  code: string;
  language?: string;
};

/** A highlighted code block with a copy button. */
export function CodeBlock(props: CodeBlockProps) {
  const { code, language } = props;
  const classes = useStyles();
  const theme = useTheme();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>(
    'idle',
  );
  const resetTimer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => () => clearTimeout(resetTimer.current), []);

  const copy = async () => {
    clearTimeout(resetTimer.current);
    try {
      await navigator.clipboard.writeText(code);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
    resetTimer.current = setTimeout(() => setCopyState('idle'), 2000);
  };

  const status = {
    idle: '',
    copied: 'Copied to clipboard',
    failed: 'Could not copy: the browser refused clipboard access',
  }[copyState];

  return (
    <div className={classes.root}>
      <div className={classes.toolbar}>
        <Typography variant="caption" className={classes.language}>
          {language ?? 'text'}
        </Typography>
        <Tooltip title={copyState === 'copied' ? 'Copied' : 'Copy code'}>
          <IconButton
            size="small"
            aria-label="Copy code"
            className={classes.copyButton}
            onClick={copy}
          >
            {copyState === 'copied' ? (
              <CheckIcon fontSize="small" />
            ) : (
              <FileCopyOutlinedIcon fontSize="small" />
            )}
          </IconButton>
        </Tooltip>
      </div>
      <div className={classes.code}>
        <SyntaxHighlighter
          language={prismLanguage(language)}
          style={theme.palette.type === 'dark' ? oneDark : oneLight}
          wrapLongLines={false}
        >
          {code}
        </SyntaxHighlighter>
      </div>
      <span role="status" className={classes.status}>
        {status}
      </span>
    </div>
  );
}
