import { articleFrontMatterSchema, articleIdSchema } from './schema';
import { parseGuidanceAnnotation } from './annotation';

describe('articleFrontMatterSchema', () => {
  const valid = {
    title: 'Saga pattern',
    summary: 'Keeping data consistent across services.',
    category: 'architecture',
    updated: new Date('2026-11-01T00:00:00Z'),
  };

  it('fills defaults and normalises a YAML date', () => {
    const fm = articleFrontMatterSchema.parse(valid);
    expect(fm.updated).toBe('2026-11-01');
    expect(fm.appliesTo).toEqual({
      tags: [],
      annotations: [],
      types: [],
      kinds: [],
    });
  });

  it('refuses an unknown category, an unknown key and a long summary', () => {
    expect(() =>
      articleFrontMatterSchema.parse({ ...valid, category: 'misc' }),
    ).toThrow();
    expect(() =>
      articleFrontMatterSchema.parse({ ...valid, author: 'x' }),
    ).toThrow();
    expect(() =>
      articleFrontMatterSchema.parse({ ...valid, summary: 'x'.repeat(301) }),
    ).toThrow();
  });

  it('accepts only kebab-case ids', () => {
    expect(articleIdSchema.safeParse('saga-pattern').success).toBe(true);
    for (const bad of ['../etc/passwd', 'Saga', 'a--b', '-a', 'a b', '']) {
      expect(articleIdSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('parseGuidanceAnnotation', () => {
  it('splits, trims and removes repeats', () => {
    expect(parseGuidanceAnnotation(' a, b ,,a ')).toEqual(['a', 'b']);
    expect(parseGuidanceAnnotation(undefined)).toEqual([]);
  });
});
