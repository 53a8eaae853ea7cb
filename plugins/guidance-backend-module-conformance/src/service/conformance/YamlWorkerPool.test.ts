import { mockServices } from '@backstage/backend-test-utils';
import { parseYamlDocuments } from '@paved-road/plugin-guidance-node';
import { YamlWorkerPool } from './YamlWorkerPool';

jest.setTimeout(30_000);

/** An alias bomb: each level doubles nine times over; expanded it would be 9^10 strings. */
function aliasBomb() {
  const names = 'abcdefghij'.split('');
  let text = `${names[0]}: &${names[0]} ["x","x","x","x","x","x","x","x","x"]\n`;
  for (let i = 1; i < names.length; i++) {
    const ref = `*${names[i - 1]}`;
    text += `${names[i]}: &${names[i]} [${Array(9).fill(ref).join(',')}]\n`;
  }
  return text;
}

describe('YamlWorkerPool', () => {
  const pools: YamlWorkerPool[] = [];
  const pool = (
    options: Partial<ConstructorParameters<typeof YamlWorkerPool>[0]> = {},
  ) => {
    const p = new YamlWorkerPool({
      logger: mockServices.logger.mock(),
      ...options,
    });
    pools.push(p);
    return p;
  };
  afterEach(async () => {
    await Promise.all(pools.splice(0).map(p => p.close()));
  });

  it('parses every document of a file, errors as entries', async () => {
    const docs = await pool().parse(
      'kind: A\nbase: &b {x: 1}\nmerged: {<<: *b, y: 2}\n---\nkind: [unclosed\n---\n- 1\n',
    );
    expect(docs[0]).toMatchObject({
      index: 0,
      body: { kind: 'A', base: { x: 1 }, merged: { x: 1, y: 2 } },
    });
    expect(docs[1]).toMatchObject({ index: 1, error: expect.any(String) });
    expect(docs[2]).toMatchObject({ index: 2, body: [1] });
  });

  it('gives every field its position, as guidance-node does in this thread', async () => {
    const content =
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  containers:\n    - name: app\n      image: x\n---\nkind: B\n';
    const docs = await pool().parse(content);
    expect(docs).toEqual(parseYamlDocuments(content));
    const [first] = docs;
    expect(first.error).toBeUndefined();
    expect(first.error === undefined && first.positions).toMatchObject({
      '': [1, 1],
      kind: [2, 1],
      'spec\u0000containers\u00000\u0000image': [6, 7],
    });
  });

  it.each([
    ['a bad key on line 2', 'a: 1\nb: : x\n'],
    [
      'a flow never closed (positioned on the last character)',
      'a: [unclosed\n',
    ],
    ['a quote never closed in the second document', 'a: 1\n---\nkey: "x\n'],
    ['an alias bomb', aliasBomb()],
  ])(
    'answers %s as guidance-node parses it in this thread',
    async (_name, content) => {
      const inWorker = await pool().parse(content);
      expect(inWorker).toEqual(parseYamlDocuments(content));
      const error = inWorker.find(d => d.error !== undefined)!;
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.line).toBeLessThanOrEqual(
        content.trimEnd().split('\n').length,
      );
      expect(error.error).not.toMatch(/:$|at line/);
    },
  );

  it('answers an alias bomb with a parse error, not an exception', async () => {
    const [doc] = await pool().parse(aliasBomb());
    expect(doc.error).toMatch(/Excessive alias count/);
  });

  it('keeps the event loop free while a hostile file is parsed', async () => {
    const nesting = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    let longestGap = 0;
    let last = Date.now();
    const timer = setInterval(() => {
      const now = Date.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const started = Date.now();
    await pool().parse(nesting);
    const took = Date.now() - started;
    clearInterval(timer);
    // the parse itself takes hundreds of milliseconds; the loop never waited for it
    expect(took).toBeGreaterThan(100);
    expect(longestGap).toBeLessThan(100);
  });

  it('gives up on a file past the time limit and keeps working with a new worker', async () => {
    const p = pool({ threads: 1, timeoutMs: 50 });
    const [slow] = await p.parse(
      `${'['.repeat(400_000)}${']'.repeat(400_000)}`,
    );
    expect(slow).toEqual({
      index: 0,
      error: 'not parsed: took longer than 0.05 s',
    });
    const [next] = await p.parse('a: 1\n');
    expect(next).toMatchObject({ index: 0, body: { a: 1 } });
  });

  it('gives up on a file that outgrows the heap limit, and the backend lives on', async () => {
    const p = pool({ threads: 1, maxHeapMb: 16, timeoutMs: 20_000 });
    let big = '';
    while (big.length < 4 * 1024 * 1024) {
      big += `- {name: item${big.length}, value: [a, b, c, d], nested: {k: v}}\n`;
    }
    const [doc] = await p.parse(big);
    expect(doc.error).toMatch(/^not parsed: /);
    const [next] = await p.parse('b: 2\n');
    expect(next).toMatchObject({ index: 0, body: { b: 2 } });
  });

  it('queues files beyond its threads and answers each', async () => {
    const p = pool({ threads: 2 });
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => p.parse(`n: ${i}\n`)),
    );
    expect(answers.map(([d]) => d.body)).toEqual(
      Array.from({ length: 6 }, (_, i) => ({ n: i })),
    );
  });

  it('answers after close without starting a worker', async () => {
    const p = pool();
    await p.close();
    expect(await p.parse('a: 1\n')).toEqual([
      { index: 0, error: 'not parsed: the backend is shutting down' },
    ]);
  });
});
