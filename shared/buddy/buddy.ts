// The binary buddy allocator (DESIGN §2.1, rules in shared/buddy/SPEC.md): a space of
// 2^maxOrder units, one free list per order, every request rounded up to 2^k units.
// The player names any 2^k-aligned address inside a free block of order >= k; the
// engine splits that block down to it and, on free, merges a block with its buddy
// (address XOR size) for as long as the buddy is free.
//
// Addresses and sizes outside this module are in bytes (unit * units); inside, in units.
// Each order keeps its free blocks twice: a LevelBitmap (lowest address in O(log n))
// and a doubly linked list (the LIFO order a free list really has).

import type { Allocator, RegionView, Target } from '../core/allocator.ts';
import type { HeapGauge } from '../core/metrics.ts';
import { invariant, refuse, succeed } from '../core/outcome.ts';
import type { Outcome } from '../core/outcome.ts';
import { LevelBitmap } from '../core/level-bitmap.ts';

/** Orders above this would overflow the 32-bit address arithmetic. */
export const MAX_BUDDY_ORDER = 30;

export interface BuddyOptions {
  /** The space is 2^maxOrder units. */
  readonly maxOrder: number;
  /** The smallest block is 2^minOrder units (default 0). */
  readonly minOrder?: number;
  /** Bytes per unit (default 1, the lecture's units). */
  readonly unit?: number;
}

export type BuddyRefusalCode =
  | 'request/duplicate'
  | 'request/bad_size'
  | 'request/unknown'
  | 'buddy/too_large'
  | 'place/out_of_range'
  | 'place/misaligned'
  | 'buddy/not_free';

/** A block as the renderer and the tests see it (bytes). */
export interface BuddyBlockView {
  readonly address: number;
  readonly order: number;
  readonly size: number;
}

export interface LiveBuddyBlock extends BuddyBlockView {
  readonly id: number;
  readonly requested: number;
  readonly tag?: string;
}

/** A free block on its order's list. Nodes are recycled (see `spareNodes`), so no one outside keeps one. */
interface FreeNode {
  addr: number;
  order: number;
  prev: FreeNode | null;
  next: FreeNode | null;
}

interface LiveNode {
  readonly id: number;
  readonly addr: number;
  readonly order: number;
  readonly requested: number;
  readonly tag: string | undefined;
}

function lowestBit(word: number): number {
  return 31 - Math.clz32(word & -word);
}

/** Smallest k with 2^k >= n, for 1 <= n <= 2^31. */
function ceilLog2(n: number): number {
  return n <= 1 ? 0 : 32 - Math.clz32(n - 1);
}

function isPositiveInteger(n: number): boolean {
  return Number.isInteger(n) && n > 0;
}

/** The words of the placement refusals ([BU-MOVE-1..3]), shared with the game's drag preview. */
export const buddyRefusals = {
  tooLarge: (size: number, spaceBytes: number) => refuse('buddy/too_large', `${size} bytes need more than the whole space of ${spaceBytes} bytes.`),
  outOfRange: (target: number, spaceBytes: number) => refuse('place/out_of_range', `Address ${target} is outside the space [0, ${spaceBytes}).`),
  misaligned: (target: number, blockBytes: number) => refuse('place/misaligned', `A block of ${blockBytes} bytes must start at a multiple of ${blockBytes}; ${target} is not one.`),
  notFree: (target: number, blockBytes: number) => refuse('buddy/not_free', `Address ${target} is not inside a free block of ${blockBytes} bytes or more.`),
};

/** [BU-SIZE-1] The order a request of `size` bytes is rounded up to; above maxOrder when it can never fit. */
export function buddyOrderFor(size: number, shape: { readonly unit: number; readonly minOrder: number; readonly maxOrder: number }): number {
  const units = Math.ceil(size / shape.unit);
  if (units > 2 ** shape.maxOrder) return shape.maxOrder + 1;
  return Math.max(shape.minOrder, ceilLog2(units));
}

/** What is wrong with the options, in words, or null when they are fine. */
export function buddyOptionsProblem(options: BuddyOptions): string | null {
  const { maxOrder, minOrder = 0, unit = 1 } = options;
  if (!Number.isInteger(maxOrder) || maxOrder < 0 || maxOrder > MAX_BUDDY_ORDER) return `maxOrder must be a whole number from 0 to ${MAX_BUDDY_ORDER}, not ${maxOrder}`;
  if (!Number.isInteger(minOrder) || minOrder < 0 || minOrder > maxOrder) return `minOrder must be a whole number from 0 to maxOrder (${maxOrder}), not ${minOrder}`;
  if (!isPositiveInteger(unit)) return `unit must be a whole number of bytes above 0, not ${unit}`;
  return null;
}

export class BuddyAllocator implements Allocator {
  readonly kind = 'buddy' as const;
  readonly maxOrder: number;
  readonly minOrder: number;
  readonly unit: number;
  /** 2^maxOrder: unit addresses stay below 2^30, so shifts and masks are exact. */
  private readonly spaceUnits: number;

  /** freeSets[o] has bit (addr >> o) set iff a free block of order o starts at addr. */
  private readonly freeSets: LevelBitmap[] = [];
  /** Head of each order's free list (most recently freed first). */
  private readonly heads: (FreeNode | null)[] = [];
  /** Every free block by its start address (two free blocks never share a start). */
  private readonly freeNodes = new Map<number, FreeNode>();
  /** Unlisted nodes kept for reuse, sparing the garbage collector on the hot path. */
  private readonly spareNodes: FreeNode[] = [];
  /** Bit o set iff the free list of order o is non-empty. */
  private orderMask = 0;
  private readonly live = new Map<number, LiveNode>();
  private liveBytes = 0;
  private allocatedUnits = 0;
  private internalBytes = 0;
  /** End (units) of the highest live block; 0 when nothing is live. */
  private extent = 0;

  constructor(options: BuddyOptions) {
    const problem = buddyOptionsProblem(options);
    if (problem) invariant(false, problem);
    const { maxOrder, minOrder = 0, unit = 1 } = options;
    this.maxOrder = maxOrder;
    this.minOrder = minOrder;
    this.unit = unit;
    this.spaceUnits = 1 << maxOrder;
    for (let o = 0; o <= maxOrder; o++) {
      this.freeSets.push(new LevelBitmap(o < minOrder ? 0 : 2 ** (maxOrder - o)));
      this.heads.push(null);
    }
    this.insertFree(0, maxOrder); // [BU-INIT-1] the whole space is one free block
  }

  /** The space in bytes. */
  get spaceBytes(): number {
    return this.spaceUnits * this.unit;
  }

  /** Bytes in a block of order `order`. */
  blockBytes(order: number): number {
    return (1 << order) * this.unit;
  }

  /** The order a request of `size` bytes is rounded up to; above maxOrder when it can never fit. */
  orderFor(size: number): number {
    return buddyOrderFor(size, this);
  }

  // ---- moves -------------------------------------------------------------------

  allocate(id: number, size: number, target: Target, tag?: string): Outcome<{ readonly target: Target }, BuddyRefusalCode> {
    if (this.live.has(id)) return refuse('request/duplicate', `Request ${id} already has a block.`);
    if (!isPositiveInteger(size)) return refuse('request/bad_size', `A request must be a whole number of bytes above 0, not ${size}.`);
    const order = this.orderFor(size);
    if (order > this.maxOrder) {
      return buddyRefusals.tooLarge(size, this.spaceBytes);
    }
    if (!Number.isInteger(target) || target < 0 || target >= this.spaceBytes) {
      return buddyRefusals.outOfRange(target, this.spaceBytes);
    }
    const blockBytes = this.blockBytes(order);
    if (target % blockBytes !== 0) {
      return buddyRefusals.misaligned(target, blockBytes);
    }
    const addr = target / this.unit;
    const container = this.findFreeContaining(addr, order);
    if (!container) {
      return buddyRefusals.notFree(target, blockBytes);
    }
    const { addr: blockAddr, order: blockOrder } = container;
    this.removeFree(container);
    this.splitDownTo(blockAddr, blockOrder, addr, order);
    this.markLive(id, addr, order, size, tag);
    return succeed({ target });
  }

  free(id: number): Outcome<null, BuddyRefusalCode> {
    const block = this.live.get(id);
    if (!block) return refuse('request/unknown', `Request ${id} has no live block to free.`);
    this.markDead(block);
    this.coalesceAndInsert(block.addr, block.order);
    if (block.addr + (1 << block.order) >= this.extent) this.extent = this.findExtent();
    return succeed(null);
  }

  // ---- where a policy would place ------------------------------------------------

  /** [BU-POL-1] The lowest address among free blocks of the smallest sufficient order, or null. */
  lowestFit(size: number): Target | null {
    const order = this.smallestFreeOrderFor(size);
    if (order < 0) return null;
    return (this.freeSet(order).first() << order) * this.unit;
  }

  /** [BU-POL-2] The head of the free list of the smallest sufficient order, or null. */
  lifoFit(size: number): Target | null {
    const order = this.smallestFreeOrderFor(size);
    if (order < 0) return null;
    const head = this.heads[order];
    if (!head) invariant(false, `order ${order} is marked non-empty but its list is empty`);
    return head.addr * this.unit;
  }

  // ---- views -----------------------------------------------------------------------

  isLive(id: number): boolean {
    return this.live.has(id);
  }

  blockOf(id: number): LiveBuddyBlock | undefined {
    const block = this.live.get(id);
    return block ? this.viewLive(block) : undefined;
  }

  /** Each order's free list in list order (head first), addresses in bytes; index = order. */
  freeLists(): number[][] {
    return this.heads.map((head) => {
      const addresses: number[] = [];
      for (let node = head; node; node = node.next) addresses.push(node.addr * this.unit);
      return addresses;
    });
  }

  /** How many free blocks each order holds; index = order. */
  freeCounts(): number[] {
    return this.freeSets.map((set) => set.count);
  }

  gauge(): HeapGauge {
    return {
      liveBytes: this.liveBytes,
      heapBytes: this.heapBytes(),
      freeBytes: this.freeBytes(),
      largestFree: this.largestFreeBytes(),
      internalBytes: this.internalBytes,
    };
  }

  /** Every block, free and live, in address order. */
  walk(): RegionView[] {
    const regions: RegionView[] = [];
    for (const node of this.freeNodes.values()) {
      regions.push({ start: node.addr * this.unit, size: this.blockBytes(node.order), state: 'free' });
    }
    for (const block of this.live.values()) {
      const view = this.viewLive(block);
      regions.push({
        start: view.address,
        size: view.size,
        state: 'live',
        id: view.id,
        requested: view.requested,
        ...(view.tag === undefined ? {} : { tag: view.tag }),
      });
    }
    return regions.sort((a, b) => a.start - b.start);
  }

  /** Throws when an invariant of SPEC.md §Checker is broken. */
  check(): void {
    this.checkFreeIndexes();
    this.checkNoFreeBuddies();
    this.checkTiling();
    this.checkCounters();
  }

  // ---- bookkeeping -------------------------------------------------------------------

  private heapBytes(): number {
    return this.extent * this.unit;
  }

  private freeBytes(): number {
    return (this.spaceUnits - this.allocatedUnits) * this.unit;
  }

  private largestFreeBytes(): number {
    return this.orderMask === 0 ? 0 : this.blockBytes(31 - Math.clz32(this.orderMask));
  }

  private freeSet(order: number): LevelBitmap {
    const set = this.freeSets[order];
    if (!set) invariant(false, `no free set for order ${order}`);
    return set;
  }

  /** The smallest order >= the request's with a free block, or -1. */
  private smallestFreeOrderFor(size: number): number {
    if (!isPositiveInteger(size)) return -1;
    const order = this.orderFor(size);
    if (order > this.maxOrder) return -1;
    const mask = this.orderMask & ~((1 << order) - 1);
    return mask === 0 ? -1 : lowestBit(mask);
  }

  private isFreeAt(addr: number, order: number): boolean {
    return this.freeSet(order).has(addr >>> order);
  }

  /** The free block of order >= `order` that contains unit address `addr`. */
  private findFreeContaining(addr: number, order: number): FreeNode | undefined {
    for (let o = order; o <= this.maxOrder; o++) {
      const start = (addr >>> o) << o;
      if (this.isFreeAt(start, o)) return this.freeNodes.get(start);
    }
    return undefined;
  }

  /** Pushes a free block on the head of its order's list. */
  private insertFree(addr: number, order: number): void {
    const head = this.heads[order] ?? null;
    const node = this.spareNodes.pop() ?? { addr, order, prev: null, next: head };
    node.addr = addr;
    node.order = order;
    node.prev = null;
    node.next = head;
    if (head) head.prev = node;
    this.heads[order] = node;
    this.freeNodes.set(addr, node);
    this.freeSet(order).set(addr >>> order);
    this.orderMask |= 1 << order;
  }

  private removeFree(node: FreeNode): void {
    if (node.prev) node.prev.next = node.next;
    else this.heads[node.order] = node.next;
    if (node.next) node.next.prev = node.prev;
    this.freeNodes.delete(node.addr);
    const set = this.freeSet(node.order);
    set.clear(node.addr >>> node.order);
    if (set.isEmpty()) this.orderMask &= ~(1 << node.order);
    node.prev = null;
    node.next = null;
    this.spareNodes.push(node);
  }

  /**
   * [BU-SPLIT-1] Halves the block at `blockAddr` of `blockOrder` until a block of `order`
   * starts at `addr`; each half not on the way to `addr` goes on its order's free list,
   * larger halves first.
   */
  private splitDownTo(blockAddr: number, blockOrder: number, addr: number, order: number): void {
    let start = blockAddr;
    for (let o = blockOrder - 1; o >= order; o--) {
      const half = 1 << o;
      if (addr >= start + half) {
        this.insertFree(start, o);
        start += half;
      } else {
        this.insertFree(start + half, o);
      }
    }
    if (start !== addr) invariant(false, `split ended at ${start}, not at the chosen ${addr}`);
  }

  /** [BU-FREE-1] Merges with the buddy while it is free at the same order, then lists the result. */
  private coalesceAndInsert(addr: number, order: number): void {
    let start = addr;
    let o = order;
    while (o < this.maxOrder) {
      const buddy = start ^ (1 << o);
      if (!this.isFreeAt(buddy, o)) break;
      const node = this.freeNodes.get(buddy);
      if (!node || node.order !== o) invariant(false, `free set and free nodes disagree at ${buddy}`);
      this.removeFree(node);
      start = Math.min(start, buddy);
      o++;
    }
    this.insertFree(start, o);
  }

  private markLive(id: number, addr: number, order: number, requested: number, tag: string | undefined): void {
    this.live.set(id, { id, addr, order, requested, tag });
    this.liveBytes += requested;
    this.allocatedUnits += 1 << order;
    this.internalBytes += this.blockBytes(order) - requested;
    this.extent = Math.max(this.extent, addr + (1 << order));
  }

  private markDead(block: LiveNode): void {
    this.live.delete(block.id);
    this.liveBytes -= block.requested;
    this.allocatedUnits -= 1 << block.order;
    this.internalBytes -= this.blockBytes(block.order) - block.requested;
  }

  /**
   * The end of the highest live block: walk down from the top of the space over the
   * free blocks that end where the previous one starts.
   */
  private findExtent(): number {
    let top = this.spaceUnits;
    while (top > 0) {
      const below = this.freeBlockEndingAt(top);
      if (below < 0) break;
      top -= 1 << below;
    }
    return top;
  }

  /** The order of the free block that ends at unit address `end`, or -1. */
  private freeBlockEndingAt(end: number): number {
    const alignment = Math.min(lowestBit(end), this.maxOrder);
    for (let o = alignment; o >= this.minOrder; o--) {
      if (this.isFreeAt(end - (1 << o), o)) return o;
    }
    return -1;
  }

  private viewLive(block: LiveNode): LiveBuddyBlock {
    return {
      id: block.id,
      address: block.addr * this.unit,
      order: block.order,
      size: this.blockBytes(block.order),
      requested: block.requested,
      ...(block.tag === undefined ? {} : { tag: block.tag }),
    };
  }

  // ---- checker ------------------------------------------------------------------------

  /** [BU-CHECK-1] Bitmaps, lists, nodes and the order mask describe the same free blocks. */
  private checkFreeIndexes(): void {
    let listed = 0;
    for (let o = 0; o <= this.maxOrder; o++) {
      const set = this.freeSet(o);
      let inList = 0;
      let prev: FreeNode | null = null;
      for (let node = this.heads[o] ?? null; node; node = node.next) {
        invariant(node.order === o, `block at ${node.addr} of order ${node.order} sits on list ${o}`);
        invariant(node.prev === prev, `list ${o} has a broken back link at ${node.addr}`);
        invariant(o >= this.minOrder, `free block of order ${o} below the minimum order ${this.minOrder}`);
        invariant(node.addr % 2 ** o === 0, `free block at ${node.addr} is not aligned to its order ${o}`);
        invariant(set.has(node.addr / 2 ** o), `free block at ${node.addr} (order ${o}) missing from the bitmap`);
        invariant(this.freeNodes.get(node.addr) === node, `free block at ${node.addr} missing from the node map`);
        prev = node;
        inList++;
      }
      invariant(inList === set.count, `order ${o}: ${inList} blocks listed but ${set.count} in the bitmap`);
      invariant(((this.orderMask >>> o) & 1) === (inList > 0 ? 1 : 0), `order mask wrong for order ${o}`);
      listed += inList;
    }
    invariant(listed === this.freeNodes.size, `${listed} listed free blocks but ${this.freeNodes.size} nodes`);
  }

  /** [BU-CHECK-2] Buddies are never both free at the same order. */
  private checkNoFreeBuddies(): void {
    for (const node of this.freeNodes.values()) {
      if (node.order === this.maxOrder) continue;
      const buddy = node.addr ^ (2 ** node.order);
      invariant(!this.isFreeAt(buddy, node.order), `buddies at ${node.addr} and ${buddy} are both free at order ${node.order}`);
    }
  }

  /** [BU-CHECK-3] Free and live blocks tile the space: every unit belongs to exactly one block. */
  private checkTiling(): void {
    const blocks: { addr: number; order: number }[] = [...this.freeNodes.values(), ...this.live.values()];
    blocks.sort((a, b) => a.addr - b.addr);
    let next = 0;
    for (const block of blocks) {
      invariant(block.addr === next, `units [${next}, ${block.addr}) are not accounted for, or blocks overlap at ${block.addr}`);
      invariant(block.addr % 2 ** block.order === 0, `block at ${block.addr} is not aligned to its order ${block.order}`);
      next = block.addr + 2 ** block.order;
    }
    invariant(next === this.spaceUnits, `blocks end at ${next}, not at the end of the space`);
  }

  /** [BU-CHECK-4] The running counters equal a recount of the live blocks. */
  private checkCounters(): void {
    let liveBytes = 0;
    let units = 0;
    let internal = 0;
    let extent = 0;
    for (const block of this.live.values()) {
      invariant(block.order === this.orderFor(block.requested), `block ${block.id} has order ${block.order}, not the rounding of ${block.requested} bytes`);
      liveBytes += block.requested;
      units += 2 ** block.order;
      internal += this.blockBytes(block.order) - block.requested;
      extent = Math.max(extent, block.addr + 2 ** block.order);
    }
    invariant(liveBytes === this.liveBytes, `live bytes ${this.liveBytes}, recounted ${liveBytes}`);
    invariant(units === this.allocatedUnits, `allocated units ${this.allocatedUnits}, recounted ${units}`);
    invariant(internal === this.internalBytes, `internal bytes ${this.internalBytes}, recounted ${internal}`);
    invariant(extent === this.extent, `extent ${this.extent}, recounted ${extent}`);
  }
}
