import { articleFrontMatterSchema } from '@paved-road/plugin-guidance-common';
import YAML from 'yaml';
import { articleFixture } from './articleFixture';
import { articleSummaryFixture } from './articleSummaryFixture';

function split(file: string) {
  const match = file.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
  if (!match) throw new Error(`no front matter in ${file}`);
  return { frontMatter: YAML.parse(match[1]), body: match[2] };
}

describe('articleFixture', () => {
  it('writes front matter the article schema accepts, with defaults', () => {
    const { frontMatter, body } = split(articleFixture({ title: 'Toil' }));
    expect(articleFrontMatterSchema.parse(frontMatter)).toEqual(
      expect.objectContaining({
        title: 'Toil',
        summary: 'An article about toil.',
        category: 'sre',
        updated: '2026-11-01',
      }),
    );
    expect(frontMatter).not.toHaveProperty('id');
    expect(body).toContain('## First section');
  });

  it('takes every field it is given', () => {
    const { frontMatter, body } = split(
      articleFixture({
        id: 'pooling',
        title: 'Pooling',
        category: 'databases',
        tags: ['postgres'],
        appliesTo: { tags: ['postgres'] },
        reviewed: '2026-10-01',
        verifiedAgainst: { pgbouncer: '1.25.2' },
        body: '## Sizing\n',
      }),
    );
    expect(articleFrontMatterSchema.parse(frontMatter)).toEqual(
      expect.objectContaining({
        id: 'pooling',
        category: 'databases',
        tags: ['postgres'],
        appliesTo: expect.objectContaining({ tags: ['postgres'] }),
        reviewed: '2026-10-01',
        verifiedAgainst: { pgbouncer: '1.25.2' },
      }),
    );
    expect(body).toBe('## Sizing\n');
  });
});

describe('articleSummaryFixture', () => {
  it('names the article by its id and takes any field it is given', () => {
    expect(articleSummaryFixture('toil-measurement')).toEqual({
      id: 'toil-measurement',
      title: 'toil-measurement',
      summary: '',
      category: 'sre',
      tags: [],
      updated: '2026-01-01',
      readingTimeMinutes: 1,
    });
    expect(
      articleSummaryFixture('pooling', { category: 'databases', stale: true }),
    ).toEqual(
      expect.objectContaining({
        id: 'pooling',
        category: 'databases',
        stale: true,
      }),
    );
  });
});
