import { useEffect, useState } from 'react';
import { Progress } from '@backstage/core-components';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { CodeBlock } from '../CodeBlock';

const useStyles = makeStyles(theme => ({
  figure: {
    margin: theme.spacing(2, 0),
    padding: theme.spacing(2),
    overflowX: 'auto',
    textAlign: 'center',
    backgroundColor: theme.palette.background.paper,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    '& svg': {
      maxWidth: '100%',
      height: 'auto',
    },
  },
}));

let diagramCount = 0;

type DiagramState =
  | { status: 'loading' }
  | { status: 'done'; svg: string }
  | { status: 'failed'; error: Error };

/**
 * Draws a ```mermaid block. Mermaid is large, so it is imported only when an article
 * actually contains a diagram; `securityLevel: 'strict'` keeps labels from carrying HTML
 * or script. If the diagram cannot be drawn, its source is shown instead.
 */
export function MermaidDiagram(props: { source: string }) {
  const { source } = props;
  const classes = useStyles();
  const dark = useTheme().palette.type === 'dark';
  const [state, setState] = useState<DiagramState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    diagramCount += 1;
    const id = `guidance-mermaid-${diagramCount}`;
    setState({ status: 'loading' });
    (async () => {
      try {
        const { default: mermaid } = await import('mermaid');
        mermaid.initialize({
          startOnLoad: false,
          securityLevel: 'strict',
          theme: dark ? 'dark' : 'default',
        });
        const { svg } = await mermaid.render(id, source);
        if (!cancelled) {
          setState({ status: 'done', svg });
        }
      } catch (error) {
        // a failed render can leave mermaid's scratch element behind in the body
        document.getElementById(`d${id}`)?.remove();
        if (!cancelled) {
          setState({ status: 'failed', error });
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [source, dark]);

  if (state.status === 'failed') {
    return (
      <div data-testid="mermaid-fallback">
        <Alert severity="info">
          This diagram could not be drawn ({state.error.message}); its source is
          shown instead.
        </Alert>
        <CodeBlock code={source} language="mermaid" />
      </div>
    );
  }
  if (state.status === 'loading') {
    return (
      <div
        className={classes.figure}
        aria-busy="true"
        aria-label="Loading diagram"
      >
        <Progress />
      </div>
    );
  }
  return (
    <figure
      className={classes.figure}
      role="img"
      aria-label="Diagram"
      data-testid="mermaid-diagram"
      // mermaid's output, sanitized by mermaid itself under securityLevel 'strict'
      dangerouslySetInnerHTML={{ __html: state.svg }}
    />
  );
}
