import { articleUrl } from './articleUrl';

describe('articleUrl', () => {
  it('builds the reader address of an article and of a section', () => {
    expect(articleUrl({ id: 'dns-deep-dive' })).toBe('/guidance/dns-deep-dive');
    expect(
      articleUrl({
        id: 'dns-deep-dive',
        section: 'ndots',
        baseUrl: 'https://portal.example.com/',
      }),
    ).toBe('https://portal.example.com/guidance/dns-deep-dive#ndots');
  });

  it('takes another path, encodes the id, and refuses a path without :id', () => {
    expect(articleUrl({ id: 'a b', path: '/docs/guidance/:id' })).toBe(
      '/docs/guidance/a%20b',
    );
    expect(() => articleUrl({ id: 'x', path: '/docs' })).toThrow(
      'an article path must contain :id, got "/docs"',
    );
  });
});
