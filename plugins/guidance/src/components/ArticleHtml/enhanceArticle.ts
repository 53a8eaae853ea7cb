import { jumpToHeading, recentJumpTarget } from './jumpToHeading';

const COPY_RESET_MS = 2000;

/**
 * Gives every code block a copy button, in place. Returns a cleanup that removes them (the
 * HTML they were added to is React's to replace). Nothing is parsed again.
 */
/**
 * A "#" link beside every heading with an id, so a reader can copy a section's address. Added
 * here rather than by the backend: the article response stays smaller by one link per heading.
 */
export function addHeadingAnchors(root: HTMLElement): void {
  root
    .querySelectorAll<HTMLElement>('h2[id], h3[id], h4[id], h5[id], h6[id]')
    .forEach(heading => {
      if (heading.querySelector(':scope > .heading-anchor')) return;
      const label = (heading.textContent ?? '').trim();
      const anchor = document.createElement('a');
      anchor.href = `#${heading.id}`;
      anchor.className = 'heading-anchor';
      anchor.setAttribute('aria-label', `Link to section: ${label}`);
      anchor.textContent = '#';
      heading.appendChild(anchor);
    });
}

export function addCopyButtons(root: HTMLElement): () => void {
  const added: HTMLElement[] = [];
  const timers: ReturnType<typeof setTimeout>[] = [];
  root.querySelectorAll<HTMLElement>('.code-block').forEach(block => {
    const toolbar = block.querySelector('.code-toolbar');
    const code = block.querySelector('pre code, pre');
    if (!toolbar || !code || toolbar.querySelector('.copy-button')) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.setAttribute('aria-label', 'Copy code');
    button.textContent = 'Copy';
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.className = 'visually-hidden';
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(code.textContent ?? '');
        button.textContent = 'Copied';
        status.textContent = 'Copied to clipboard';
      } catch {
        button.textContent = 'Copy failed';
        status.textContent =
          'Could not copy: the browser refused clipboard access';
      }
      timers.push(
        setTimeout(() => {
          button.textContent = 'Copy';
          status.textContent = '';
        }, COPY_RESET_MS),
      );
    });
    toolbar.append(button, status);
    added.push(button, status);
  });
  return () => {
    timers.forEach(clearTimeout);
    added.forEach(el => el.remove());
  };
}

/**
 * What a click on a link inside the article does: `#heading` scrolls without a router
 * navigation, an app path goes through the router, anything else is left to the browser.
 */
export function handleArticleClick(
  event: MouseEvent | React.MouseEvent,
  navigate: (to: string) => void,
) {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return;
  }
  const anchor = (event.target as Element | null)?.closest?.('a[href]');
  const href = anchor?.getAttribute('href');
  if (!href) return;
  if (href.startsWith('#')) {
    let id = href.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // keep it as written
    }
    if (jumpToHeading(id, { smooth: true, updateUrl: true })) {
      event.preventDefault();
    }
    return;
  }
  if (href.startsWith('/') && !href.startsWith('//')) {
    event.preventDefault();
    navigate(href);
  }
}

let diagramCount = 0;

const IDLE_DRAW_MS = 2000;

/**
 * Calls `draw` once any of the article's diagrams comes near the viewport, or when the
 * browser has been idle a while after the first paint (or at once where IntersectionObserver
 * is missing). Mermaid is over 500 KiB: the first paint never waits for it. Returns a cleanup.
 */
export function whenDiagramsNear(
  root: HTMLElement,
  draw: () => void,
): () => void {
  const blocks = root.querySelectorAll(
    'pre[data-mermaid], figure[data-mermaid-source]',
  );
  if (blocks.length === 0) return () => undefined;
  if (typeof IntersectionObserver === 'undefined') {
    draw();
    return () => undefined;
  }
  const state: {
    done: boolean;
    observer?: IntersectionObserver;
    idle?: ReturnType<typeof setTimeout>;
  } = { done: false };
  const stop = () => {
    state.done = true;
    state.observer?.disconnect();
    clearTimeout(state.idle);
  };
  const once = () => {
    if (state.done) return;
    stop();
    draw();
  };
  const observer = new IntersectionObserver(
    entries => {
      if (entries.some(e => e.isIntersecting)) once();
    },
    { rootMargin: '600px 0px' },
  );
  state.observer = observer;
  blocks.forEach(block => observer.observe(block));
  state.idle = setTimeout(() => {
    const ric = (window as any).requestIdleCallback as
      | ((cb: () => void, o: { timeout: number }) => void)
      | undefined;
    if (ric) ric(once, { timeout: IDLE_DRAW_MS });
    else once();
  }, IDLE_DRAW_MS);
  return stop;
}

/** The element that scrolls `el` (the page itself when no ancestor does). */
function scrollerOf(el: HTMLElement): { scrollBy(x: number, y: number): void } {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if (
      (overflow === 'auto' || overflow === 'scroll') &&
      p.scrollHeight > p.clientHeight
    ) {
      return p;
    }
  }
  return window;
}

/**
 * Runs `change` (which may resize `block`) without moving the heading the reader jumped to:
 * a diagram drawn late above the `#heading` in the address would otherwise push it away.
 */
function keepHashTargetInPlace(block: HTMLElement, change: () => void) {
  const id = decodeURIComponent(window.location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  const below =
    target &&
    // eslint-disable-next-line no-bitwise
    block.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING;
  if (!target || !below) {
    change();
    return;
  }
  const before = target.getBoundingClientRect().top;
  change();
  if (recentJumpTarget() === id) {
    // a (smooth) jump to it may still be under way: land on the heading where it is now
    target.scrollIntoView?.({ block: 'start' });
    return;
  }
  const delta = target.getBoundingClientRect().top - before;
  if (delta !== 0) scrollerOf(target).scrollBy(0, delta);
}

/**
 * Draws the article's Mermaid blocks. Mermaid is large, so it is imported only here, and
 * only when the article has one; `securityLevel: 'strict'` keeps labels from carrying HTML
 * or script. A diagram that cannot be drawn keeps its source, with a note.
 */
export async function renderDiagrams(
  root: HTMLElement,
  options: { dark: boolean; isCancelled: () => boolean },
): Promise<void> {
  const blocks = [
    ...root.querySelectorAll<HTMLElement>(
      'pre[data-mermaid], figure[data-mermaid-source]',
    ),
  ];
  if (blocks.length === 0) return;
  const { default: mermaid } = await import('mermaid');
  if (options.isCancelled()) return;
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: options.dark ? 'dark' : 'default',
  });
  for (const block of blocks) {
    const source =
      block.tagName === 'PRE'
        ? block.textContent ?? ''
        : block.dataset.mermaidSource ?? '';
    diagramCount += 1;
    const id = `guidance-mermaid-${diagramCount}`;
    try {
      const { svg } = await mermaid.render(id, source);
      if (options.isCancelled() || !block.isConnected) return;
      const figure = document.createElement('figure');
      figure.className = 'mermaid-diagram';
      figure.setAttribute('role', 'img');
      figure.setAttribute('aria-label', 'Diagram');
      figure.dataset.testid = 'mermaid-diagram';
      figure.dataset.mermaidSource = source;
      // mermaid's output, sanitized by mermaid itself under securityLevel 'strict'
      figure.innerHTML = svg;
      keepHashTargetInPlace(block, () => block.replaceWith(figure));
    } catch (error) {
      // a failed render can leave mermaid's scratch element behind in the body
      document.getElementById(`d${id}`)?.remove();
      if (block.tagName === 'PRE' && !block.dataset.failed) {
        block.dataset.failed = 'true';
        block.dataset.testid = 'mermaid-fallback';
        const note = document.createElement('p');
        note.className = 'mermaid-note';
        note.textContent = `This diagram could not be drawn (${
          (error as Error).message
        }); its source is shown instead.`;
        block.before(note);
      }
    }
  }
}
