// A hierarchical bitmap over the integers [0, size): set, clear and test one bit,
// and find the lowest set bit (or the lowest at or after an index, or the highest)
// in O(log32 size). The buddy free sets per order and the slab slot maps use it.
//
// Invariant: bit j of level l+1 is set exactly when word j of level l is non-zero;
// the top level is a single word.

function lowestBit(word: number): number {
  return 31 - Math.clz32(word & -word);
}

function highestBit(word: number): number {
  return 31 - Math.clz32(word);
}

export class LevelBitmap {
  readonly size: number;
  private readonly levels: Uint32Array[];
  /** Level 0: one bit per index. */
  private readonly bits: Uint32Array;
  private setCount = 0;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 0) throw new Error(`LevelBitmap: bad size ${size}`);
    this.size = size;
    const levels: Uint32Array[] = [];
    let words = Math.max(1, Math.ceil(size / 32));
    levels.push(new Uint32Array(words));
    while (words > 1) {
      words = Math.ceil(words / 32);
      levels.push(new Uint32Array(words));
    }
    this.levels = levels;
    this.bits = this.level(0);
  }

  get count(): number {
    return this.setCount;
  }

  isEmpty(): boolean {
    return this.setCount === 0;
  }

  has(i: number): boolean {
    const word = this.bits[i >>> 5] ?? 0;
    return (word & (1 << (i & 31))) !== 0;
  }

  /** Sets bit i (no effect when already set). */
  set(i: number): void {
    if (this.has(i)) return;
    this.setCount++;
    let index = i;
    for (const words of this.levels) {
      const w = index >>> 5;
      const before = words[w] ?? 0;
      words[w] = before | (1 << (index & 31));
      if (before !== 0) return; // the parents already know this word is non-zero
      index = w;
    }
  }

  /** Clears bit i (no effect when already clear). */
  clear(i: number): void {
    if (!this.has(i)) return;
    this.setCount--;
    let index = i;
    for (const words of this.levels) {
      const w = index >>> 5;
      const after = (words[w] ?? 0) & ~(1 << (index & 31));
      words[w] = after;
      if (after !== 0) return; // the word stays non-zero: parents unchanged
      index = w;
    }
  }

  /** Sets every bit in [0, size). */
  fill(): void {
    for (let i = 0; i < this.size; i++) this.set(i);
  }

  /** The lowest set bit, or -1. */
  first(): number {
    return this.setCount === 0 ? -1 : this.descend(this.levels.length - 1, 0, lowestBit);
  }

  /** The highest set bit, or -1. */
  last(): number {
    return this.setCount === 0 ? -1 : this.descend(this.levels.length - 1, 0, highestBit);
  }

  /** The lowest set bit at or after i, or -1. */
  nextFrom(i: number): number {
    if (i < 0) i = 0;
    if (i >= this.size) return -1;
    return this.nextAt(0, i);
  }

  /** Every set bit in increasing order. */
  *indices(): IterableIterator<number> {
    for (let i = this.first(); i >= 0; i = this.nextFrom(i + 1)) yield i;
  }

  private level(l: number): Uint32Array {
    const words = this.levels[l];
    if (!words) throw new Error(`LevelBitmap: no level ${l}`);
    return words;
  }

  /** From word `w` of level `l` (known non-zero), follows `pick` down to a bit of level 0. */
  private descend(l: number, w: number, pick: (word: number) => number): number {
    let index = w;
    for (let level = l; level >= 0; level--) {
      index = index * 32 + pick(this.level(level)[index] ?? 0);
    }
    return index;
  }

  /** The lowest set index at level `l` that is >= i, or -1. */
  private nextAt(l: number, i: number): number {
    const words = this.level(l);
    const w = i >>> 5;
    if (w >= words.length) return -1;
    const masked = (words[w] ?? 0) & (0xffffffff << (i & 31));
    if (masked !== 0) return w * 32 + lowestBit(masked);
    if (l === this.levels.length - 1) return -1;
    const next = this.nextAt(l + 1, w + 1); // the next non-zero word of this level
    return next < 0 ? -1 : next * 32 + lowestBit(words[next] ?? 0);
  }
}
