import { FileTree, mergeText, mergeTrees } from './threeWayMerge';

const labels = { ours: 'main', base: 'v1', theirs: 'v2' };
const tree = (files: Record<string, string>): FileTree =>
  new Map(
    Object.entries(files).map(([p, c]) => [p, { content: Buffer.from(c) }]),
  );
const text = (t: FileTree, path: string) =>
  t.get(path)?.content.toString('utf8');

describe('mergeText', () => {
  it('keeps changes of both sides on different lines', () => {
    const merged = mergeText(
      'a\nB\nc\nd\ne\n',
      'a\nb\nc\nd\ne\n',
      'a\nb\nc\nd\nE\n',
      labels,
    );
    expect(merged).toEqual({ text: 'a\nB\nc\nd\nE\n', conflict: false });
  });

  it('marks lines both sides changed differently, with the base', () => {
    const merged = mergeText('a\nX\nc\n', 'a\nb\nc\n', 'a\nY\nc\n', labels);
    expect(merged.conflict).toBe(true);
    expect(merged.text).toBe(
      'a\n<<<<<<< main\nX\n||||||| v1\nb\n=======\nY\n>>>>>>> v2\nc\n',
    );
  });

  it('does not report the same change on both sides as a conflict', () => {
    expect(mergeText('a\nX\n', 'a\nb\n', 'a\nX\n', labels).conflict).toBe(
      false,
    );
  });
});

describe('mergeTrees', () => {
  it('takes template changes, keeps user changes and reports what it cannot merge', () => {
    const base = tree({
      'same.txt': 'same\n',
      'template-only.txt': 'old\n',
      'user-only.txt': 'old\n',
      'both.txt': 'one\ntwo\nthree\nfour\n',
      'clash.txt': 'x\n',
      'deleted-by-user.txt': 'old\n',
      'removed-by-template.txt': 'old\n',
      'removed-untouched.txt': 'old\n',
    });
    const ours = tree({
      'same.txt': 'same\n',
      'template-only.txt': 'old\n',
      'user-only.txt': 'mine\n',
      'both.txt': 'ONE\ntwo\nthree\nfour\n',
      'clash.txt': 'mine\n',
      'removed-by-template.txt': 'mine\n',
      'removed-untouched.txt': 'old\n',
      'user-added.txt': 'new\n',
    });
    const theirs = tree({
      'same.txt': 'same\n',
      'template-only.txt': 'new\n',
      'user-only.txt': 'old\n',
      'both.txt': 'one\ntwo\nthree\nFOUR\n',
      'clash.txt': 'theirs\n',
      'deleted-by-user.txt': 'new\n',
      'template-added.txt': 'added\n',
    });
    const result = mergeTrees(ours, base, theirs, labels);
    expect(text(result.files, 'template-only.txt')).toBe('new\n');
    expect(text(result.files, 'user-only.txt')).toBe('mine\n');
    expect(text(result.files, 'both.txt')).toBe('ONE\ntwo\nthree\nFOUR\n');
    expect(text(result.files, 'clash.txt')).toContain('<<<<<<< main\nmine\n');
    expect(text(result.files, 'template-added.txt')).toBe('added\n');
    expect(text(result.files, 'user-added.txt')).toBe('new\n');
    expect(result.files.has('deleted-by-user.txt')).toBe(false);
    expect(text(result.files, 'removed-by-template.txt')).toBe('mine\n');
    expect(result.files.has('removed-untouched.txt')).toBe(false);
    expect(result.conflicts).toEqual(['clash.txt']);
    expect(result.deletedByUser).toEqual(['deleted-by-user.txt']);
    expect(result.removedByTemplate).toEqual(['removed-by-template.txt']);
    expect(result.updated).toEqual([
      'both.txt',
      'removed-untouched.txt',
      'template-added.txt',
      'template-only.txt',
    ]);
  });

  it('reports a binary file changed on both sides and keeps main', () => {
    const bin = (s: string) => ({ content: Buffer.from(`\0${s}`) });
    const result = mergeTrees(
      new Map([['logo.png', bin('mine')]]),
      new Map([['logo.png', bin('base')]]),
      new Map([['logo.png', bin('theirs')]]),
      labels,
    );
    expect(result.conflicts).toEqual(['logo.png']);
    expect(result.files.get('logo.png')?.content.toString()).toBe('\0mine');
  });
});
