/** Postings of one term in one field: section (or article) numbers and term counts. */
export class Postings {
  docs: Uint32Array;
  tfs: Uint16Array;
  n = 0;
  constructor(capacity = 2) {
    this.docs = new Uint32Array(capacity);
    this.tfs = new Uint16Array(capacity);
  }
  add(doc: number, tf: number) {
    if (this.n === this.docs.length) {
      const docs = new Uint32Array(this.n * 2);
      docs.set(this.docs);
      this.docs = docs;
      const tfs = new Uint16Array(this.n * 2);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.docs[this.n] = doc;
    this.tfs[this.n] = Math.min(tf, 65535);
    this.n++;
  }
  /** Drops the spare capacity once the index is built. */
  trim() {
    if (this.docs.length !== this.n) {
      this.docs = this.docs.slice(0, this.n);
      this.tfs = this.tfs.slice(0, this.n);
    }
  }
}

/** A growable array of term ids, trimmed once the index is built. */
export class IdBuffer {
  data: Uint32Array = new Uint32Array(1 << 16);
  n = 0;
  push(id: number) {
    if (this.n === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.n++] = id;
  }
  trim(): Uint32Array {
    return this.data.slice(0, this.n);
  }
}

/** Pairs of term ids as one number (ids stay far below 2^26). */
export const pairKey = (a: number, b: number) =>
  a < b ? a * 67108864 + b : b * 67108864 + a;

/** The `k` of the first `n` entries of `items` with the highest `score[item]`, best first. */
export function topK(
  items: Int32Array,
  n: number,
  score: Float64Array,
  k: number,
): number[] {
  const top: number[] = [];
  let floor = -Infinity;
  for (let i = 0; i < n; i++) {
    const item = items[i];
    const v = score[item];
    if (top.length === k && v <= floor) continue;
    let at = top.length;
    while (at > 0 && score[top[at - 1]] < v) at--;
    top.splice(at, 0, item);
    if (top.length > k) top.pop();
    if (top.length === k) floor = score[top[k - 1]];
  }
  return top;
}
