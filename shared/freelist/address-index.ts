// The address index behind next fit ([FL-POL-4]) and the match rules' aligned fit
// (address-ordered first fit, [FL-POL-3], goes through the size index): the heap's
// address range is cut into bins of `binBytes`; each bin keeps its free blocks (by
// start address) in an address-ordered linked list, and a MaxTree over the bins holds
// the largest free block starting in each. "Lowest address that fits from position p"
// is: the rest of p's bin, then the first bin past it whose maximum fits
// (O(log bins)), then a walk of that bin's short list.
//
// Invariants: a free block is listed in the bin of its start; each bin's list is in
// increasing address order; the tree's leaf for a bin is the largest size in its list.

import { growInt32, type BlockArrays, type FreeIndex } from './blocks.ts';
import { MaxTree } from './max-tree.ts';
import { invariant } from '../core/outcome.ts';

export class AddressIndex implements FreeIndex {
  private readonly heap: BlockArrays;
  private readonly shift: number;
  private readonly tree: MaxTree;
  private head: Int32Array;
  private after: Int32Array;
  private before: Int32Array;

  /** `binBytes` is rounded up to a power of two. */
  constructor(heap: BlockArrays, binBytes: number, capacity: number, addressEnd: number) {
    this.heap = heap;
    this.shift = Math.ceil(Math.log2(Math.max(1, binBytes)));
    const bins = Math.max(2, Math.ceil(addressEnd / 2 ** this.shift));
    this.tree = new MaxTree(bins);
    this.head = new Int32Array(this.tree.leaves).fill(-1);
    this.after = new Int32Array(capacity).fill(-1);
    this.before = new Int32Array(capacity).fill(-1);
  }

  resize(capacity: number): void {
    this.after = growInt32(this.after, capacity);
    this.before = growInt32(this.before, capacity);
  }

  insert(slot: number): void {
    const at = this.heap.start[slot]!;
    const bin = at >>> this.shift;
    if (bin >= this.tree.leaves) this.coverBin(bin);
    this.link(bin, slot, at);
    const size = this.heap.size[slot]!;
    if (size > this.tree.leaf(bin)) this.tree.set(bin, size);
  }

  remove(slot: number): void {
    this.unlinkFrom(this.heap.start[slot]! >>> this.shift, slot, this.heap.size[slot]!);
  }

  update(slot: number, oldStart: number, oldSize: number): void {
    const oldBin = oldStart >>> this.shift;
    const bin = this.heap.start[slot]! >>> this.shift;
    const size = this.heap.size[slot]!;
    if (bin !== oldBin) {
      this.unlinkFrom(oldBin, slot, oldSize);
      this.insert(slot);
      return;
    }
    // Same bin, and no free block lies between the old and new start: the list order holds.
    const leaf = this.tree.leaf(bin);
    if (size > leaf) this.tree.set(bin, size);
    else if (oldSize === leaf && size < oldSize) this.tree.set(bin, this.binMax(bin));
  }

  private link(bin: number, slot: number, at: number): void {
    const start = this.heap.start;
    let prev = -1;
    let cur = this.head[bin]!;
    while (cur >= 0 && start[cur]! < at) {
      prev = cur;
      cur = this.after[cur]!;
    }
    this.after[slot] = cur;
    this.before[slot] = prev;
    if (cur >= 0) this.before[cur] = slot;
    if (prev >= 0) this.after[prev] = slot;
    else this.head[bin] = slot;
  }

  /** Takes `slot` (of size `size`) out of `bin`'s list and restores the bin's maximum. */
  private unlinkFrom(bin: number, slot: number, size: number): void {
    const prev = this.before[slot]!;
    const next = this.after[slot]!;
    if (prev >= 0) this.after[prev] = next;
    else this.head[bin] = next;
    if (next >= 0) this.before[next] = prev;
    if (size === this.tree.leaf(bin)) this.tree.set(bin, this.binMax(bin));
  }

  /** The largest free size anywhere (0 when nothing is free). */
  get largestSize(): number {
    return this.tree.max;
  }

  /** [FL-POL-3] The free block of at least `need` bytes with the lowest address, or -1. */
  firstFit(need: number): number {
    const bin = this.tree.findFirst(0, need);
    return bin < 0 ? -1 : this.firstInBin(bin, 0, need);
  }

  /** The free block of at least `need` bytes with the lowest start >= `from`, or -1. */
  firstFitFrom(from: number, need: number): number {
    const bin = from >>> this.shift;
    if (bin < this.tree.leaves && this.tree.leaf(bin) >= need) {
      const hit = this.firstInBin(bin, from, need);
      if (hit >= 0) return hit;
    }
    const next = this.tree.findFirst(bin + 1, need);
    return next < 0 ? -1 : this.firstInBin(next, 0, need);
  }

  /** The largest free block at its lowest address, or -1 when nothing is free. */
  largest(): number {
    return this.tree.max > 0 ? this.firstFit(this.tree.max) : -1;
  }

  verify(slots: readonly number[]): void {
    const start = this.heap.start;
    let listed = 0;
    for (let bin = 0; bin < this.tree.leaves; bin++) {
      let max = 0;
      let prev = -1;
      for (let s = this.head[bin]!; s >= 0; s = this.after[s]!) {
        invariant(start[s]! >>> this.shift === bin, `address index: slot ${s} is listed in bin ${bin}, not its own`);
        invariant(this.before[s] === prev, `address index: slot ${s} has a broken back link`);
        if (prev >= 0) invariant(start[prev]! < start[s]!, `address index: bin ${bin} is out of address order`);
        max = Math.max(max, this.heap.size[s]!);
        prev = s;
        listed++;
      }
      invariant(this.tree.leaf(bin) === max, `address index: bin ${bin} records ${this.tree.leaf(bin)}, holds at most ${max}`);
    }
    invariant(listed === slots.length, `address index: lists ${listed} blocks, the heap has ${slots.length} free`);
  }

  private firstInBin(bin: number, from: number, need: number): number {
    const start = this.heap.start;
    const size = this.heap.size;
    for (let s = this.head[bin]!; s >= 0; s = this.after[s]!) {
      if (start[s]! >= from && size[s]! >= need) return s;
    }
    return -1;
  }

  private binMax(bin: number): number {
    let max = 0;
    const size = this.heap.size;
    for (let s = this.head[bin]!; s >= 0; s = this.after[s]!) if (size[s]! > max) max = size[s]!;
    return max;
  }

  private coverBin(bin: number): void {
    this.tree.cover(bin);
    this.head = growInt32(this.head, this.tree.leaves);
  }
}
