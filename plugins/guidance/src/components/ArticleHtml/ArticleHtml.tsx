import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTheme } from '@material-ui/core/styles';
import { useArticleStyles } from './articleStyles';
import {
  addCopyButtons,
  addHeadingAnchors,
  handleArticleClick,
  renderDiagrams,
  whenDiagramsNear,
} from './enhanceArticle';
import { highlightCode } from './highlightCode';
import { sanitizeArticleHtml } from './sanitizeHtml';

/**
 * An article body the backend rendered: sanitized once more here, inserted as it is, then
 * enhanced in place — copy buttons on code, anchor clicks that scroll, code highlighted and
 * Mermaid drawn lazily. No Markdown parser runs in the browser. Memoized on the HTML, so
 * scrolling and table-of-contents updates never touch it.
 */
export const ArticleHtml = memo(function ArticleHtmlBody(props: {
  html: string;
  className?: string;
}) {
  const { html } = props;
  const classes = useArticleStyles();
  const navigate = useNavigate();
  const dark = useTheme().palette.type === 'dark';
  const ref = useRef<HTMLDivElement>(null);
  const clean = useMemo(() => ({ __html: sanitizeArticleHtml(html) }), [html]);

  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return undefined;
    addHeadingAnchors(root);
    return addCopyButtons(root);
  }, [clean]);

  useEffect(() => {
    const root = ref.current;
    if (!root) return undefined;
    let cancelled = false;
    highlightCode(root, { isCancelled: () => cancelled }).catch(
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [clean]);

  useEffect(() => {
    const root = ref.current;
    if (!root) return undefined;
    let cancelled = false;
    const stop = whenDiagramsNear(root, () => {
      renderDiagrams(root, { dark, isCancelled: () => cancelled }).catch(
        () => undefined,
      );
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [clean, dark]);

  return (
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div
      ref={ref}
      className={`${classes.article} ${props.className ?? ''}`}
      data-testid="guidance-article"
      onClick={event => handleArticleClick(event, navigate)}
      dangerouslySetInnerHTML={clean}
    />
  );
});
