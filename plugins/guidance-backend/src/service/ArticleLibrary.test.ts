import { mockServices } from '@backstage/backend-test-utils';
import { ArticleLibrary } from './ArticleLibrary';
import { SearchIndex } from './search/builtin/SearchIndex';
import { ArticleFile, ArticleSource } from '@paved-road/plugin-guidance-node';
import { articleFixture } from '@paved-road/plugin-guidance-node/testUtils';

class MemorySource implements ArticleSource {
  files: ArticleFile[] | Error = [];
  constructor(readonly name: string) {}
  async read() {
    if (this.files instanceof Error) throw this.files;
    return this.files;
  }
}

const file = (path: string, title: string, extra: object = {}) => ({
  path,
  content: articleFixture({ title, ...extra }),
});

describe('ArticleLibrary', () => {
  it('refuses a duplicate id for the later source and logs it', async () => {
    const logger = mockServices.logger.mock();
    const first = new MemorySource('first');
    const second = new MemorySource('second');
    first.files = [file('toil.md', 'Toil from the first source')];
    second.files = [
      file('toil.md', 'Toil again'),
      file('other.md', 'Another one'),
    ];
    const library = new ArticleLibrary([first, second], logger);
    await library.reload();
    expect(library.snapshot.articles.get('toil')?.summary.title).toBe(
      'Toil from the first source',
    );
    expect(library.snapshot.articles.has('other')).toBe(true);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('id "toil" is already defined by first: toil.md'),
    );
  });

  it('names the file and the reason when it skips an article', async () => {
    const logger = mockServices.logger.mock();
    const source = new MemorySource('dir');
    source.files = [
      {
        path: 'bad.md',
        content: articleFixture({ title: 'Bad', category: 'cooking' }),
      },
    ];
    const library = new ArticleLibrary([source], logger);
    await library.reload();
    expect(library.snapshot.articles.size).toBe(0);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/dir: bad\.md: front matter category/),
    );
  });

  it('keeps the last good library when a source turns bad', async () => {
    const source = new MemorySource('dir');
    source.files = [file('a.md', 'Article A'), file('b.md', 'Article B')];
    const library = new ArticleLibrary([source], mockServices.logger.mock());
    await library.reload();
    const before = library.snapshot.summaries.map(s => s.id);

    source.files = new Error('ENOENT: no such directory');
    await library.reload();
    expect(library.snapshot.summaries.map(s => s.id)).toEqual(before);

    // One article broken, one changed: the broken one keeps its last valid version.
    source.files = [
      { path: 'a.md', content: '---\ntitle: [\n---\n' },
      file('b.md', 'Article B, revised'),
    ];
    await library.reload();
    expect(library.snapshot.articles.get('a')?.summary.title).toBe('Article A');
    expect(library.snapshot.articles.get('b')?.summary.title).toBe(
      'Article B, revised',
    );
    expect(library.snapshot.index.search('revised', 5)[0].id).toBe('b');

    // A file that is really gone is removed.
    source.files = [file('b.md', 'Article B, revised')];
    await library.reload();
    expect([...library.snapshot.articles.keys()]).toEqual(['b']);
  });

  it('re-marks stale articles when the day changes, without rebuilding the index', async () => {
    let now = new Date('2026-11-24T12:00:00Z');
    const source = new MemorySource('dated');
    source.files = [
      file('dated.md', 'Dated', {
        reviewed: '2026-11-14',
        appliesTo: { tags: ['pooling'] },
      }),
    ];
    const library = new ArticleLibrary([source], mockServices.logger.mock(), {
      reviewIntervalDays: 10,
      now: () => now,
    });
    await library.reload();
    const build = jest.spyOn(SearchIndex, 'build');
    const index = library.snapshot.index;
    expect(library.snapshot.summaries[0]).toMatchObject({
      reviewed: '2026-11-14',
      stale: false,
      staleReasons: [],
    });
    expect(
      JSON.parse(library.snapshot.bodies.get('dated')!.bytes.toString()).stale,
    ).toBe(false);
    const recommended = () =>
      library.snapshot.recommend({ metadata: { tags: ['pooling'] } })[0]
        ?.article;
    expect(recommended()).toMatchObject({ id: 'dated', stale: false });

    now = new Date('2026-11-25T00:00:01Z');
    expect(library.snapshot.summaries[0]).toMatchObject({
      stale: true,
      staleReasons: ['reviewed 2026-11-14, more than 10 days ago'],
    });
    expect(
      JSON.parse(library.snapshot.bodies.get('dated')!.bytes.toString()).stale,
    ).toBe(true);
    expect(recommended()).toMatchObject({ id: 'dated', stale: true });
    // the date moved, the index did not: same object, no build in between
    expect(library.snapshot.index).toBe(index);
    expect(build).not.toHaveBeenCalled();

    // a reload is what builds
    await library.reload();
    expect(build).toHaveBeenCalledTimes(1);
    build.mockRestore();
  });
});
