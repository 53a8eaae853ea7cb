import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { outline, parseArticle } from '../parseArticle';
import { renderArticleHtml, renderArticleHtmlCached } from './renderArticle';

const ARTICLES_DIR = resolve(
  __dirname,
  '../../../../guidance-backend-module-builtin-articles/articles',
);
const HOSTILE = resolve(
  __dirname,
  '../../../../../e2e-tests/fixtures/guidance/hostile-markdown.md',
);

const sample = `
Intro paragraph.

# Top heading

## Sizing \`max_connections\`

### Repeat

### Repeat

Setext heading
--------------

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
image: "app:1.2.3"
\`\`\`

\`\`\`
plain <b>text</b>
\`\`\`

\`\`\`mermaid
graph TD; A-->B["<img src=x onerror=alert(1)>"]
\`\`\`
`;

/** A minimal DOM-free look at the output: the opening tags matching a pattern. */
const tags = (html: string, pattern: RegExp) =>
  [...html.matchAll(/<[a-z][^>]*>/g)]
    .map(m => m[0])
    .filter(t => pattern.test(t));

describe('renderArticleHtml', () => {
  it('gives headings the ids of the table of contents, with anchor links', () => {
    const { html, headings } = renderArticleHtml(sample);
    const { toc } = outline(sample);
    expect(headings.map(h => h.id)).toEqual(toc.map(t => t.id));
    expect(headings.map(h => h.id)).toEqual([
      'top-heading',
      'sizing-max_connections',
      'repeat',
      'repeat-1',
      'setext-heading',
      'ports--protocols-tcp--udp',
    ]);
    // the page header holds the only h1
    expect(html).not.toMatch(/<h1/);
    expect(html).toContain('<h2 id="top-heading" data-level="1">');
    // the reader adds the anchor links; the response does not carry them
    expect(html).toContain('<h3 id="repeat-1" data-level="3">Repeat</h3>');
    expect(html).not.toContain('heading-anchor');
  });

  it('matches the table of contents for every built-in article', () => {
    const files = readdirSync(ARTICLES_DIR).filter(f => f.endsWith('.md'));
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const file of files) {
      const article = parseArticle({
        content: readFileSync(join(ARTICLES_DIR, file), 'utf8'),
        fallbackId: file.replace(/\.md$/, ''),
        origin: file,
      });
      const { headings } = renderArticleHtml(article.markdown);
      expect({ file, ids: headings.map(h => h.id) }).toEqual({
        file,
        ids: article.toc.map(t => t.id),
      });
      for (const entry of article.toc) {
        expect(article.html).toContain(` id="${entry.id}"`);
      }
    }
  });

  it('marks code with its language and leaves highlighting to the reader', () => {
    const { html } = renderArticleHtml(sample);
    expect(html).toContain('<div class="code-block" data-language="yaml">');
    expect(html).toMatch(
      /<pre class="language-yaml"><code class="language-yaml">replicas: 3/,
    );
    expect(html).not.toContain('class="token');
    // an unlabelled block stays plain text, its markup escaped
    expect(html).toContain('<code>plain &#x3C;b>text&#x3C;/b></code>');
  });

  it('turns GitHub alerts into callouts and keeps ordinary quotes', () => {
    const { html } = renderArticleHtml(sample);
    expect(html).toContain(
      '<div class="callout callout-warning" data-callout="warning" role="note" aria-label="Warning"><p class="callout-title">Warning</p>',
    );
    expect(html).toContain('data-callout="tip"');
    expect(html).not.toContain('[!WARNING]');
    expect(html).toMatch(/Never expose the admin port\./);
    expect(html).toMatch(/<blockquote>\s*<p>Just a quote\.<\/p>/);
  });

  it('renders GFM tables and task lists', () => {
    const { html } = renderArticleHtml(sample);
    expect(html).toMatch(/<div class="table-wrapper"><table>/);
    expect(html).toContain('<th>Item</th>');
    expect(html).toContain('<td>20</td>');
    expect(tags(html, /type="checkbox"/)).toEqual([
      '<input type="checkbox" checked disabled>',
      '<input type="checkbox" disabled>',
    ]);
    expect(html).toContain('<ul class="contains-task-list">');
  });

  it('leaves Mermaid as escaped source for the browser and says so', () => {
    const { html, hasDiagrams } = renderArticleHtml(sample);
    expect(hasDiagrams).toBe(true);
    expect(html).toContain(
      '<pre class="mermaid-source" data-mermaid="">graph TD; A-->B["&#x3C;img src=x onerror=alert(1)>"]</pre>',
    );
    expect(renderArticleHtml('## Plain\n\ntext').hasDiagrams).toBe(false);
  });

  it('strips everything that could run from hostile Markdown', () => {
    const content = readFileSync(HOSTILE, 'utf8');
    const { html } = renderArticleHtml(
      content.replace(/^---[\s\S]*?---\n/, ''),
    );
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|<style/i);
    expect(tags(html, /\son[a-z]+=/i)).toEqual([]);
    expect(tags(html, /(href|src)="\s*(javascript|data|vbscript):/i)).toEqual(
      [],
    );
    expect(html).not.toContain('__probe');
    // the harmless parts survive: the link text, the div text and the table
    expect(html).toContain('raw link');
    expect(html).toContain('<a>a javascript link</a>');
    expect(html).toContain('<a>a data link</a>');
    expect(html).toContain('click me');
    expect(html).toContain('<td>safe</td>');
  });

  it('refuses markup smuggled through headings, links and attributes', () => {
    const { html, headings } = renderArticleHtml(
      [
        '## Title <img src=x onerror="alert(1)"> "quoted"',
        '',
        '[x](javascript:alert(1)) [y](JaVa\tScRiPt:alert(2)) [ok](https://example.com/a)',
        '',
        '<a href="#" style="color:red" class="heading-anchor" data-callout="warning">styled</a>',
        '',
        '<h2 id="clobber">Raw heading</h2>',
        '',
        '<svg><script>alert(3)</script></svg><math><mi>x</mi></math>',
        '',
        '<form action="/x"><input name="q"></form>',
      ].join('\n'),
    );
    expect(headings[0].text).toBe('Title  "quoted"');
    // quotes in a heading stay text: no attribute of the heading can be closed by them
    expect(html).toContain('<h2 id="title--quoted" data-level="2">Title ');
    expect(html).not.toMatch(/<h2[^>]*"quoted/);
    expect(html).not.toMatch(/onerror|style=|<svg|<form|<script/i);
    expect(tags(html, /javascript|alert/i)).toEqual([]);
    expect(html).toContain('<a href="https://example.com/a">ok</a>');
    // author HTML cannot pose as one of our callouts or anchors
    expect(html).toContain('<a href="#">styled</a>');
    // a raw heading gets the slugger's id, not its own
    expect(html).toContain('<h2 id="raw-heading" data-level="2">');
  });
});

describe('renderArticleHtmlCached', () => {
  it('renders an unchanged article once and a changed one again', () => {
    const first = renderArticleHtmlCached('## Cached once\n\ntext');
    expect(renderArticleHtmlCached('## Cached once\n\ntext')).toBe(first);
    const changed = renderArticleHtmlCached('## Cached once\n\nnew text');
    expect(changed).not.toBe(first);
    expect(changed.html).toContain('new text');
  });
});
