import {
  MAX_QUOTE_CHARS,
  issueUrl,
  quoteMarkdown,
  sourceRepository,
  truncate,
} from './issueUrl';

const report = {
  articleId: 'dns-deep-dive',
  articleTitle: 'DNS deep dive',
  section: {
    text: 'Negative caching',
    url: 'https://portal.example.com/guidance/dns-deep-dive#negative-caching',
  },
};

describe('sourceRepository', () => {
  it.each([
    [
      'https://github.com/acme/guidance/blob/main/articles/dns.md',
      { type: 'github', url: 'https://github.com/acme/guidance' },
    ],
    [
      'https://github.acme.internal/platform/guidance/edit/main/dns.md',
      { type: 'github', url: 'https://github.acme.internal/platform/guidance' },
    ],
    [
      'https://gitlab.com/acme/docs/guidance/-/blob/main/dns.md',
      { type: 'gitlab', url: 'https://gitlab.com/acme/docs/guidance' },
    ],
    // a self-managed GitLab on any host name is known by its `/-/` separator
    [
      'https://code.acme.internal/platform/guidance/-/blob/main/dns.md',
      { type: 'gitlab', url: 'https://code.acme.internal/platform/guidance' },
    ],
  ])('%s → %j', (editUrl, expected) => {
    expect(sourceRepository(editUrl)).toEqual(expected);
  });

  it.each([
    undefined,
    '',
    'not a url',
    'https://bitbucket.org/acme/guidance/src/main/dns.md',
    'file:///srv/guidance/dns.md',
    // eslint-disable-next-line no-script-url
    'javascript://github.com/%0aalert(1)',
    'https://github.com/acme',
    'https://user:token@github.com/acme/guidance/blob/main/dns.md',
    'https://github.com/acme/gui%22dance/blob/main/dns.md',
  ])('no repository for %j', editUrl => {
    expect(sourceRepository(editUrl)).toBeUndefined();
    expect(issueUrl(editUrl, report)).toBeUndefined();
  });
});

describe('issueUrl', () => {
  it('opens a GitHub issue with the title and a Markdown body naming article and section', () => {
    const url = new URL(
      issueUrl(
        'https://github.com/acme/guidance/blob/main/articles/dns.md',
        report,
      )!,
    );
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://github.com/acme/guidance/issues/new',
    );
    expect([...url.searchParams.keys()]).toEqual(['title', 'body']);
    expect(url.searchParams.get('title')).toBe(
      'Guidance: DNS deep dive › Negative caching',
    );
    const body = url.searchParams.get('body')!;
    expect(body).toContain('**Article:** DNS deep dive (`dns-deep-dive`)');
    expect(body).toContain(
      '**Section:** [Negative caching](<https://portal.example.com/guidance/dns-deep-dive#negative-caching>)',
    );
    expect(body).toContain(
      'Source: <https://github.com/acme/guidance/blob/main/articles/dns.md>',
    );
  });

  it('opens a GitLab issue with issue[title] and issue[description]', () => {
    const href = issueUrl(
      'https://gitlab.com/acme/docs/guidance/-/blob/main/dns.md',
      { ...report, quote: 'TTL' },
    )!;
    expect(href).toMatch(
      /^https:\/\/gitlab\.com\/acme\/docs\/guidance\/-\/issues\/new\?issue\[title\]=[^&]+&issue\[description\]=[^&]+$/,
    );
    const url = new URL(href);
    expect(url.searchParams.get('issue[title]')).toBe(
      'Guidance: DNS deep dive › Negative caching',
    );
    expect(url.searchParams.get('issue[description]')).toContain('> TTL');
  });

  it('keeps hostile text inside its parameter and its quote', () => {
    const hostile =
      'x&title=owned#frag\n## Heading\n<script>alert(1)</script> 100% %0a \uD83D';
    const url = new URL(
      issueUrl('https://github.com/acme/guidance/blob/main/dns.md', {
        ...report,
        section: { ...report.section, text: 'a](javascript:alert(1))[' },
        quote: hostile,
      })!,
    );
    // nothing the reader selected added a parameter or a fragment to the address
    expect([...url.searchParams.keys()]).toEqual(['title', 'body']);
    expect(url.hash).toBe('');
    const body = url.searchParams.get('body')!;
    expect(body).toContain(
      '> x&title=owned#frag\n> ## Heading\n> <script>alert(1)</script> 100% %0a \uFFFD',
    );
    // the section's text cannot close its link and open another
    expect(body).toContain('[a\\](javascript:alert(1))\\[](<https://');
  });
});

describe('quoteMarkdown', () => {
  it('quotes every line and keeps one blank quoted line between paragraphs', () => {
    expect(quoteMarkdown('  first line\r\nsecond\n\n\n\nthird  ')).toBe(
      '> first line\n> second\n>\n> third',
    );
  });

  it(`cuts a long selection to ${MAX_QUOTE_CHARS} characters with an ellipsis`, () => {
    const quoted = quoteMarkdown('word '.repeat(400));
    expect(quoted.startsWith('> word word')).toBe(true);
    expect(quoted.endsWith('…')).toBe(true);
    expect(quoted.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS + 2);
  });

  it('never cuts an emoji in half', () => {
    expect(truncate('ab😀cd', 4)).toBe('ab😀…');
    expect(() =>
      encodeURIComponent(truncate('😀'.repeat(10), 3)),
    ).not.toThrow();
  });
});
