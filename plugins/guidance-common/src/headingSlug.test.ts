import { createHeadingSlugger, slugifyHeading } from './headingSlug';

describe('heading slugs', () => {
  it('follows GitHub rules for punctuation and case', () => {
    expect(slugifyHeading('Sizing: PgBouncer & ProxySQL (v1.21)')).toBe(
      'sizing-pgbouncer--proxysql-v121',
    );
    expect(slugifyHeading('What `ndots:5` costs')).toBe('what-ndots5-costs');
  });

  it('numbers repeated headings in document order', () => {
    const slug = createHeadingSlugger();
    expect(slug('Example')).toBe('example');
    expect(slug('Example')).toBe('example-1');
    expect(slug('Example')).toBe('example-2');
    expect(slug('Example 1')).toBe('example-1-1');
  });
});
