// A max segment tree over a growable row of non-negative integer leaves: set a leaf,
// read the maximum, and find the first (or last) leaf at or past (or before) a position
// whose value reaches a threshold, all in O(log n) without allocating. The free-list
// indexes use it with free-block sizes as values: over address bins (first fit, next
// fit) and over free-list positions (LIFO and FIFO first fit).
//
// Layout: a bottom-up tree in one Int32Array; node 1 is the root, node i has children
// 2i and 2i+1, leaf j is node `leaves + j`. Invariant: every inner node holds the
// maximum of its two children (so the root holds the maximum leaf).

export class MaxTree {
  /** Number of leaves, a power of two. */
  leaves: number;
  node: Int32Array;

  constructor(minLeaves: number) {
    this.leaves = powerOfTwoAtLeast(Math.max(2, minLeaves));
    this.node = new Int32Array(2 * this.leaves);
  }

  get max(): number {
    return this.node[1]!;
  }

  leaf(j: number): number {
    return this.node[this.leaves + j]!;
  }

  /** Makes room for leaf `j` (new leaves are 0), doubling as needed. */
  cover(j: number): void {
    if (j < this.leaves) return;
    const old = this.node;
    const oldLeaves = this.leaves;
    this.leaves = powerOfTwoAtLeast(j + 1);
    this.node = new Int32Array(2 * this.leaves);
    this.node.set(old.subarray(oldLeaves, 2 * oldLeaves), this.leaves);
    this.rebuild();
  }

  /** Recomputes every inner node from the leaves. */
  rebuild(): void {
    const n = this.node;
    for (let i = this.leaves - 1; i >= 1; i--) {
      const l = n[2 * i]!;
      const r = n[2 * i + 1]!;
      n[i] = l > r ? l : r;
    }
  }

  /** Sets leaf `j` (which must be covered) and restores the maxima above it. */
  set(j: number, value: number): void {
    const n = this.node;
    let i = this.leaves + j;
    n[i] = value;
    i >>= 1;
    while (i >= 1) {
      const l = n[2 * i]!;
      const r = n[2 * i + 1]!;
      const m = l > r ? l : r;
      if (n[i] === m) break;
      n[i] = m;
      i >>= 1;
    }
  }

  /** The lowest leaf index >= from whose value is >= need, or -1. */
  findFirst(from: number, need: number): number {
    const n = this.node;
    const leaves = this.leaves;
    if (from >= leaves || n[1]! < need) return -1;
    let i = leaves + (from < 0 ? 0 : from);
    for (;;) {
      if (n[i]! >= need) {
        while (i < leaves) {
          i <<= 1;
          if (n[i]! < need) i++;
        }
        return i - leaves;
      }
      // Climb while i is a right child, then step to the next subtree on the right.
      while (i & 1) i >>= 1;
      if (i === 0) return -1;
      i++;
    }
  }

  /** The highest leaf index <= to whose value is >= need, or -1. */
  findLast(to: number, need: number): number {
    const n = this.node;
    const leaves = this.leaves;
    if (to < 0 || n[1]! < need) return -1;
    let i = leaves + (to >= leaves ? leaves - 1 : to);
    for (;;) {
      if (n[i]! >= need) {
        while (i < leaves) {
          i = 2 * i + 1;
          if (n[i]! < need) i--;
        }
        return i - leaves;
      }
      // Climb while i is a left child, then step to the next subtree on the left.
      while ((i & 1) === 0) i >>= 1;
      if (i === 1) return -1;
      i--;
    }
  }
}

export function powerOfTwoAtLeast(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
