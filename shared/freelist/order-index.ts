// The free-list order index behind LIFO and FIFO first fit ([FL-ORDER-*], [FL-POL-1],
// [FL-POL-2]). The heap stamps each free block with a list stamp (larger = entered the
// list later); a block that keeps its stamp (a split remainder) keeps its place. Here
// every stamp owns a position on a line, in stamp order, and a MaxTree over the line holds
// each position's free size (0 when vacant). LIFO first fit is the last position whose
// size fits, FIFO the first: O(log n), whatever the list's length.
//
// New stamps are always the largest, so they append; when the line is full, the live
// positions are packed to the front (order kept) and the line doubles if needed.

import { growFloat64, growInt32, type BlockArrays, type FreeIndex } from './blocks.ts';
import { MaxTree } from './max-tree.ts';
import { invariant } from '../core/outcome.ts';

export class OrderIndex implements FreeIndex {
  private readonly heap: BlockArrays;
  private tree: MaxTree;
  /** Position -> slot (or -1 when vacant). */
  private slotAt: Int32Array;
  /** Slot -> its position, and the stamp it had there (to recognise a block that kept its stamp). */
  private posOf: Int32Array;
  private stampAt: Float64Array;
  /** Next position to hand out. */
  private top = 0;
  private count = 0;

  constructor(heap: BlockArrays, capacity: number) {
    this.heap = heap;
    this.tree = new MaxTree(1024);
    this.slotAt = new Int32Array(this.tree.leaves).fill(-1);
    this.posOf = new Int32Array(capacity).fill(-1);
    this.stampAt = new Float64Array(capacity).fill(-1);
  }

  resize(capacity: number): void {
    this.posOf = growInt32(this.posOf, capacity);
    const stamps = growFloat64(this.stampAt, capacity);
    stamps.fill(-1, this.stampAt.length);
    this.stampAt = stamps;
  }

  insert(slot: number): void {
    const seq = this.heap.stamps[2 * slot]!;
    let p = this.posOf[slot]!;
    if (p < 0 || p >= this.top || this.stampAt[slot] !== seq || this.slotAt[p] !== -1) {
      if (this.top === this.tree.leaves) this.pack();
      p = this.top++;
      this.posOf[slot] = p;
      this.stampAt[slot] = seq;
    }
    this.slotAt[p] = slot;
    this.tree.set(p, this.heap.size[slot]!);
    this.count++;
  }

  remove(slot: number): void {
    const p = this.posOf[slot]!;
    this.slotAt[p] = -1;
    this.tree.set(p, 0);
    this.count--;
  }

  update(slot: number): void {
    if (this.stampAt[slot] === this.heap.stamps[2 * slot]) {
      this.tree.set(this.posOf[slot]!, this.heap.size[slot]!);
      return;
    }
    this.remove(slot);
    this.insert(slot);
  }

  /** [FL-POL-1] LIFO: the most recently listed free block of at least `need` bytes, or -1. */
  newestFit(need: number): number {
    const p = this.tree.findLast(this.top - 1, need);
    return p < 0 ? -1 : this.slotAt[p]!;
  }

  /** [FL-POL-2] FIFO: the earliest listed free block of at least `need` bytes, or -1. */
  oldestFit(need: number): number {
    const p = this.tree.findFirst(0, need);
    return p < 0 ? -1 : this.slotAt[p]!;
  }

  get largestSize(): number {
    return this.tree.max;
  }

  /** The slots in list order, oldest first. */
  listed(): number[] {
    const out: number[] = [];
    for (let p = 0; p < this.top; p++) if (this.slotAt[p]! >= 0) out.push(this.slotAt[p]!);
    return out;
  }

  verify(slots: readonly number[]): void {
    const order = this.listed();
    invariant(order.length === slots.length && this.count === slots.length, `order index: lists ${order.length} blocks, the heap has ${slots.length} free`);
    const free = new Set(slots);
    let lastSeq = -Infinity;
    for (const s of order) {
      invariant(free.has(s), `order index: slot ${s} is listed but not free`);
      invariant(this.heap.stamps[2 * s]! > lastSeq, 'order index: positions are out of stamp order');
      invariant(this.tree.leaf(this.posOf[s]!) === this.heap.size[s], `order index: slot ${s} records a stale size`);
      lastSeq = this.heap.stamps[2 * s]!;
    }
  }

  /** Moves the listed blocks to positions 0..count-1 (order kept), doubling the line if it is over half full. */
  private pack(): void {
    const order = this.listed();
    const leaves = order.length * 2 > this.tree.leaves ? this.tree.leaves * 2 : this.tree.leaves;
    const sizes = new Int32Array(order.length);
    for (let p = 0; p < order.length; p++) sizes[p] = this.heap.size[order[p]!]!;
    this.tree.reset(sizes, leaves);
    this.slotAt = new Int32Array(this.tree.leaves).fill(-1);
    for (let p = 0; p < order.length; p++) {
      this.slotAt[p] = order[p]!;
      this.posOf[order[p]!] = p;
    }
    this.top = order.length;
  }
}
