// A hierarchical bitmap over the integers [0, size): level 0 has one bit per member,
// each higher level one bit per non-empty word below it, and the top level is a single
// word. Set, clear and test one bit; find the lowest member at or after an index, the
// lowest or the highest, in a few word operations per level (log32 of the size).
// Best fit finds the smallest sufficient block size with it, the buddy allocator the
// lowest free block of an order, and the slab allocator a slab's lowest free slot.
//
// Invariant: bit j of level l+1 is set exactly when word j of level l is non-zero.

import { invariant } from './outcome.ts';

/** The position of the lowest set bit of a non-zero 32-bit word. */
export function lowestBit(word: number): number {
  return 31 - Math.clz32(word & -word);
}

export class LevelBitmap {
  readonly size: number;
  /** levels[0] is the member bits; the last level is a single word. */
  private readonly levels: Uint32Array[];
  private setCount = 0;

  constructor(size: number) {
    invariant(Number.isInteger(size) && size >= 0, `LevelBitmap: bad size ${size}`);
    this.size = size;
    const levels: Uint32Array[] = [];
    let words = Math.max(1, Math.ceil(size / 32));
    for (;;) {
      levels.push(new Uint32Array(words));
      if (words === 1) break;
      words = Math.ceil(words / 32);
    }
    this.levels = levels;
  }

  get count(): number {
    return this.setCount;
  }

  isEmpty(): boolean {
    return this.setCount === 0;
  }

  has(i: number): boolean {
    return (((this.levels[0]![i >>> 5] ?? 0) >>> (i & 31)) & 1) === 1;
  }

  /** Adds i (no effect when already there). */
  set(i: number): void {
    if (this.has(i)) return;
    this.setCount++;
    let k = i;
    for (const words of this.levels) {
      const w = k >>> 5;
      const before = words[w]!;
      words[w] = before | (1 << (k & 31));
      if (before !== 0) return; // the parents already know this word is non-zero
      k = w;
    }
  }

  /** Removes i (no effect when not there). */
  clear(i: number): void {
    if (!this.has(i)) return;
    this.setCount--;
    let k = i;
    for (const words of this.levels) {
      const w = k >>> 5;
      const after = words[w]! & ~(1 << (k & 31));
      words[w] = after;
      if (after !== 0) return; // the word stays non-zero: parents unchanged
      k = w;
    }
  }

  /** Adds every integer in [0, size). */
  fill(): void {
    for (let i = 0; i < this.size; i++) this.set(i);
  }

  /** The lowest member, or -1. */
  first(): number {
    return this.nextFrom(0);
  }

  /** The lowest member >= i, or -1: climb until a word has a bit at or past the position, then descend. */
  nextFrom(i: number): number {
    if (i >= this.size) return -1;
    const levels = this.levels;
    const top = levels.length - 1;
    let level = 0;
    let at = i < 0 ? 0 : i;
    for (;;) {
      const words = levels[level]!;
      const w = at >>> 5;
      if (w >= words.length) return -1;
      const masked = words[w]! & (-1 << (at & 31));
      if (masked !== 0) {
        at = (w << 5) | lowestBit(masked);
        break;
      }
      if (level === top) return -1;
      at = w + 1;
      level++;
    }
    while (level > 0) {
      level--;
      at = (at << 5) | lowestBit(levels[level]![at]!);
    }
    return at;
  }

  /** The highest member, or -1. */
  last(): number {
    const levels = this.levels;
    let w = 0;
    for (let l = levels.length - 1; l >= 0; l--) {
      const word = levels[l]![w]!;
      if (word === 0) return -1;
      w = (w << 5) | (31 - Math.clz32(word));
    }
    return w;
  }

  /** Every member in increasing order. */
  *indices(): IterableIterator<number> {
    for (let i = this.first(); i >= 0; i = this.nextFrom(i + 1)) yield i;
  }
}
