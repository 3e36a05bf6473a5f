// The size index behind best fit and worst fit ([FL-POL-5], [FL-POL-6]): free blocks
// by (size, address). Sizes below `exactLimit` have one bucket per exact size, each a
// binary min-heap by address, with a LevelBits over the non-empty buckets; so best fit
// is "next non-empty bucket at or above the request, then its lowest address", a few
// word operations and no scan. Larger blocks (few: big holes, the heap's tail) live
// in a treap ordered by (size, address).

import { growInt32, type BlockArrays, type FreeIndex } from './blocks.ts';
import { LevelBits } from './level-bits.ts';
import { invariant } from '../core/outcome.ts';

/** Exact-size buckets per index; sizes are counted in units of the alignment. */
const EXACT_BUCKETS = 1 << 14;

export class SizeIndex implements FreeIndex {
  private readonly blocks: BlockArrays;
  /** Bytes per bucket step (a power of two): every block size is a multiple of it. */
  private readonly unit: number;
  private readonly unitLog2: number;
  /** Sizes at or above this go to the treap. */
  readonly exactLimit: number;
  private readonly nonEmpty = new LevelBits(EXACT_BUCKETS);
  /**
   * Each bucket's heap as (start, slot) pairs in one Float64Array: entry i is at 2i
   * (its start, the heap key) and 2i + 1 (its slot), so sifting compares keys held
   * right there instead of reading the block store.
   */
  private readonly buckets: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(EXACT_BUCKETS);
  private readonly counts = new Int32Array(EXACT_BUCKETS);
  /** Position of a slot inside its bucket's heap. */
  private pos: Int32Array;
  private readonly large: SizeTreap;

  constructor(blocks: BlockArrays, unit: number, capacity: number) {
    this.blocks = blocks;
    this.unit = unit;
    this.unitLog2 = Math.log2(unit);
    this.exactLimit = EXACT_BUCKETS * unit;
    this.pos = new Int32Array(capacity).fill(-1);
    this.large = new SizeTreap(blocks, capacity);
  }

  resize(capacity: number): void {
    this.pos = growInt32(this.pos, capacity);
    this.large.resize(capacity);
  }

  insert(slot: number): void {
    const size = this.blocks.size[slot]!;
    if (size >= this.exactLimit) {
      this.large.insert(slot);
      return;
    }
    const k = size >>> this.unitLog2;
    let heap = this.buckets[k];
    const n = this.counts[k]!;
    if (heap === undefined || 2 * n === heap.length) heap = this.growBucket(k, n);
    if (n === 0) this.nonEmpty.add(k);
    this.counts[k] = n + 1;
    this.siftUp(heap, n, slot, this.blocks.start[slot]!);
  }

  remove(slot: number): void {
    this.removeAs(slot, this.blocks.start[slot]!, this.blocks.size[slot]!);
  }

  update(slot: number, oldStart: number, oldSize: number): void {
    this.removeAs(slot, oldStart, oldSize);
    this.insert(slot);
  }

  /** Removes `slot`, listed under the start and size given (its arrays may have moved on). */
  private removeAs(slot: number, start: number, size: number): void {
    if (size >= this.exactLimit) {
      this.large.remove(slot, start, size);
      return;
    }
    const k = size >>> this.unitLog2;
    const heap = this.buckets[k]!;
    const n = this.counts[k]! - 1;
    this.counts[k] = n;
    const i = this.pos[slot]!;
    this.pos[slot] = -1;
    if (n === 0) {
      this.nonEmpty.delete(k);
      return;
    }
    if (i === n) return;
    // Put the last entry in the hole, then restore the heap order in whichever direction it is broken.
    const key = heap[2 * n]!;
    const moved = heap[2 * n + 1]!;
    if (i > 0 && key < heap[2 * ((i - 1) >> 1)]!) this.siftUp(heap, i, moved, key);
    else this.siftDown(heap, i, moved, key, n);
  }

  /** [FL-POL-5] The smallest free block of at least `need` bytes, lowest address first; -1 if none. */
  bestFit(need: number): number {
    const k = Math.ceil(need / this.unit);
    if (k < EXACT_BUCKETS) {
      const j = this.nonEmpty.next(k);
      if (j >= 0) return this.buckets[j]![1]!;
    }
    return this.large.ceiling(need);
  }

  /** [FL-POL-6] The largest free block, lowest address first, if it holds `need` bytes; else -1. */
  worstFit(need: number): number {
    const slot = this.largest();
    return slot >= 0 && this.blocks.size[slot]! >= need ? slot : -1;
  }

  /** The largest free block (lowest address among equals), or -1 when nothing is free. */
  largest(): number {
    const big = this.large.largest();
    if (big >= 0) return big;
    const j = this.nonEmpty.last();
    return j < 0 ? -1 : this.buckets[j]![1]!;
  }

  verify(slots: readonly number[]): void {
    const seen = new Set<number>();
    for (let k = 0; k < EXACT_BUCKETS; k++) {
      const n = this.counts[k]!;
      invariant(this.nonEmpty.has(k) === n > 0, `size index: bucket ${k} bit disagrees with its count ${n}`);
      const heap = this.buckets[k];
      for (let i = 0; i < n; i++) {
        const s = heap![2 * i + 1]!;
        invariant(this.blocks.size[s] === k * this.unit, `size index: slot ${s} sits in the wrong bucket ${k}`);
        invariant(heap![2 * i] === this.blocks.start[s], `size index: slot ${s} is keyed by a stale start`);
        invariant(this.pos[s] === i, `size index: slot ${s} has a stale position`);
        if (i > 0) invariant(heap![2 * ((i - 1) >> 1)]! < heap![2 * i]!, `size index: bucket ${k} is out of address order`);
        seen.add(s);
      }
    }
    for (const s of this.large.slots()) seen.add(s);
    invariant(seen.size === slots.length && slots.every((s) => seen.has(s)), 'size index: does not hold exactly the free blocks');
    this.large.verify();
  }

  private growBucket(k: number, n: number): Float64Array {
    const old = this.buckets[k];
    const heap = new Float64Array(2 * Math.max(4, n * 2));
    if (old) heap.set(old.subarray(0, 2 * n));
    this.buckets[k] = heap;
    return heap;
  }

  private siftUp(heap: Float64Array, i: number, slot: number, key: number): void {
    const pos = this.pos;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = heap[2 * parent]!;
      if (parentKey <= key) break;
      const p = heap[2 * parent + 1]!;
      heap[2 * i] = parentKey;
      heap[2 * i + 1] = p;
      pos[p] = i;
      i = parent;
    }
    heap[2 * i] = key;
    heap[2 * i + 1] = slot;
    pos[slot] = i;
  }

  private siftDown(heap: Float64Array, i: number, slot: number, key: number, n: number): void {
    const pos = this.pos;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && heap[2 * child + 2]! < heap[2 * child]!) child++;
      const childKey = heap[2 * child]!;
      if (childKey >= key) break;
      const c = heap[2 * child + 1]!;
      heap[2 * i] = childKey;
      heap[2 * i + 1] = c;
      pos[c] = i;
      i = child;
    }
    heap[2 * i] = key;
    heap[2 * i + 1] = slot;
    pos[slot] = i;
  }
}

/**
 * A treap of free blocks ordered by (size, address). Priorities come from a fixed
 * integer hash, so the shape (which nothing observable depends on) is deterministic.
 */
export class SizeTreap {
  private readonly heap: BlockArrays;
  private left: Int32Array;
  private right: Int32Array;
  private priority: Int32Array;
  private root = -1;
  private stamp = 0x2545f491;

  constructor(heap: BlockArrays, capacity: number) {
    this.heap = heap;
    this.left = new Int32Array(capacity).fill(-1);
    this.right = new Int32Array(capacity).fill(-1);
    this.priority = new Int32Array(capacity);
  }

  resize(capacity: number): void {
    this.left = growInt32(this.left, capacity);
    this.right = growInt32(this.right, capacity);
    this.priority = growInt32(this.priority, capacity, 0);
  }

  insert(slot: number): void {
    this.stamp = nextStamp(this.stamp);
    this.priority[slot] = this.stamp;
    this.left[slot] = -1;
    this.right[slot] = -1;
    this.root = this.insertUnder(this.root, slot);
  }

  /** Removes `slot`, found under the key (size, start) it was inserted with. */
  remove(slot: number, start: number, size: number): void {
    this.root = this.removeUnder(this.root, slot, start, size);
  }

  /** The least (size, address) with size >= need, or -1. */
  ceiling(need: number): number {
    const size = this.heap.size;
    let t = this.root;
    let best = -1;
    while (t >= 0) {
      if (size[t]! >= need) {
        best = t;
        t = this.left[t]!;
      } else {
        t = this.right[t]!;
      }
    }
    return best;
  }

  /** The largest size at its lowest address, or -1 when empty. */
  largest(): number {
    let t = this.root;
    if (t < 0) return -1;
    while (this.right[t]! >= 0) t = this.right[t]!;
    return this.ceiling(this.heap.size[t]!);
  }

  slots(): number[] {
    const out: number[] = [];
    const walk = (t: number): void => {
      if (t < 0) return;
      walk(this.left[t]!);
      out.push(t);
      walk(this.right[t]!);
    };
    walk(this.root);
    return out;
  }

  verify(): void {
    const order = this.slots();
    for (let i = 1; i < order.length; i++) {
      invariant(this.isBefore(order[i - 1]!, order[i]!), 'size treap: entries out of (size, address) order');
    }
  }

  private isBefore(a: number, b: number): boolean {
    const sa = this.heap.size[a]!;
    const sb = this.heap.size[b]!;
    return sa < sb || (sa === sb && this.heap.start[a]! < this.heap.start[b]!);
  }

  private insertUnder(t: number, slot: number): number {
    if (t < 0) return slot;
    if (this.isBefore(slot, t)) {
      const l = this.insertUnder(this.left[t]!, slot);
      this.left[t] = l;
      if (this.priority[l]! > this.priority[t]!) {
        this.left[t] = this.right[l]!;
        this.right[l] = t;
        return l;
      }
    } else {
      const r = this.insertUnder(this.right[t]!, slot);
      this.right[t] = r;
      if (this.priority[r]! > this.priority[t]!) {
        this.right[t] = this.left[r]!;
        this.left[r] = t;
        return r;
      }
    }
    return t;
  }

  private removeUnder(t: number, slot: number, start: number, size: number): number {
    if (t < 0) invariant(false, `size treap: slot ${slot} is not in the tree`);
    if (t === slot) return this.join(this.left[t]!, this.right[t]!);
    const ts = this.heap.size[t]!;
    if (size < ts || (size === ts && start < this.heap.start[t]!)) this.left[t] = this.removeUnder(this.left[t]!, slot, start, size);
    else this.right[t] = this.removeUnder(this.right[t]!, slot, start, size);
    return t;
  }

  private join(a: number, b: number): number {
    if (a < 0) return b;
    if (b < 0) return a;
    if (this.priority[a]! > this.priority[b]!) {
      this.right[a] = this.join(this.right[a]!, b);
      return a;
    }
    this.left[b] = this.join(a, this.left[b]!);
    return b;
  }
}

/** xorshift32: the treap's deterministic priorities. */
function nextStamp(x: number): number {
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  return x | 0;
}
