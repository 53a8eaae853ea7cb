import { readingTimeMinutes } from './readingTime';

describe('readingTimeMinutes', () => {
  const prose = (words: number) => Array(words).fill('word').join(' ');

  it('reads prose at 200 words a minute and code at half weight', () => {
    expect(readingTimeMinutes(prose(600))).toBe(3);
    expect(
      readingTimeMinutes(`${prose(400)}\n\`\`\`\n${prose(400)}\n\`\`\`\n`),
    ).toBe(3);
  });

  it('does not count the search keywords no reader sees', () => {
    const keywords = `<!-- search: ${prose(300)} -->`;
    expect(readingTimeMinutes(`${prose(400)}\n${keywords}\n`)).toBe(2);
    // the same line inside a code block is shown, so it is read
    expect(
      readingTimeMinutes(`${prose(400)}\n\`\`\`\n${keywords}\n\`\`\`\n`),
    ).toBe(3);
  });
});
