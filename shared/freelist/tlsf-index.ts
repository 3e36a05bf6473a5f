// The TLSF index ([FL-TLSF-*]): Masmano et al.'s two-level segregated fit, after
// mattconte/tlsf. Free blocks sit in size classes (first level = the power of two,
// second level = one of 32 slices of it; below 32 alignment units, one class per
// size); each class is a LIFO list, with a bitmap of non-empty classes per first level
// and one of non-empty first levels. A request is rounded up to the next class
// boundary, so any block of the first non-empty class at or above it fits: O(1), no
// search inside a list ("good fit").

import { growInt32, type BlockArrays, type FreeIndex } from './blocks.ts';
import { lowestBit } from '../core/level-bitmap.ts';
import { invariant } from '../core/outcome.ts';

export const SL_LOG2 = 5;
const SL_COUNT = 1 << SL_LOG2;
const FL_COUNT = 32;

/** Size classes for one alignment: `alignLog2` is log2 of the heap's alignment. */
export class TlsfClasses {
  readonly alignLog2: number;
  /** Sizes below this have one class each (first level 0). */
  readonly smallLimit: number;
  private readonly flShift: number;

  constructor(alignLog2: number) {
    this.alignLog2 = alignLog2;
    this.flShift = SL_LOG2 + alignLog2;
    this.smallLimit = 2 ** this.flShift;
  }

  /** The class a free block of `size` bytes is listed in, as fl * 32 + sl. */
  classOf(size: number): number {
    if (size < this.smallLimit) return size >>> this.alignLog2;
    const log = 31 - Math.clz32(size);
    const sl = (size >>> (log - SL_LOG2)) ^ SL_COUNT;
    const fl = log - this.flShift + 1;
    return fl * SL_COUNT + sl;
  }

  /** The first class whose every block holds `size` bytes (the request rounded up to a class boundary). */
  searchClassOf(size: number): number {
    if (size < this.smallLimit) return this.classOf(size);
    const round = 2 ** (31 - Math.clz32(size) - SL_LOG2) - 1;
    return this.classOf(size + round);
  }
}

export class TlsfIndex implements FreeIndex {
  private readonly heap: BlockArrays;
  readonly classes: TlsfClasses;
  private flBits = 0;
  private readonly slBits = new Uint32Array(FL_COUNT);
  private readonly heads = new Int32Array(FL_COUNT * SL_COUNT).fill(-1);
  private next: Int32Array;
  private prev: Int32Array;
  private klass: Int32Array;

  constructor(heap: BlockArrays, alignLog2: number, capacity: number) {
    this.heap = heap;
    this.classes = new TlsfClasses(alignLog2);
    this.next = new Int32Array(capacity).fill(-1);
    this.prev = new Int32Array(capacity).fill(-1);
    this.klass = new Int32Array(capacity).fill(-1);
  }

  resize(capacity: number): void {
    this.next = growInt32(this.next, capacity);
    this.prev = growInt32(this.prev, capacity);
    this.klass = growInt32(this.klass, capacity);
  }

  /** [FL-TLSF-2] Pushes the block on the front of its class list. */
  insert(slot: number): void {
    const c = this.classes.classOf(this.heap.size[slot]!);
    // (The message is built only on failure: this is the hot path.)
    if (c >= FL_COUNT * SL_COUNT) invariant(false, `TLSF: size ${this.heap.size[slot]} is beyond the largest class`);
    const head = this.heads[c]!;
    this.next[slot] = head;
    this.prev[slot] = -1;
    if (head >= 0) this.prev[head] = slot;
    this.heads[c] = slot;
    this.klass[slot] = c;
    this.flBits |= 1 << (c >>> SL_LOG2);
    this.slBits[c >>> SL_LOG2]! |= 1 << (c & (SL_COUNT - 1));
  }

  remove(slot: number): void {
    const c = this.klass[slot]!;
    const p = this.prev[slot]!;
    const n = this.next[slot]!;
    if (p >= 0) this.next[p] = n;
    else this.heads[c] = n;
    if (n >= 0) this.prev[n] = p;
    this.klass[slot] = -1;
    if (this.heads[c]! < 0) {
      const fl = c >>> SL_LOG2;
      const sl = this.slBits[fl]! & ~(1 << (c & (SL_COUNT - 1)));
      this.slBits[fl] = sl;
      if (sl === 0) this.flBits &= ~(1 << fl);
    }
  }

  /** A changed block moves to the front of its (maybe new) class list. */
  update(slot: number): void {
    this.remove(slot);
    this.insert(slot);
  }

  /** [FL-POL-7] The head of the first non-empty class at or above the request's rounded class, or -1. */
  goodFit(need: number): number {
    const c = this.classes.searchClassOf(need);
    let fl = c >>> SL_LOG2;
    if (fl >= FL_COUNT) return -1;
    let slMap = this.slBits[fl]! & (-1 << (c & (SL_COUNT - 1)));
    if (slMap === 0) {
      const flMap = fl + 1 >= FL_COUNT ? 0 : this.flBits & (-1 << (fl + 1));
      if (flMap === 0) return -1;
      fl = lowestBit(flMap);
      slMap = this.slBits[fl]!;
    }
    return this.heads[fl * SL_COUNT + lowestBit(slMap)]!;
  }

  /** The largest free block: the biggest in the highest non-empty class (lowest address among equals). */
  largest(): number {
    if (this.flBits === 0) return -1;
    const fl = 31 - Math.clz32(this.flBits);
    const c = fl * SL_COUNT + (31 - Math.clz32(this.slBits[fl]!));
    let best = -1;
    for (let s = this.heads[c]!; s >= 0; s = this.next[s]!) {
      if (best < 0 || isBigger(this.heap, s, best)) best = s;
    }
    return best;
  }

  /** The class lists, front first (for the checker and the tests). */
  lists(): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (let c = 0; c < this.heads.length; c++) {
      if (this.heads[c]! < 0) continue;
      const list: number[] = [];
      for (let s = this.heads[c]!; s >= 0; s = this.next[s]!) list.push(s);
      out.set(c, list);
    }
    return out;
  }

  verify(slots: readonly number[]): void {
    let listed = 0;
    for (let c = 0; c < this.heads.length; c++) {
      const fl = c >>> SL_LOG2;
      const bit = (this.slBits[fl]! >>> (c & (SL_COUNT - 1))) & 1;
      invariant(bit === (this.heads[c]! >= 0 ? 1 : 0), `TLSF: class ${c} bit disagrees with its list`);
      let prev = -1;
      for (let s = this.heads[c]!; s >= 0; s = this.next[s]!) {
        invariant(this.classes.classOf(this.heap.size[s]!) === c, `TLSF: slot ${s} is listed in the wrong class`);
        invariant(this.prev[s] === prev, `TLSF: slot ${s} has a broken back link`);
        prev = s;
        listed++;
      }
    }
    for (let fl = 0; fl < FL_COUNT; fl++) {
      invariant(((this.flBits >>> fl) & 1) === (this.slBits[fl]! !== 0 ? 1 : 0), `TLSF: first-level bit ${fl} disagrees`);
    }
    invariant(listed === slots.length, `TLSF: lists ${listed} blocks, the heap has ${slots.length} free`);
  }
}

function isBigger(heap: BlockArrays, a: number, b: number): boolean {
  const sa = heap.size[a]!;
  const sb = heap.size[b]!;
  return sa > sb || (sa === sb && heap.start[a]! < heap.start[b]!);
}
