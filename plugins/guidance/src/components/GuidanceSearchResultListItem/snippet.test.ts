import { excerpt, segmentsFromHighlight, segmentsFromTerm } from './snippet';

const long = `${'Filler words about something else. '.repeat(
  12,
)}Transaction pooling returns the server connection at commit, so prepared statements need care. ${'More unrelated words follow here. '.repeat(
  12,
)}`;

describe('snippet', () => {
  it('splits highlighted text into matches and the rest', () => {
    expect(segmentsFromHighlight('a <em>pool</em> b', '<em>', '</em>')).toEqual(
      [
        { text: 'a ', match: false },
        { text: 'pool', match: true },
        { text: ' b', match: false },
      ],
    );
  });

  it('marks words that start with a search word, ignoring short words', () => {
    const segments = segmentsFromTerm('Pooling pools at a pool', 'pool a');
    expect(segments.filter(s => s.match).map(s => s.text)).toEqual([
      'Pooling',
      'pools',
      'pool',
    ]);
  });

  it('cuts about three lines around the matches, at word boundaries', () => {
    const out = excerpt(segmentsFromTerm(long, 'prepared statements'));
    const text = out.map(s => s.text).join('');
    expect(text.length).toBeLessThanOrEqual(250);
    expect(text).toMatch(/^… /);
    expect(text).toMatch(/ …$/);
    expect(text).toContain('prepared statements need care');
    expect(out.filter(s => s.match).map(s => s.text)).toEqual([
      'prepared',
      'statements',
    ]);
    // No word is cut in half at either end.
    expect(text.replace(/^… | …$/g, '').split(' ')[0]).toMatch(
      /^[A-Z]?[a-z]+\.?$/,
    );
  });

  it('keeps short text whole', () => {
    expect(excerpt([{ text: 'Short text.', match: false }])).toEqual([
      { text: 'Short text.', match: false },
    ]);
  });
});
