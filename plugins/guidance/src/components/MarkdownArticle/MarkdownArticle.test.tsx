import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { createHeadingSlugger } from '@paved-road/plugin-guidance-common';
import { MarkdownArticle } from './MarkdownArticle';
import { safeUrl } from './sanitizeSchema';

const mermaidRender = jest.fn();
jest.mock('mermaid', () => ({
  __esModule: true,
  default: {
    initialize: jest.fn(),
    render: (...args: unknown[]) => mermaidRender(...args),
  },
}));

const article = `
Intro paragraph.

## Sizing \`max_connections\`

Text.

### Repeat

### Repeat

## Ports & protocols: *TCP* / UDP

> [!WARNING]
> Never expose the admin port.

> [!TIP]
> Use a pool.

> Just a quote.

| Item | Value |
| --- | --- |
| Pool size | 20 |

- [x] probes set
- [ ] limits set

\`\`\`yaml
replicas: 3
\`\`\`

\`\`\`mermaid
graph TD; A-->B
\`\`\`
`;

describe('MarkdownArticle', () => {
  beforeEach(() => {
    mermaidRender.mockReset();
    mermaidRender.mockResolvedValue({ svg: '<svg data-testid="drawn"></svg>' });
  });

  it('gives headings the same ids as the shared slugger, with anchor links', async () => {
    await renderInTestApp(<MarkdownArticle markdown={article} />);
    const slug = createHeadingSlugger();
    const expected = [
      'Sizing max_connections',
      'Repeat',
      'Repeat',
      'Ports & protocols: TCP / UDP',
    ].map(text => slug(text));
    expect(expected).toEqual([
      'sizing-max_connections',
      'repeat',
      'repeat-1',
      'ports--protocols-tcp--udp',
    ]);
    const ids = screen.getAllByRole('heading').map(h => h.getAttribute('id'));
    expect(ids).toEqual(expected);
    const anchors = screen.getAllByRole('link', {
      name: 'Link to section: Repeat',
    });
    expect(anchors.map(a => a.getAttribute('href'))).toEqual([
      '#repeat',
      '#repeat-1',
    ]);
  });

  it('renders GitHub alerts as callouts without the marker', async () => {
    await renderInTestApp(<MarkdownArticle markdown={article} />);
    const warning = document.querySelector(
      '[data-callout="warning"]',
    ) as HTMLElement;
    expect(warning).not.toBeNull();
    expect(warning).toHaveTextContent('Never expose the admin port.');
    expect(warning).not.toHaveTextContent('[!WARNING]');
    expect(warning.className).toMatch(/standardWarning/);
    expect(document.querySelector('[data-callout="tip"]')?.className).toMatch(
      /standardSuccess/,
    );
    // an ordinary quote stays a quote
    expect(
      screen.getByText('Just a quote.').closest('blockquote'),
    ).not.toBeNull();
  });

  it('renders GFM tables and task lists', async () => {
    await renderInTestApp(<MarkdownArticle markdown={article} />);
    const table = screen.getByRole('table');
    expect(
      within(table).getByRole('columnheader', { name: 'Item' }),
    ).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: '20' })).toBeInTheDocument();
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes).toHaveLength(2);
    expect(boxes[0]).toBeChecked();
    expect(boxes[1]).not.toBeChecked();
  });

  it('highlights code and copies it', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    });
    await renderInTestApp(<MarkdownArticle markdown={article} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('replicas: 3'));
    expect(await screen.findByText('Copied to clipboard')).toBeInTheDocument();
    // Prism tokenized the YAML
    expect(document.querySelector('.token')).not.toBeNull();
  });

  it('draws mermaid diagrams with strict security, and shows the source when that fails', async () => {
    const { unmount } = await renderInTestApp(
      <MarkdownArticle markdown={article} />,
    );
    expect(await screen.findByTestId('mermaid-diagram')).toBeInTheDocument();
    expect(mermaidRender).toHaveBeenCalledWith(
      expect.any(String),
      'graph TD; A-->B',
    );
    const mermaid = jest.requireMock('mermaid').default;
    expect(mermaid.initialize).toHaveBeenCalledWith(
      expect.objectContaining({ securityLevel: 'strict' }),
    );
    unmount();

    mermaidRender.mockRejectedValue(new Error('Parse error on line 1'));
    await renderInTestApp(<MarkdownArticle markdown={article} />);
    const fallback = await screen.findByTestId('mermaid-fallback');
    expect(fallback).toHaveTextContent('graph TD; A-->B');
    expect(fallback).toHaveTextContent('Parse error on line 1');
  });

  it('does not load mermaid for an article without diagrams', async () => {
    await renderInTestApp(
      <MarkdownArticle markdown={'## Only text\n\n```bash\nls\n```'} />,
    );
    expect(mermaidRender).not.toHaveBeenCalled();
  });

  it('sanitizes hostile markdown', async () => {
    const hostile = [
      '## Hello <script>window.pwned = 1</script>',
      '<script>alert(1)</script>',
      '<img src=x onerror="window.pwned = 2">',
      '<iframe src="https://evil.example"></iframe>',
      '<a href="javascript:alert(3)" onclick="alert(4)">raw link</a>',
      '[click me](javascript:alert(1))',
      '[tab trick](java\tscript:alert(1))',
      '<javascript:alert(5)>',
      '![pic](javascript:alert(6))',
      '[ok](https://example.com/docs)',
      '<div onmouseover="alert(7)" style="position:fixed">styled</div>',
    ].join('\n\n');
    await renderInTestApp(<MarkdownArticle markdown={hostile} />);
    const root = screen.getByTestId('guidance-article');
    expect(
      root.querySelector('script, iframe, object, embed, style'),
    ).toBeNull();
    for (const element of Array.from(root.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        expect(attribute.name).not.toMatch(/^on/i);
        expect(attribute.name).not.toBe('style');
        expect(attribute.value).not.toMatch(/^\s*(javascript|vbscript|data):/i);
      }
    }
    expect(screen.getByText('click me').closest('a')).toBeNull();
    expect(screen.getByRole('link', { name: /^ok/ })).toHaveAttribute(
      'href',
      'https://example.com/docs',
    );
    expect((window as any).pwned).toBeUndefined();
  });
});

describe('safeUrl', () => {
  /* eslint-disable no-script-url -- these are the URLs under test */
  it.each([
    ['javascript:alert(1)', ''],
    ['JaVaScRiPt:alert(1)', ''],
    [' java\tscript:alert(1)', ''],
    ['data:text/html;base64,xx', ''],
    ['vbscript:msgbox', ''],
    ['https://example.com', 'https://example.com'],
    ['mailto:sre@example.com', 'mailto:sre@example.com'],
    ['/guidance/saga-pattern#steps', '/guidance/saga-pattern#steps'],
    ['#section', '#section'],
    ['other-article', 'other-article'],
    ['/a/b:c', '/a/b:c'],
  ])('%j → %j', (input, output) => {
    /* eslint-enable no-script-url */
    expect(safeUrl(input)).toBe(output);
  });
});
