import { ArticleParseError, parseArticle } from './parseArticle';
import { articleFixture } from '@paved-road/plugin-guidance-node/testUtils';

describe('parseArticle', () => {
  it('builds the table of contents with the shared heading slugs', () => {
    const article = parseArticle({
      origin: 'test',
      fallbackId: 'pools',
      content: articleFixture({
        title: 'Pools',
        body: 'Intro.\n\n## Sizing: the `max_connections` limit\n\ntext\n\n### Example\n\n```yaml\na: 1\n```\n\n## Example\n\nmore\n',
      }),
    });
    expect(article.summary.id).toBe('pools');
    expect(article.toc).toEqual([
      {
        id: 'sizing-the-max_connections-limit',
        text: 'Sizing: the max_connections limit',
        level: 2,
      },
      { id: 'example', text: 'Example', level: 3 },
      { id: 'example-1', text: 'Example', level: 2 },
    ]);
    expect(article.sections.map(s => s.id)).toEqual([
      undefined,
      'sizing-the-max_connections-limit',
      'example',
      'example-1',
    ]);
    expect(article.sections[2].text).toContain('a: 1');
  });

  it("reads a section's search keywords from its comment, never from code, and never shows them", () => {
    const article = parseArticle({
      origin: 'test',
      fallbackId: 'keywords',
      content: articleFixture({
        title: 'Keywords',
        body: [
          '<!-- search: opening words -->',
          'Opening text.',
          '',
          '## Pay',
          '<!-- search: paid extra;  stipend , time off -->',
          '',
          'Recognise the burden.',
          '',
          '```html',
          '<!-- search: not a keyword -->',
          '```',
          '',
          '<!-- a plain comment -->',
        ].join('\n'),
      }),
    });
    expect(article.sections.map(s => s.keywords)).toEqual([
      ['opening words'],
      ['paid extra', 'stipend', 'time off'],
    ]);
    expect(article.sections[1].text).not.toContain('paid extra');
    expect(article.html).not.toContain('opening words');
    expect(article.html).not.toContain('stipend');
    // the one in a code block is code, shown as written
    expect(article.html).toContain('search: not a keyword');
  });

  it('gives setext headings, fenced "headings" and repeated headings one consistent outline', () => {
    const article = parseArticle({
      origin: 'test',
      fallbackId: 'setup',
      content: articleFixture({
        title: 'Setup',
        body: [
          'Opening words.',
          '',
          'Install',
          '=======',
          '',
          'Run the installer.',
          '',
          'Configure',
          '---------',
          '',
          '```bash',
          '# not a heading',
          'export A=1',
          '```',
          '',
          '### Example',
          '',
          '| key | value |',
          '| --- | ----- |',
          '| a   | 1     |',
          '',
          '## Example',
          '',
          '> [!TIP]',
          '> Keep it short.',
        ].join('\n'),
      }),
    });
    expect(article.toc.map(t => [t.id, t.level])).toEqual([
      ['install', 1],
      ['configure', 2],
      ['example', 3],
      ['example-1', 2],
    ]);
    expect(
      article.sections.map(s => [s.id, s.heading, s.level, s.parentId]),
    ).toEqual([
      [undefined, undefined, 0, undefined],
      ['install', 'Install', 1, undefined],
      ['configure', 'Configure', 2, 'install'],
      ['example', 'Example', 3, 'configure'],
      ['example-1', 'Example', 2, 'install'],
    ]);
    expect(article.sections[2].text).toBe('# not a heading\nexport A=1');
    // Table cells become words: no pipes or dashes reach the index.
    expect(article.sections[3].text).toBe('key value a 1');
    expect(article.sections[4].text).toBe('Keep it short.');
  });

  it.each([
    ['no front matter', '# Just markdown', /no front matter/],
    ['broken YAML', '---\ntitle: [unclosed\n---\nbody', /not valid YAML/],
    [
      'an unknown category',
      articleFixture({ title: 'X article', category: 'misc' }),
      /front matter category/,
    ],
    [
      'a bad id',
      articleFixture({ id: 'Not_A_Slug', title: 'X article' }),
      /id/,
    ],
  ])(
    'refuses an article with %s, naming the reason',
    (_what, content, reason) => {
      expect(() =>
        parseArticle({ origin: 'dir: bad.md', fallbackId: 'bad', content }),
      ).toThrow(ArticleParseError);
      expect(() =>
        parseArticle({ origin: 'dir: bad.md', fallbackId: 'bad', content }),
      ).toThrow(reason);
    },
  );
});
