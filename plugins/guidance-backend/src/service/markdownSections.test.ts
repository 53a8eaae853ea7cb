import { sectionMarkdown } from './markdownSections';
import { outline } from './parseArticle';

const markdown = [
  '# Title',
  '',
  'Intro.',
  '',
  'Setup',
  '-----',
  '',
  'Install it.',
  '',
  '```md',
  '## Not a heading',
  '```',
  '',
  '### Details',
  '',
  'Deeper.',
  '',
  '## Setup',
  '',
  'The second setup.',
].join('\n');
const doc = { markdown, sections: outline(markdown).sections };

describe('sectionMarkdown', () => {
  it('gives ids the same way the table of contents does, duplicates numbered', () => {
    expect(doc.sections.filter(s => s.id).map(s => s.id)).toEqual([
      'title',
      'setup',
      'details',
      'setup-1',
    ]);
  });

  it('returns a setext section with its sub-sections and ignores headings in code fences', () => {
    const section = sectionMarkdown(doc, 'setup')!;
    expect(section.text).toBe('Setup');
    expect(section.markdown).toContain('Install it.');
    expect(section.markdown).toContain('## Not a heading');
    expect(section.markdown).toContain('### Details');
    expect(section.markdown).not.toContain('The second setup.');
  });

  it('finds the duplicate heading by its numbered id', () => {
    expect(sectionMarkdown(doc, 'setup-1')!.markdown).toBe(
      '## Setup\n\nThe second setup.\n',
    );
  });

  it('returns undefined for an unknown section', () => {
    expect(sectionMarkdown(doc, 'nope')).toBeUndefined();
  });
});
