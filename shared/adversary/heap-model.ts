// The adversaries' own picture of the player's heap, kept up to date one placement
// and one free at a time (never a rescan): live blocks in address order, the holes
// between them (the free tail past the last block is not a hole: anything fits
// there by growing), and each block's "merged hole" — the hole its free would leave
// (gap before + block + gap after). Holes and merged holes at or above `cap` are
// only counted as "cap or more", which is all the adaptive adversary needs.

import { invariant } from '../core/outcome.ts';
import { PositionedHeap, type Positioned } from '../core/positioned-heap.ts';

export interface ModelBlock extends Positioned {
  readonly id: number;
  readonly start: number;
  /** Bytes the block takes in the heap. */
  readonly bytes: number;
  /** Bytes the program asked for. */
  readonly size: number;
  prev: ModelBlock | null;
  next: ModelBlock | null;
  /** Its merged hole when indexed (< cap), else -1. */
  key: number;
}

function lowerAddress(a: ModelBlock, b: ModelBlock): boolean {
  return a.start < b.start;
}

export class HeapModel {
  readonly base: number;
  readonly cap: number;
  private readonly blocks = new Map<number, ModelBlock>();
  private head: ModelBlock | null = null;
  private tail: ModelBlock | null = null;
  /** holes[k] = how many holes of k bytes (k = cap: cap or more). */
  private readonly holes: Int32Array;
  private largest = 0;
  /** byKey[k] = blocks whose free would leave a hole of k bytes, lowest address first. */
  private readonly byKey: PositionedHeap<ModelBlock>[];
  private live = 0;

  constructor(base: number, cap: number) {
    this.base = base;
    this.cap = cap;
    this.holes = new Int32Array(cap + 1);
    this.byKey = Array.from({ length: cap }, () => new PositionedHeap<ModelBlock>(lowerAddress));
  }

  /** Requested bytes of the live blocks. */
  get liveBytes(): number {
    return this.live;
  }

  get count(): number {
    return this.blocks.size;
  }

  /** The largest hole, or `cap` when some hole is `cap` bytes or more. */
  largestHole(): number {
    return this.largest;
  }

  has(id: number): boolean {
    return this.blocks.has(id);
  }

  get(id: number): ModelBlock | undefined {
    return this.blocks.get(id);
  }

  /** The block whose free leaves the smallest hole (below cap), the lowest-addressed among equals. */
  smallestMerge(): ModelBlock | undefined {
    for (const bucket of this.byKey) {
      const top = bucket.peek();
      if (top) return top;
    }
    return undefined;
  }

  /** Blocks in address order. */
  *inOrder(): Generator<ModelBlock> {
    for (let b = this.head; b; b = b.next) yield b;
  }

  gapBefore(b: ModelBlock): number {
    return b.start - (b.prev ? b.prev.start + b.prev.bytes : this.base);
  }

  /** The gap to the next block; Infinity for the last block (the free tail is no hole). */
  gapAfter(b: ModelBlock): number {
    return b.next ? b.next.start - (b.start + b.bytes) : Infinity;
  }

  /** Records a placed block. Placements past the last block (the usual case) take O(log n). */
  insert(id: number, start: number, bytes: number, size: number): void {
    invariant(!this.blocks.has(id), `the heap model already holds block ${id}`);
    const block: ModelBlock = { id, start, bytes, size, prev: null, next: null, key: -1, heapPos: -1 };
    let prev = this.tail;
    while (prev && prev.start > start) prev = prev.prev;
    const next = prev ? prev.next : this.head;
    if (next) this.dropHole(next.start - (prev ? prev.start + prev.bytes : this.base));
    this.unindex(prev);
    this.unindex(next);
    block.prev = prev;
    block.next = next;
    if (prev) prev.next = block;
    else this.head = block;
    if (next) next.prev = block;
    else this.tail = block;
    this.addHole(this.gapBefore(block));
    if (next) this.addHole(this.gapAfter(block));
    this.blocks.set(id, block);
    this.live += size;
    this.index(prev);
    this.index(block);
    this.index(next);
  }

  /** Forgets a freed block; its gaps and itself become one hole (or part of the free tail). */
  remove(id: number): ModelBlock {
    const block = this.blocks.get(id);
    invariant(block, `the heap model has no block ${id}`);
    const { prev, next } = block;
    const before = this.gapBefore(block);
    this.dropHole(before);
    if (next) {
      const after = this.gapAfter(block);
      this.dropHole(after);
      this.addHole(before + block.bytes + after);
    }
    this.unindex(block);
    this.unindex(prev);
    this.unindex(next);
    if (prev) prev.next = next;
    else this.head = next;
    if (next) next.prev = prev;
    else this.tail = prev;
    this.blocks.delete(id);
    this.live -= block.size;
    this.index(prev);
    this.index(next);
    return block;
  }

  private addHole(bytes: number): void {
    if (bytes <= 0) return;
    const k = Math.min(bytes, this.cap);
    this.holes[k] = (this.holes[k] ?? 0) + 1;
    if (k > this.largest) this.largest = k;
  }

  private dropHole(bytes: number): void {
    if (bytes <= 0) return;
    const k = Math.min(bytes, this.cap);
    this.holes[k] = (this.holes[k] ?? 0) - 1;
    while (this.largest > 0 && this.holes[this.largest] === 0) this.largest--;
  }

  private index(b: ModelBlock | null): void {
    if (!b) return;
    const merged = this.gapBefore(b) + b.bytes + this.gapAfter(b);
    if (merged >= this.cap) return;
    b.key = merged;
    this.byKey[merged]?.push(b);
  }

  private unindex(b: ModelBlock | null): void {
    if (!b || b.key < 0) return;
    this.byKey[b.key]?.remove(b);
    b.key = -1;
  }
}
