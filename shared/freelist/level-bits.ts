// A fixed-size set of small integers as a hierarchy of 32-bit words: level 0 has one
// bit per member, each higher level one bit per non-empty word below it. `next(k)`
// (the smallest member >= k) and `last()` cost a few word operations per level.
// Best fit uses it over exact block sizes, so the smallest sufficient size is found
// without looking at empty sizes.

export class LevelBits {
  readonly size: number;
  /** levels[0] is the member bits; levels[top] is a single word. */
  private readonly levels: Uint32Array[];

  constructor(size: number) {
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

  has(k: number): boolean {
    return ((this.levels[0]![k >>> 5]! >>> (k & 31)) & 1) === 1;
  }

  add(k: number): void {
    const levels = this.levels;
    for (let l = 0; l < levels.length; l++) {
      const words = levels[l]!;
      const w = k >>> 5;
      const before = words[w]!;
      words[w] = before | (1 << (k & 31));
      if (before !== 0) return;
      k = w;
    }
  }

  delete(k: number): void {
    const levels = this.levels;
    for (let l = 0; l < levels.length; l++) {
      const words = levels[l]!;
      const w = k >>> 5;
      const after = words[w]! & ~(1 << (k & 31));
      words[w] = after;
      if (after !== 0) return;
      k = w;
    }
  }

  /** The smallest member >= k, or -1: climb until a word has a bit at or past the position, then descend. */
  next(k: number): number {
    if (k >= this.size) return -1;
    const levels = this.levels;
    const top = levels.length - 1;
    let level = 0;
    let at = k < 0 ? 0 : k;
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

  /** The largest member, or -1 when empty. */
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
}

export function lowestBit(word: number): number {
  return 31 - Math.clz32(word & -word);
}
