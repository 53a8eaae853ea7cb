import {
  act,
  configure,
  fireEvent,
  screen,
  waitFor,
} from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { Article } from '@paved-road/plugin-guidance-common';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { rootRouteRef } from '../../routes';
import { mockGuidanceApi, poolingArticle } from '../../testing/fixtures';
import { ReaderPage } from '../ReaderPage';
import { MAX_QUOTE_CHARS } from './issueUrl';

// The whole reader renders here, and the selection link waits for the selection to settle:
// on a loaded machine that takes longer than testing-library's default second.
configure({ asyncUtilTimeout: 5000 });
// each test renders the whole reader page: more than jest's 5 s default on a loaded machine
jest.setTimeout(30_000);

const longParagraph = 'Each pool slot costs memory. '.repeat(80);

const article: Article = {
  ...poolingArticle,
  html: [
    '<p id="intro">Opening text before any heading.</p>',
    '<h2 id="why-connections-are-expensive" data-level="2">Why connections are expensive<a class="heading-anchor" href="#why-connections-are-expensive">#</a></h2>',
    '<p id="why">A PostgreSQL backend is a process.</p>',
    '<h2 id="sizing-arithmetic" data-level="2">Sizing arithmetic<a class="heading-anchor" href="#sizing-arithmetic">#</a></h2>',
    '<p id="sizing">Size the pool from the cores.</p>',
    '<pre id="sizing-code"><code>default_pool_size = 20\nmax_client_conn = 400</code></pre>',
    `<p id="long">${longParagraph}</p>`,
  ].join(''),
  toc: [
    {
      id: 'why-connections-are-expensive',
      text: 'Why connections are expensive',
      level: 2,
    },
    { id: 'sizing-arithmetic', text: 'Sizing arithmetic', level: 2 },
  ],
};

const GITHUB_EDIT =
  'https://github.com/acme/guidance/blob/main/articles/database-connection-pooling.md';

async function renderReader(editUrl: string | undefined) {
  const api = mockGuidanceApi({
    getArticle: jest.fn().mockResolvedValue({ ...article, editUrl }),
  });
  await renderInTestApp(
    <TestApiProvider apis={[[guidanceApiRef, api]]}>
      <Routes>
        <Route path="/guidance/:id" element={<ReaderPage />} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: ['/guidance/database-connection-pooling'],
      mountedRoutes: {
        '/guidance': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
  const body = await screen.findByTestId('guidance-article');
  // the reader adds what surrounds the article in the frame after its first paint
  await screen.findByText('Related articles');
  return body;
}

/** Selects the text of the element with `id` (or all of it from `fromId` to `toId`), as a reader would. */
function select(fromId: string, toId = fromId) {
  const range = document.createRange();
  range.setStartBefore(document.getElementById(fromId)!.firstChild!);
  range.setEndAfter(document.getElementById(toId)!.lastChild!);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  act(() => {
    document.dispatchEvent(new Event('selectionchange'));
  });
}

async function selectionIssue(): Promise<URL> {
  const link = await screen.findByRole('link', {
    name: 'Report a problem with this text',
  });
  return new URL(link.getAttribute('href')!);
}

describe('ReportIssue in the reader', () => {
  beforeEach(() => {
    Element.prototype.scrollIntoView = jest.fn();
  });
  afterEach(() => window.getSelection()?.removeAllRanges());

  it('gives every heading a link to a new GitHub issue about its section', async () => {
    await renderReader(GITHUB_EDIT);
    const link = await screen.findByRole('link', {
      name: 'Report a problem with “Sizing arithmetic”',
    });
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link.closest('h2')?.id).toBe('sizing-arithmetic');
    const url = new URL(link.getAttribute('href')!);
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://github.com/acme/guidance/issues/new',
    );
    expect(url.searchParams.get('title')).toBe(
      `Guidance: ${article.title} › Sizing arithmetic`,
    );
    const body = url.searchParams.get('body')!;
    expect(body).toContain(`(\`${article.id}\`)`);
    expect(body).toContain(
      '[Sizing arithmetic](<http://localhost/guidance/database-connection-pooling#sizing-arithmetic>)',
    );
    expect(body).toContain(`Source: <${GITHUB_EDIT}>`);
    expect(
      screen.getAllByRole('link', { name: /^Report a problem with “/ }),
    ).toHaveLength(2);
  });

  it('links to a new GitLab issue for an article kept on GitLab', async () => {
    await renderReader(
      'https://gitlab.example.com/platform/docs/guidance/-/blob/main/database-connection-pooling.md',
    );
    const link = await screen.findByRole('link', {
      name: 'Report a problem with “Why connections are expensive”',
    });
    const href = link.getAttribute('href')!;
    expect(href).toMatch(
      /^https:\/\/gitlab\.example\.com\/platform\/docs\/guidance\/-\/issues\/new\?issue\[title\]=/,
    );
    expect(new URL(href).searchParams.get('issue[description]')).toContain(
      '#why-connections-are-expensive>)',
    );
  });

  it.each([
    ['no editUrl', undefined],
    [
      'a host that is neither GitHub nor GitLab',
      'https://bitbucket.org/acme/guidance/src/main/a.md',
    ],
  ])('offers no link for an article with %s', async (_, editUrl) => {
    const body = await renderReader(editUrl);
    expect(body.querySelector('.report-issue')).toBeNull();
    select('sizing');
    await act(() => new Promise(r => setTimeout(r, 300)));
    expect(
      screen.queryByRole('link', { name: 'Report a problem with this text' }),
    ).toBeNull();
  });

  it('quotes the selected text under the heading it was selected in', async () => {
    await renderReader(GITHUB_EDIT);
    await screen.findByRole('link', {
      name: 'Report a problem with “Sizing arithmetic”',
    });
    select('sizing', 'sizing-code');
    const url = await selectionIssue();
    expect(url.searchParams.get('title')).toBe(
      `Guidance: ${article.title} › Sizing arithmetic`,
    );
    const body = url.searchParams.get('body')!;
    expect(body).toContain(
      '> Size the pool from the cores.default_pool_size = 20\n> max_client_conn = 400',
    );
    expect(body).toContain('#sizing-arithmetic>)');
    // the link keeps the selection when pressed
    const link = screen.getByRole('link', {
      name: 'Report a problem with this text',
    });
    expect(fireEvent.mouseDown(link)).toBe(false);

    // cleared selection, no link
    act(() => {
      window.getSelection()!.removeAllRanges();
      document.dispatchEvent(new Event('selectionchange'));
    });
    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: 'Report a problem with this text' }),
      ).toBeNull(),
    );
  });

  it('names no section for text above the first heading', async () => {
    await renderReader(GITHUB_EDIT);
    select('intro');
    const url = await selectionIssue();
    expect(url.searchParams.get('title')).toBe(`Guidance: ${article.title}`);
    expect(url.searchParams.get('body')).not.toContain('**Section:**');
    expect(url.searchParams.get('body')).toContain(
      '> Opening text before any heading.',
    );
  });

  it('cuts a long selection to a bounded quote', async () => {
    await renderReader(GITHUB_EDIT);
    select('long');
    const body = (await selectionIssue()).searchParams.get('body')!;
    const quote = body
      .split('\n')
      .filter(line => line.startsWith('> '))
      .join('\n');
    expect(longParagraph.length).toBeGreaterThan(2000);
    expect(quote.startsWith('> Each pool slot costs memory.')).toBe(true);
    expect(quote.endsWith('…')).toBe(true);
    expect(quote.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS + 2);
  });

  it('ignores a selection outside the article', async () => {
    await renderReader(GITHUB_EDIT);
    const outside = document.createElement('p');
    outside.id = 'outside';
    outside.textContent = 'Not the article';
    document.body.append(outside);
    select('outside');
    await act(() => new Promise(r => setTimeout(r, 300)));
    expect(
      screen.queryByRole('link', { name: 'Report a problem with this text' }),
    ).toBeNull();
    outside.remove();
  });
});
