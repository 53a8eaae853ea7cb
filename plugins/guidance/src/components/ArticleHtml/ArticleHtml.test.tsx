import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { renderInTestApp } from '@backstage/test-utils';
import { ArticleHtml } from './ArticleHtml';

const mermaidRender = jest.fn();
const mermaidInitialize = jest.fn();
jest.mock('mermaid', () => ({
  __esModule: true,
  default: {
    initialize: (...args: unknown[]) => mermaidInitialize(...args),
    render: (...args: unknown[]) => mermaidRender(...args),
  },
}));

// What the backend renders for a small article (see renderArticle.ts there).
const html = [
  '<p>Intro with <a href="/guidance/saga-pattern">a saga</a> and <a href="#sizing">a jump</a>.</p>',
  '<h2 id="sizing" data-level="2">Sizing</h2>',
  '<div class="callout callout-warning" data-callout="warning" role="note" aria-label="Warning"><p class="callout-title">Warning</p><p>Never expose the admin port.</p></div>',
  '<div class="table-wrapper"><table><thead><tr><th>Item</th></tr></thead><tbody><tr><td>20</td></tr></tbody></table></div>',
  '<div class="code-block" data-language="yaml"><div class="code-toolbar"><span class="code-language">yaml</span></div><pre class="language-yaml"><code class="language-yaml">replicas: 3</code></pre></div>',
].join('\n');

// A block in a language the reader has no grammar for stays as it came.
const unknownLanguage =
  '<div class="code-block" data-language="cobol"><div class="code-toolbar"><span class="code-language">cobol</span></div><pre class="language-cobol"><code class="language-cobol">MOVE 3 TO X.</code></pre></div>';

const diagram =
  '<pre class="mermaid-source" data-mermaid="">graph TD; A-->B</pre>';

function Where() {
  return <span data-testid="where">{useLocation().pathname}</span>;
}

async function renderHtml(value: string) {
  await renderInTestApp(
    <Routes>
      <Route
        path="/guidance/database-connection-pooling"
        element={<ArticleHtml html={value} />}
      />
      <Route path="*" element={<Where />} />
    </Routes>,
    { routeEntries: ['/guidance/database-connection-pooling'] },
  );
}

describe('ArticleHtml', () => {
  const scrollIntoView = jest.fn();
  beforeEach(() => {
    mermaidRender.mockReset();
    mermaidInitialize.mockReset();
    scrollIntoView.mockReset();
    Element.prototype.scrollIntoView = scrollIntoView;
  });

  it('gives every heading with an id one anchor link to its section', async () => {
    await renderHtml(
      `${html}\n<h3 id="pool-modes" data-level="3">Pool modes</h3><h3>No id</h3>`,
    );
    const sizing = screen.getByRole('link', {
      name: 'Link to section: Sizing',
    });
    expect(sizing).toHaveAttribute('href', '#sizing');
    expect(sizing).toHaveTextContent('#');
    expect(
      screen.getByRole('link', { name: 'Link to section: Pool modes' }),
    ).toHaveAttribute('href', '#pool-modes');
    expect(
      screen
        .getByTestId('guidance-article')
        .querySelectorAll('.heading-anchor'),
    ).toHaveLength(2);
  });

  it('paints the backend HTML as it is: ids, callouts, tables, highlighted code', async () => {
    await renderHtml(html);
    const article = screen.getByTestId('guidance-article');
    expect(screen.getByRole('heading', { name: /Sizing/ })).toHaveAttribute(
      'id',
      'sizing',
    );
    expect(article.querySelector('[data-callout="warning"]')).toHaveTextContent(
      'Never expose the admin port.',
    );
    expect(screen.getByRole('cell', { name: '20' })).toBeInTheDocument();
    // the backend sends code as text; the reader highlights it to Prism's classes
    await waitFor(() =>
      expect(article.querySelector('code .token.number')).toHaveTextContent(
        '3',
      ),
    );
    expect(article.querySelector('code .token.key')).toHaveTextContent(
      'replicas',
    );
    expect(article.querySelector('code')).toHaveTextContent('replicas: 3');
    // no diagram: Mermaid is never loaded
    await new Promise(r => setTimeout(r, 20));
    expect(mermaidInitialize).not.toHaveBeenCalled();
  });

  it('leaves code in a language it has no grammar for as plain text', async () => {
    await renderHtml(unknownLanguage);
    const code = screen.getByTestId('guidance-article').querySelector('code')!;
    await new Promise(r => setTimeout(r, 50));
    expect(code.children).toHaveLength(0);
    expect(code).toHaveTextContent('MOVE 3 TO X.');
  });

  it('adds copy buttons that copy the code', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    });
    await renderHtml(html);
    const button = screen.getByRole('button', { name: 'Copy code' });
    fireEvent.click(button);
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('replicas: 3'));
    await waitFor(() => expect(button).toHaveTextContent('Copied'));
    expect(screen.getByRole('status')).toHaveTextContent('Copied to clipboard');
  });

  it('scrolls for #links and routes app links without a page load', async () => {
    await renderHtml(html);
    fireEvent.click(screen.getByRole('link', { name: 'a jump' }));
    expect(scrollIntoView.mock.contexts.at(-1)).toBe(
      document.getElementById('sizing'),
    );
    expect(window.location.hash).toBe('#sizing');
    fireEvent.click(
      screen.getByRole('link', { name: 'Link to section: Sizing' }),
    );
    expect(scrollIntoView).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByRole('link', { name: 'a saga' }));
    expect(await screen.findByTestId('where')).toHaveTextContent(
      '/guidance/saga-pattern',
    );
  });

  it('sanitizes again in the browser: hostile HTML that got past the backend runs nothing', async () => {
    const hostile = [
      '<script>window.__probe = "script"</script>',
      '<img src="x" onerror="window.__probe = \'onerror\'" alt="broken">',
      '<iframe src="javascript:window.__probe=1"></iframe>',
      '<a href="javascript:window.__probe=2">raw link</a>',
      '<a href=" JaVaScRiPt:window.__probe=3">spaced link</a>',
      '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>',
      '<div onclick="window.__probe=4" style="position:fixed">click me</div>',
      '<form action="/x"><input name="q"></form>',
      '<svg><script>window.__probe=5</script><a xlink:href="javascript:1">svg</a></svg>',
      '<style>body{display:none}</style>',
      '<img name="cookie" src="y">',
    ].join('\n');
    await renderHtml(hostile);
    const article = screen.getByTestId('guidance-article');
    for (const name of ['raw link', 'spaced link', 'click me']) {
      fireEvent.click(screen.getByText(name));
    }
    expect((window as any).__probe).toBeUndefined();
    expect(
      article.querySelectorAll('script, iframe, style, form'),
    ).toHaveLength(0);
    const attributes = [...article.querySelectorAll('*')].flatMap(el =>
      [...el.attributes].map(a => `${a.name}=${a.value}`),
    );
    expect(attributes.filter(a => /^on|^style=|^name=/i.test(a))).toEqual([]);
    expect(attributes.filter(a => /javascript:|data:/i.test(a))).toEqual([]);
    expect(screen.getByText('click me')).toBeInTheDocument();
  });

  it('draws Mermaid lazily, and keeps the source when it cannot', async () => {
    mermaidRender.mockResolvedValueOnce({
      svg: '<svg data-testid="drawn"></svg>',
    });
    mermaidRender.mockRejectedValueOnce(new Error('Parse error on line 1'));
    await renderHtml(
      `${diagram}\n<pre class="mermaid-source" data-mermaid="">not a diagram</pre>`,
    );
    expect(await screen.findByTestId('mermaid-diagram')).toContainElement(
      screen.getByTestId('drawn'),
    );
    expect(mermaidInitialize).toHaveBeenCalledWith(
      expect.objectContaining({ securityLevel: 'strict' }),
    );
    expect(mermaidRender.mock.calls[0][1]).toBe('graph TD; A-->B');
    const fallback = await screen.findByTestId('mermaid-fallback');
    expect(fallback).toHaveTextContent('not a diagram');
    expect(
      screen.getByText(/could not be drawn \(Parse error on line 1\)/),
    ).toBeInTheDocument();
  });
});

describe('ArticleHtml diagrams far below the fold', () => {
  const observers: {
    callback: IntersectionObserverCallback;
    disconnected: boolean;
  }[] = [];
  beforeEach(() => {
    mermaidRender.mockReset();
    mermaidInitialize.mockReset();
    observers.length = 0;
    (window as any).IntersectionObserver = class {
      entry: { callback: IntersectionObserverCallback; disconnected: boolean };
      constructor(callback: IntersectionObserverCallback) {
        this.entry = { callback, disconnected: false };
        observers.push(this.entry);
      }
      observe() {}
      disconnect() {
        this.entry.disconnected = true;
      }
    };
  });
  afterEach(() => {
    delete (window as any).IntersectionObserver;
  });

  it('loads Mermaid only when a diagram comes near the viewport', async () => {
    mermaidRender.mockResolvedValue({ svg: '<svg data-testid="drawn"></svg>' });
    await renderHtml(`${html}\n${diagram}`);
    await new Promise(r => setTimeout(r, 20));
    expect(mermaidInitialize).not.toHaveBeenCalled();
    expect(observers).toHaveLength(1);
    observers[0].callback(
      [{ isIntersecting: true } as IntersectionObserverEntry],
      {} as IntersectionObserver,
    );
    expect(await screen.findByTestId('mermaid-diagram')).toBeInTheDocument();
    expect(observers[0].disconnected).toBe(true);
  });

  it('draws them anyway once the page has been idle a while', async () => {
    jest.useFakeTimers();
    try {
      mermaidRender.mockResolvedValue({
        svg: '<svg data-testid="drawn"></svg>',
      });
      await renderHtml(`${html}\n${diagram}`);
      expect(mermaidInitialize).not.toHaveBeenCalled();
      jest.advanceTimersByTime(2500);
    } finally {
      jest.useRealTimers();
    }
    expect(await screen.findByTestId('mermaid-diagram')).toBeInTheDocument();
  });
});
