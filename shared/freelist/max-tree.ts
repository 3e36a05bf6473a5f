// A max tree over a growable row of non-negative integer leaves: set a leaf, read the
// maximum, and find the first (or last) leaf at or past (or before) a position whose
// value reaches a threshold, in O(log n) without allocating. The free-list indexes use
// it with free-block sizes as values: over address bins (first fit, next fit) and over
// free-list positions (LIFO and FIFO first fit).
//
// Layout: 16-ary, one Int32Array per level. Level 0 holds the leaves; entry i of
// level l+1 is the maximum of entries 16i..16i+15 of level l (one 64-byte cache line),
// up to a top level of one entry. Invariant: every entry above level 0 holds the
// maximum of its group below (so the top holds the maximum leaf). A wide tree touches
// few cache lines: 5 levels cover a million leaves.

const SHIFT = 4;
const FAN = 1 << SHIFT;
const LOW = FAN - 1;

export class MaxTree {
  /** Number of leaves (a multiple of 16). */
  leaves = 0;
  private levels: Int32Array[] = [];

  constructor(minLeaves: number) {
    this.build(Math.max(FAN, minLeaves), null);
  }

  get max(): number {
    return this.levels[this.levels.length - 1]![0]!;
  }

  leaf(j: number): number {
    return this.levels[0]![j]!;
  }

  /** Makes room for leaf `j` (new leaves are 0), doubling as needed. */
  cover(j: number): void {
    if (j < this.leaves) return;
    let n = this.leaves;
    while (n <= j) n *= 2;
    this.build(n, this.levels[0]!);
  }

  /** Sets leaves 0..values.length-1 to `values` and the rest to 0, with room for `minLeaves`. */
  reset(values: ArrayLike<number>, minLeaves: number): void {
    this.build(Math.max(FAN, minLeaves, values.length), values);
  }

  /** Sets leaf `j` (which must be covered) and restores the maxima above it. */
  set(j: number, value: number): void {
    const levels = this.levels;
    const top = levels.length - 1;
    let row = levels[0]!;
    let old = row[j]!;
    row[j] = value;
    for (let l = 0; l < top; l++) {
      const up = levels[l + 1]!;
      const g = j >> SHIFT;
      const parent = up[g]!;
      let m: number;
      if (value >= parent) {
        if (value === parent) return;
        m = value;
      } else {
        // The value fell: the parent changes only if the old value was the group's maximum.
        if (old < parent) return;
        m = groupMax(row, g << SHIFT);
        if (m === parent) return;
      }
      up[g] = m;
      old = parent;
      value = m;
      row = up;
      j = g;
    }
  }

  /** The lowest leaf index >= from whose value is >= need, or -1. */
  findFirst(from: number, need: number): number {
    const levels = this.levels;
    if (need < 1) need = 1;
    if (from >= this.leaves || this.max < need) return -1;
    // From the start, walking down from the top scans one group per level, not two.
    if (from <= 0) return this.descendFirst(levels.length - 1, 0, need);
    let j = from;
    let l = 0;
    for (;;) {
      const row = levels[l]!;
      const end = Math.min((j | LOW) + 1, row.length);
      for (let k = j; k < end; k++) {
        if (row[k]! >= need) return this.descendFirst(l, k, need);
      }
      if (l === levels.length - 1) return -1;
      j = (j >> SHIFT) + 1;
      l++;
      if (j >= levels[l]!.length) return -1;
    }
  }

  /** The highest leaf index <= to whose value is >= need, or -1. */
  findLast(to: number, need: number): number {
    const levels = this.levels;
    if (need < 1) need = 1;
    if (to < 0 || this.max < need) return -1;
    let j = to >= this.leaves ? this.leaves - 1 : to;
    let l = 0;
    for (;;) {
      const row = levels[l]!;
      const begin = j & ~LOW;
      for (let k = j; k >= begin; k--) {
        if (row[k]! >= need) return this.descendLast(l, k, need);
      }
      if (l === levels.length - 1) return -1;
      j = (j >> SHIFT) - 1;
      l++;
      if (j < 0) return -1;
    }
  }

  /** Every entry above level 0 is its group's maximum (for the checkers). */
  isConsistent(): boolean {
    for (let l = 1; l < this.levels.length; l++) {
      const below = this.levels[l - 1]!;
      const row = this.levels[l]!;
      for (let g = 0; g < row.length; g++) {
        const from = g << SHIFT;
        let m = 0;
        for (let k = from; k < Math.min(from + FAN, below.length); k++) if (below[k]! > m) m = below[k]!;
        if (row[g] !== m) return false;
      }
    }
    return true;
  }

  private descendFirst(l: number, k: number, need: number): number {
    while (l > 0) {
      l--;
      const row = this.levels[l]!;
      k <<= SHIFT;
      while (row[k]! < need) k++;
    }
    return k;
  }

  private descendLast(l: number, k: number, need: number): number {
    while (l > 0) {
      l--;
      const row = this.levels[l]!;
      k = (k << SHIFT) + LOW;
      while (row[k]! < need) k--;
    }
    return k;
  }

  private build(minLeaves: number, values: ArrayLike<number> | null): void {
    const leaves = Math.ceil(minLeaves / FAN) * FAN;
    const levels: Int32Array[] = [new Int32Array(leaves)];
    if (values) for (let i = 0; i < values.length; i++) levels[0]![i] = values[i]!;
    let n = leaves;
    while (n > 1) {
      const below = levels[levels.length - 1]!;
      n = Math.ceil(n / FAN);
      // Every row but the top is a whole number of groups, so group scans never run off the end.
      const row = new Int32Array(n === 1 ? 1 : Math.ceil(n / FAN) * FAN);
      for (let g = 0; g < n; g++) row[g] = groupMax(below, g << SHIFT);
      levels.push(row);
      n = row.length;
    }
    this.levels = levels;
    this.leaves = leaves;
  }
}

function groupMax(row: Int32Array, from: number): number {
  let m = 0;
  for (let k = from; k < from + FAN; k++) {
    const v = row[k]!;
    if (v > m) m = v;
  }
  return m;
}
