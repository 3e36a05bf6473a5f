// The free-list heap (DESIGN §2.1, rules in shared/freelist/SPEC.md): a byte-addressed
// heap [0, break) whose blocks tile the space between a prologue and an epilogue, plus
// page-granular mappings above it for large requests. Humans and policies make the
// same moves; a human names an address (`allocate`), a policy names a free block
// through its index (`placeWith`). The heap owns the free-list order (stamps), the
// next-fit rover, splitting, coalescing, growth, and the counters metrics read.
//
// Storage: blocks are integer slots into Int32 arrays (start, size, requested...),
// linked in address order by prev/next. Heap blocks lie below MAX_HEAP_LIMIT (31 bits);
// what may not fit in 32 bits lives beside the arrays: a mapping's extent (mappings
// sit above the heap's limit), an id outside the Int32 range, and list stamps past
// STAMP_LIMIT (then every free block is renumbered). Int32 rather than Float64 arrays
// halve the bytes a move touches (fewer cache misses on a large heap). Free-space
// indexes (address, size, order, TLSF) are built on first use and then kept in step
// through insert/remove hooks.

import type { Allocator, RegionView, Target } from '../core/allocator.ts';
import type { HeapGauge } from '../core/metrics.ts';
import { invariant, succeed, type Outcome } from '../core/outcome.ts';
import { AddressIndex } from './address-index.ts';
import { growInt32, type BlockArrays } from './blocks.ts';
import { IdTable } from './id-table.ts';
import {
  blockSizeFor, isAlignedStart, mappingSizeFor, resolveOptions, roundUp,
  type FreeListConfig, type FreeListOptions,
} from './options.ts';
import { OrderIndex } from './order-index.ts';
import { refusals, type FreeListRefusal } from './refusals.ts';
import { SizeIndex } from './size-index.ts';
import { TlsfIndex } from './tlsf-index.ts';

/** Slot states. A slot in neither the heap nor the mappings is UNUSED. */
const UNUSED = 0;
const FREE = 1;
const LIVE = 2;
const MAPPED = 3;

/** Finds the free block (a slot) a policy would cut a block of `need` bytes from, or -1. */
export type HoleFinder = (heap: FreeListHeap, need: number) => number;

export type FreeListOrder = 'lifo' | 'fifo' | 'address';

/** A live block as the outside world sees it. */
export interface LiveBlock {
  readonly id: number;
  readonly start: number;
  readonly size: number;
  readonly requested: number;
  readonly mapped: boolean;
  readonly tag?: string;
}

interface PlacementPlan {
  /** The free block the new block is cut from, or -1 when it goes past a live tail. */
  readonly hole: number;
  /** The end of the block space after the move (greater than now when the heap grows). */
  readonly newEnd: number;
}

/** `owner` holds this for an id outside the Int32 range; the id itself is in `bigOwners`. */
const OWNER_ELSEWHERE = -0x80000000;
/** List stamps stay below this; reaching it renumbers them ([FL-ORDER-1] only compares them). */
const STAMP_LIMIT = 0x7fffffff;

/** Where a mapped block lies, and what it holds (these can pass 32 bits). */
interface MappedExtent {
  readonly start: number;
  readonly size: number;
  readonly requested: number;
}

/** Address-index bin width: a few average blocks per bin keeps the bin walks short. */
const ADDRESS_BIN_BYTES = 512;

export class FreeListHeap implements Allocator, BlockArrays {
  readonly kind = 'freelist' as const;
  readonly options: FreeListOptions;
  /** First address a block can start at (after the prologue). */
  readonly base: number;
  /** Last address a block can end at (the limit less the epilogue). */
  readonly maxEnd: number;
  /** End of the block space; the break is end + epilogue. */
  private blockEnd: number;
  /** [FL-ROVER-1] Where next fit resumes: an address (the heap's base at the start). */
  rover: number;
  /** Counts successful changes, so a move can carry the version it was made against. */
  version = 0;

  // Block store (indexed by slot).
  private capacity = 0;
  start = new Int32Array(0);
  size = new Int32Array(0);
  /** Per slot, side by side (one cache line for both): stamps[2s] its list stamp ([FL-ORDER-1]), stamps[2s + 1] its TLSF stamp ([FL-TLSF-2]). */
  stamps = new Int32Array(0);
  private requested = new Int32Array(0);
  private owner = new Int32Array(0);
  /** Ids of live blocks that do not fit `owner` (see OWNER_ELSEWHERE), by slot. */
  private readonly bigOwners = new Map<number, number>();
  private state = new Uint8Array(0);
  private prev = new Int32Array(0);
  private next = new Int32Array(0);
  /** Tags of live blocks, by slot (most streams have none: then it stays empty and costs nothing). */
  private readonly tags = new Map<number, string>();
  private spare = new Int32Array(0);
  private spareTop = 0;
  private used = 0;
  private first = -1;
  private last = -1;
  /** Mapped blocks (slots), by start address, and where each lies. */
  private readonly maps: number[] = [];
  private readonly mapped = new Map<number, MappedExtent>();
  private readonly ids = new IdTable();
  private seqCounter = 0;
  /** [FL-TLSF-2] The TLSF stamp counter: when a free block last entered the free set or changed extent. */
  private touchCounter = 0;
  /** Stamps stay below this (a constructor argument only so that tests can make it small). */
  private readonly stampLimit: number;
  /** The free block the last `choose` named: a human move at its start skips the address walk. */
  private hint = -1;

  // Counters (kept exact by every move; check() recomputes them).
  liveBytes = 0;
  freeBytes = 0;
  internalBytes = 0;
  mappedBytes = 0;
  liveCount = 0;
  freeCount = 0;

  // Indexes, built on first use.
  private addr: AddressIndex | null = null;
  private sizes: SizeIndex | null = null;
  private order: OrderIndex | null = null;
  private tlsf: TlsfIndex | null = null;

  constructor(options: FreeListOptions, stampLimit = STAMP_LIMIT) {
    this.options = options;
    this.stampLimit = stampLimit;
    this.base = options.prologue;
    this.maxEnd = options.limit - options.epilogue;
    this.blockEnd = this.base;
    this.rover = this.base;
    this.growStore(64);
    const initialEnd = options.initial - options.epilogue;
    if (initialEnd > this.base) this.growTo(initialEnd);
  }

  /** The break: every byte below it belongs to the heap. */
  get brk(): number {
    return this.blockEnd + this.options.epilogue;
  }

  /** End of the block space (the break less the epilogue). */
  get end(): number {
    return this.blockEnd;
  }

  get heapBytes(): number {
    return this.brk + this.mappedBytes;
  }

  /** [FL-SIZE-1] The block size a request of `size` bytes takes. */
  blockSize(size: number): number {
    return blockSizeFor(this.options, size);
  }

  /** [FL-MMAP-1] Whether a request of `size` bytes is served by its own mapping. */
  isMappedSize(size: number): boolean {
    return size >= this.options.mmapThreshold;
  }

  isLive(id: number): boolean {
    return this.ids.get(id) >= 0;
  }

  blockOf(id: number): LiveBlock | null {
    const s = this.ids.get(id);
    return s < 0 ? null : this.liveView(s);
  }

  // ---------------------------------------------------------------- moves

  /** [FL-PLACE-*] A human move: puts request `id` of `size` bytes at block address `target`. */
  allocate(id: number, size: number, target: Target, tag?: string): Outcome<{ readonly target: Target }> {
    const bad = this.checkRequest(id, size) ?? this.checkNew(id);
    if (bad) return bad;
    this.ensureSlots(3);
    if (this.isMappedSize(size)) return succeed({ target: this.mapBlock(id, size, tag) });
    const need = this.blockSize(size);
    const plan = this.planPlacement(target, need);
    if (!plan.ok) return plan;
    this.applyPlacement(plan.value, target, need, id, size, tag);
    this.version++;
    return succeed({ target });
  }

  /** [FL-FREE-1] Frees a live block; free(-1) is free(NULL) and does nothing. */
  free(id: number): Outcome<null> {
    if (id === -1) return succeed(null);
    const s = this.ids.get(id);
    if (s < 0) return refusals.unknown(id);
    this.ids.delete(id);
    this.dropBlock(s);
    this.version++;
    return succeed(null);
  }

  /**
   * [FL-REALLOC-*] Resizes a live block. At its own address it grows or shrinks in
   * place; elsewhere the new block is placed while the old one is still live, then
   * the old one is freed.
   */
  realloc(id: number, size: number, target: Target): Outcome<{ readonly target: Target }> {
    const bad = this.checkRequest(id, size);
    if (bad) return bad;
    const old = this.ids.get(id);
    if (old < 0) return refusals.unknown(id);
    this.ensureSlots(3);
    if (this.state[old] === LIVE && !this.isMappedSize(size) && target === this.start[old]) {
      const resized = this.resizeInPlace(old, size);
      if (!resized.ok) return resized;
      this.version++;
      return succeed({ target });
    }
    let at = target;
    if (this.isMappedSize(size)) {
      at = this.mapBlock(id, size, this.tagOf(old));
    } else {
      const need = this.blockSize(size);
      const plan = this.planPlacement(target, need);
      if (!plan.ok) return plan;
      this.applyPlacement(plan.value, target, need, id, size, this.tagOf(old));
    }
    this.dropBlock(old);
    this.version++;
    return succeed({ target: at });
  }

  /** [FL-COAL-3] Deferred coalescing: merges the run of free blocks around `target`, or every run when no target is given. */
  coalesce(target?: number): Outcome<{ readonly merged: number }> {
    let merged = 0;
    if (target === undefined) {
      for (let s = this.first; s >= 0; s = this.next[s]!) {
        if (this.state[s] !== FREE) continue;
        let hi = s;
        while (this.next[hi]! >= 0 && this.state[this.next[hi]!] === FREE) hi = this.next[hi]!;
        if (hi !== s) merged += this.mergeRange(s, hi);
      }
    } else {
      const s = Number.isSafeInteger(target) ? this.blockAt(target) : -1;
      if (s < 0 || this.state[s] !== FREE) return refusals.notFree(target);
      let lo = s;
      let hi = s;
      while (this.prev[lo]! >= 0 && this.state[this.prev[lo]!] === FREE) lo = this.prev[lo]!;
      while (this.next[hi]! >= 0 && this.state[this.next[hi]!] === FREE) hi = this.next[hi]!;
      if (lo !== hi) merged = this.mergeRange(lo, hi);
    }
    if (merged > 0) this.version++;
    return succeed({ merged });
  }

  // ------------------------------------------------------- policy moves (fast path)

  /**
   * Places request `id` where `find` says, or at the heap's end when it finds nothing
   * ([FL-POL-0]); returns the block's address, or -1 when even growing cannot make room
   * (nothing changes then). The caller has checked the id and the size.
   */
  placeWith(find: HoleFinder, id: number, size: number, tag?: string): number {
    this.ensureSlots(3);
    if (size >= this.options.mmapThreshold) return this.mapBlock(id, size, tag);
    const need = blockSizeFor(this.options, size);
    const h = find(this, need);
    if (h >= 0) {
      const at = this.start[h]!;
      this.carve(h, at, need, id, size, tag);
      this.rover = at;
      this.version++;
      return at;
    }
    return this.placeAtEnd(need, id, size, tag);
  }

  /** Frees `id` when it is live (a stream's free of a dead id does nothing); true when a block was freed. */
  freeIfLive(id: number): boolean {
    const s = this.ids.get(id);
    if (s < 0) return false;
    this.ids.delete(id);
    this.dropBlock(s);
    this.version++;
    return true;
  }

  /** A policy's realloc ([FL-REALLOC-2]): the new block is placed while the old is live, then the old is freed. -1 (old kept) on failure. */
  reallocWith(find: HoleFinder, id: number, size: number): number {
    const old = this.ids.get(id);
    if (old < 0) invariant(false, `reallocWith: request ${id} is not live`);
    const at = this.placeWith(find, id, size, this.tagOf(old));
    if (at < 0) return -1;
    this.dropBlock(old);
    return at;
  }

  /** Where `find` would put a request of `size` bytes, without changing anything; null when it cannot be placed. */
  preview(find: HoleFinder, size: number): number | null {
    if (this.isMappedSize(size)) return this.nextMapStart(mappingSizeFor(this.options, size));
    const need = this.blockSize(size);
    const h = find(this, need);
    if (h >= 0) {
      this.hint = h;
      return this.start[h]!;
    }
    const at = this.tailStart();
    return at + need <= this.blockEnd || this.plannedEnd(at + need, need) >= 0 ? at : null;
  }

  // ----------------------------------------------------------------- indexes

  addressIndex(): AddressIndex {
    if (this.addr === null) this.addr = this.fill(new AddressIndex(this, ADDRESS_BIN_BYTES, this.capacity, this.blockEnd));
    return this.addr;
  }

  sizeIndex(): SizeIndex {
    if (this.sizes === null) this.sizes = this.fill(new SizeIndex(this, this.options.align, this.capacity));
    return this.sizes;
  }

  orderIndex(): OrderIndex {
    if (this.order === null) {
      // Listed in stamp order, so positions follow the free-list order.
      const index = new OrderIndex(this, this.capacity);
      for (const s of this.freeSlots().sort((a, b) => this.stamps[2 * a]! - this.stamps[2 * b]!)) index.insert(s);
      this.order = index;
    }
    return this.order;
  }

  tlsfIndex(): TlsfIndex {
    if (this.tlsf === null) {
      const index = new TlsfIndex(this, Math.log2(this.options.align), this.capacity);
      // [FL-TLSF-2] Listed in the order the blocks last changed, as if the index had always been kept.
      for (const s of this.freeSlots().sort((a, b) => this.stamps[2 * a + 1]! - this.stamps[2 * b + 1]!)) index.insert(s);
      this.tlsf = index;
    }
    return this.tlsf;
  }

  // ------------------------------------------------------------ observation

  gauge(): HeapGauge {
    return {
      liveBytes: this.liveBytes,
      heapBytes: this.brk + this.mappedBytes,
      freeBytes: this.freeBytes,
      largestFree: this.largestFree(),
      internalBytes: this.internalBytes,
    };
  }

  /** The size of the largest free block (0 when none). */
  largestFree(): number {
    if (this.freeCount === 0) return 0;
    if (this.sizes !== null) return this.size[this.sizes.largest()]!;
    if (this.addr !== null) return this.addr.largestSize;
    if (this.order !== null) return this.order.largestSize;
    if (this.tlsf !== null) return this.size[this.tlsf.largest()]!;
    let max = 0;
    for (let s = this.first; s >= 0; s = this.next[s]!) if (this.state[s] === FREE && this.size[s]! > max) max = this.size[s]!;
    return max;
  }

  /** The free blocks' addresses in a free-list order ([FL-ORDER-1]): LIFO front first, FIFO front first, or by address. */
  freeList(order: FreeListOrder): number[] {
    const slots = this.freeSlots();
    if (order === 'lifo') slots.sort((a, b) => this.stamps[2 * b]! - this.stamps[2 * a]!);
    else if (order === 'fifo') slots.sort((a, b) => this.stamps[2 * a]! - this.stamps[2 * b]!);
    return slots.map((s) => this.start[s]!);
  }

  /** [FL-WALK-1] Every region in address order: prologue, blocks, epilogue, then the mappings. */
  walk(): RegionView[] {
    const out: RegionView[] = [];
    if (this.base > 0) out.push({ start: 0, size: this.base, state: 'unused', area: 'heap' });
    for (let s = this.first; s >= 0; s = this.next[s]!) {
      if (this.state[s] === FREE) out.push({ start: this.start[s]!, size: this.size[s]!, state: 'free', area: 'heap' });
      else out.push(this.liveRegion(s, 'heap'));
    }
    if (this.options.epilogue > 0) out.push({ start: this.blockEnd, size: this.options.epilogue, state: 'unused', area: 'heap' });
    for (const s of this.maps) out.push(this.liveRegion(s, 'mmap'));
    return out;
  }

  /** Every live block, in address order (mappings last). */
  liveBlocks(): LiveBlock[] {
    const out: LiveBlock[] = [];
    for (let s = this.first; s >= 0; s = this.next[s]!) if (this.state[s] === LIVE) out.push(this.liveView(s));
    for (const s of this.maps) out.push(this.liveView(s));
    return out;
  }

  /** [FL-CHECK-*] Throws if any invariant is broken. */
  check(): void {
    const o = this.options;
    let at = this.base;
    let prev = -1;
    let live = 0;
    let free = 0;
    let internal = 0;
    let lives = 0;
    const freeSlots: number[] = [];
    for (let s = this.first; s >= 0; s = this.next[s]!) {
      const start = this.start[s]!;
      const size = this.size[s]!;
      invariant(this.prev[s] === prev, `block at ${start} has a broken back link`);
      invariant(start === at, `block at ${start} should start at ${at}: the blocks must tile the heap`);
      invariant(size > 0 && size % o.align === 0, `block at ${start} has size ${size}, not a positive multiple of ${o.align}`);
      invariant(isAlignedStart(o, start), `block at ${start} is misaligned`);
      if (this.state[s] === FREE) {
        free += size;
        freeSlots.push(s);
        if (o.coalesce === 'immediate') invariant(prev < 0 || this.state[prev] !== FREE, `free blocks at ${this.start[prev]} and ${start} are adjacent under immediate coalescing`);
      } else {
        invariant(this.state[s] === LIVE, `slot ${s} in the block list is neither free nor live`);
        invariant(size >= blockSizeFor(o, this.requested[s]!), `live block at ${start} is smaller than its request needs`);
        invariant(this.ids.get(this.ownerOf(s)) === s, `live block at ${start} is not the one its id ${this.ownerOf(s)} names`);
        live += this.requested[s]!;
        internal += size - this.requested[s]!;
        lives++;
      }
      at = start + size;
      prev = s;
    }
    invariant(this.last === prev, 'the last block is not the tail of the list');
    invariant(at === this.blockEnd, `blocks end at ${at}, the block space at ${this.blockEnd}`);
    invariant(this.brk <= o.limit, `the break ${this.brk} is past the limit ${o.limit}`);
    let mapped = 0;
    let mapEnd = o.mmapBase;
    for (const s of this.maps) {
      invariant(this.state[s] === MAPPED, `slot ${s} in the mappings is not mapped`);
      const m = this.extentOf(s);
      invariant(m.start >= mapEnd && m.start % o.pageSize === 0, `mapping at ${m.start} overlaps or is not page aligned`);
      invariant(m.size % o.pageSize === 0, `mapping at ${m.start} is not whole pages`);
      invariant(this.ids.get(this.ownerOf(s)) === s, `mapping at ${m.start} is not the one its id names`);
      mapEnd = m.start + m.size;
      mapped += m.size;
      live += m.requested;
      internal += m.size - m.requested;
      lives++;
    }
    invariant(this.mapped.size === this.maps.length, 'a mapping extent is kept for a slot that is not mapped');
    invariant(live === this.liveBytes, `live bytes are ${live}, the counter says ${this.liveBytes}`);
    invariant(free === this.freeBytes, `free bytes are ${free}, the counter says ${this.freeBytes}`);
    invariant(internal === this.internalBytes, `internal bytes are ${internal}, the counter says ${this.internalBytes}`);
    invariant(mapped === this.mappedBytes, `mapped bytes are ${mapped}, the counter says ${this.mappedBytes}`);
    invariant(lives === this.liveCount && freeSlots.length === this.freeCount, 'block counts disagree with the counters');
    invariant(this.rover >= this.base && (this.rover === this.base || this.isBlockStart(this.rover)), `the rover ${this.rover} is not at a block start`);
    const seqs = new Set(freeSlots.map((s) => this.stamps[2 * s]!));
    invariant(seqs.size === freeSlots.length, 'two free blocks share a list stamp');
    this.addr?.verify(freeSlots);
    this.sizes?.verify(freeSlots);
    this.order?.verify(freeSlots);
    this.tlsf?.verify(freeSlots);
  }

  // ------------------------------------------------------------ internals

  private checkRequest(id: number, size: number): FreeListRefusal | null {
    if (!Number.isSafeInteger(id) || id === -1) return refusals.badId(id);
    if (!Number.isSafeInteger(size) || size < 1) return refusals.badSize(size);
    return null;
  }

  private checkNew(id: number): FreeListRefusal | null {
    const s = this.ids.get(id);
    return s >= 0 ? refusals.duplicate(id, this.state[s] === MAPPED ? this.extentOf(s).start : this.start[s]!) : null;
  }

  /** [FL-PLACE-1..8] Checks a block of `need` bytes at `target`; the plan says which free block it comes from and whether the heap grows. */
  private planPlacement(target: number, need: number): Outcome<PlacementPlan, string> {
    const o = this.options;
    if (!Number.isSafeInteger(target)) return refusals.badTarget(target);
    if (target < this.base) return refusals.beforeBase(target, this.base);
    if (target >= this.maxEnd) return refusals.pastLimit(target, this.maxEnd);
    if (!isAlignedStart(o, target)) return refusals.misaligned(target, o.align, o.header);
    const blockEnd = target + need;
    let hole = -1;
    let holeStart: number;
    if (target < this.blockEnd) {
      hole = this.blockAt(target);
      if (this.state[hole] === LIVE) return refusals.overlaps(this.ownerOf(hole), this.start[hole]!);
      holeStart = this.start[hole]!;
      if (blockEnd > holeStart + this.size[hole]!) {
        const after = this.next[hole]!;
        if (after >= 0) {
          return this.state[after] === LIVE ? refusals.overlaps(this.ownerOf(after), this.start[after]!) : refusals.spans(this.start[after]!);
        }
      }
    } else if (this.last >= 0 && this.state[this.last] === FREE) {
      hole = this.last;
      holeStart = this.start[hole]!;
    } else {
      holeStart = this.blockEnd;
    }
    const lead = target - holeStart;
    if (lead > 0 && !o.split) return refusals.notHoleStart(holeStart);
    if (lead > 0 && lead < o.minBlock) return refusals.sliver(lead, o.minBlock);
    let newEnd = this.blockEnd;
    if (blockEnd > this.blockEnd) {
      newEnd = this.plannedEnd(blockEnd, need);
      if (newEnd < 0) return o.growth === 'fixed' ? refusals.fixedHeap(blockEnd, this.maxEnd) : refusals.heapLimit(blockEnd, o.limit);
    }
    return succeed({ hole, newEnd });
  }

  private applyPlacement(plan: PlacementPlan, target: number, need: number, id: number, size: number, tag: string | undefined): void {
    const grew = plan.newEnd > this.blockEnd;
    if (grew) this.growTo(plan.newEnd);
    const hole = plan.hole >= 0 ? plan.hole : this.last;
    this.carve(hole, target, need, id, size, tag);
    // [FL-ROVER-2] A block placed without growing the heap moves the rover to itself.
    if (!grew) this.rover = target;
  }

  /** [FL-POL-0] No free block fits: the block goes at the start of the free tail (or at the end), growing the heap. */
  private placeAtEnd(need: number, id: number, size: number, tag: string | undefined): number {
    const at = this.tailStart();
    const blockEnd = at + need;
    let grew = false;
    if (blockEnd > this.blockEnd) {
      const newEnd = this.plannedEnd(blockEnd, need);
      if (newEnd < 0) return -1;
      this.growTo(newEnd);
      grew = true;
    }
    this.carve(this.last, at, need, id, size, tag);
    if (!grew) this.rover = at;
    this.version++;
    return at;
  }

  /** Where a block goes when no free block is chosen: the free tail's start, else the end of the block space. */
  private tailStart(): number {
    return this.last >= 0 && this.state[this.last] === FREE ? this.start[this.last]! : this.blockEnd;
  }

  /** [FL-GROW-*] The block-space end after growing to hold a block ending at `blockEnd`, or -1 if the limit forbids it. */
  private plannedEnd(blockEnd: number, need: number): number {
    const o = this.options;
    if (o.growth === 'fixed' || blockEnd > this.maxEnd) return -1;
    const deficit = blockEnd - this.blockEnd;
    let grow: number;
    if (o.growthStep === 'chunks') {
      grow = Math.min(roundUp(deficit, o.chunk), this.maxEnd - this.blockEnd);
    } else {
      grow = Math.max(need, o.chunk, roundUp(deficit, o.align));
      if (this.blockEnd + grow > this.maxEnd) return -1;
    }
    return this.blockEnd + grow;
  }

  /** [FL-GROW-2] Moves the break: the free tail grows (or a new free tail appears) and is listed anew. */
  private growTo(newEnd: number): void {
    const delta = newEnd - this.blockEnd;
    const tail = this.last;
    if (tail >= 0 && this.state[tail] === FREE) {
      this.reshapeFree(tail, this.start[tail]!, this.size[tail]! + delta, true);
    } else {
      const t = this.takeSlot();
      this.start[t] = this.blockEnd;
      this.size[t] = delta;
      this.stamps[2 * t] = this.nextSeq();
      this.linkAfter(tail, t);
      this.enterFree(t);
    }
    this.blockEnd = newEnd;
  }

  /**
   * [FL-SPLIT-*] Cuts a live block of `need` bytes at `at` out of free block `h`. A
   * part before it stays in `h` (keeping its list stamp); a part after it keeps the
   * stamp too when the block starts at h's start, else is listed anew; a part after
   * it smaller than the minimum block (or any part, with splitting off) stays inside.
   */
  private carve(h: number, at: number, need: number, id: number, size: number, tag: string | undefined): void {
    const o = this.options;
    // h's fields are read together up front, so their cache misses overlap.
    const holeStart = this.start[h]!;
    const holeEnd = holeStart + this.size[h]!;
    const before = this.prev[h]!;
    let tail = holeEnd - (at + need);
    if (tail < o.minBlock || !o.split) {
      need += tail;
      tail = 0;
    }
    let block = h;
    if (at > holeStart) {
      this.reshapeFree(h, holeStart, at - holeStart, false);
      block = this.takeSlot();
      this.linkAfter(h, block);
      if (tail > 0) {
        const t = this.takeSlot();
        this.start[t] = at + need;
        this.size[t] = tail;
        this.stamps[2 * t] = this.nextSeq();
        this.linkAfter(block, t);
        this.enterFree(t);
      }
    } else if (tail > 0) {
      block = this.takeSlot();
      this.linkAfter(before, block);
      this.reshapeFree(h, at + need, tail, false);
    } else {
      this.leaveFree(h);
    }
    this.start[block] = at;
    this.size[block] = need;
    this.markLive(block, id, size, tag);
  }

  /** Frees a live or mapped block (its id already unbound or rebound). */
  private dropBlock(s: number): void {
    if (this.state[s] === MAPPED) this.unmap(s);
    else this.release(s);
  }

  /** [FL-COAL-1] A freed block merges with free neighbours under immediate coalescing, and is listed anew. */
  private release(s: number): void {
    // Every field of s this needs is read up front, so the cache misses overlap.
    const start = this.start[s]!;
    const size = this.size[s]!;
    const p = this.prev[s]!;
    const n = this.next[s]!;
    this.unmarkLive(s);
    let lo = s;
    let hi = s;
    if (this.options.coalesce === 'immediate') {
      if (p >= 0 && this.state[p] === FREE) lo = p;
      if (n >= 0 && this.state[n] === FREE) hi = n;
    }
    if (lo === hi) {
      // No free neighbour to absorb: mergeRange(s, s) without the walk.
      this.stamps[2 * s] = this.nextSeq();
      this.enterFree(s);
      this.moveRoverInto(start, size);
      return;
    }
    this.mergeRange(lo, hi);
  }

  /**
   * [FL-COAL-2] Makes the consecutive blocks lo..hi (free, or just released) one free
   * block in slot lo, listed anew; the rover inside it moves to its start. Returns how
   * many blocks were absorbed.
   */
  private mergeRange(lo: number, hi: number): number {
    let total = this.size[lo]!;
    let absorbed = 0;
    if (lo !== hi) {
      const stop = this.next[hi]!;
      let x = this.next[lo]!;
      while (x !== stop) {
        const after = this.next[x]!;
        if (this.state[x] === FREE) this.leaveFree(x);
        total += this.size[x]!;
        this.unlink(x);
        this.recycle(x);
        absorbed++;
        x = after;
      }
    }
    if (this.state[lo] === FREE) {
      this.reshapeFree(lo, this.start[lo]!, total, true);
    } else {
      this.size[lo] = total;
      this.stamps[2 * lo] = this.nextSeq();
      this.enterFree(lo);
    }
    this.moveRoverInto(this.start[lo]!, total);
    return absorbed;
  }

  /** [FL-ROVER-3] A rover strictly inside [start, start + size) moves to start. */
  private moveRoverInto(start: number, size: number): void {
    if (this.rover > start && this.rover < start + size) this.rover = start;
  }

  /** [FL-REALLOC-1] Grows or shrinks live block `s` where it is. */
  private resizeInPlace(s: number, size: number): Outcome<null, string> {
    const o = this.options;
    const id = this.ownerOf(s);
    const tag = this.tagOf(s);
    const need = this.blockSize(size);
    const cur = this.size[s]!;
    const at = this.start[s]!;
    if (need > cur) {
      const blockEnd = at + need;
      const n = this.next[s]!;
      if (n >= 0 && this.state[n] === LIVE) return refusals.overlaps(this.ownerOf(n), this.start[n]!);
      const room = n >= 0 ? this.start[n]! + this.size[n]! : at + cur;
      let newEnd = this.blockEnd;
      if (blockEnd > room) {
        const after = n >= 0 ? this.next[n]! : -1;
        if (after >= 0) return this.state[after] === LIVE ? refusals.overlaps(this.ownerOf(after), this.start[after]!) : refusals.spans(this.start[after]!);
        newEnd = this.plannedEnd(blockEnd, need);
        if (newEnd < 0) return o.growth === 'fixed' ? refusals.fixedHeap(blockEnd, this.maxEnd) : refusals.heapLimit(blockEnd, o.limit);
      }
      this.unmarkLive(s);
      if (newEnd > this.blockEnd) this.growTo(newEnd);
      this.takeFromNext(s, blockEnd);
    } else {
      this.unmarkLive(s);
      if (o.split && cur - need >= o.minBlock) this.splitOffTail(s, need);
    }
    this.markLive(s, id, size, tag);
    return succeed(null);
  }

  /** Extends block `s` to end at `blockEnd` by taking the front of the free block after it (whose rest keeps its stamp). */
  private takeFromNext(s: number, blockEnd: number): void {
    const n = this.next[s]!;
    const nEnd = this.start[n]! + this.size[n]!;
    const rest = nEnd - blockEnd;
    if (rest < this.options.minBlock || !this.options.split) {
      this.leaveFree(n);
      this.size[s] = nEnd - this.start[s]!;
      this.unlink(n);
      this.recycle(n);
    } else {
      this.size[s] = blockEnd - this.start[s]!;
      this.reshapeFree(n, blockEnd, rest, false);
    }
    this.moveRoverInto(this.start[s]!, this.size[s]!);
  }

  /** Shrinks block `s` to `keep` bytes; the rest becomes a free block (merged with a free successor under immediate coalescing). */
  private splitOffTail(s: number, keep: number): void {
    const t = this.takeSlot();
    this.start[t] = this.start[s]! + keep;
    this.size[t] = this.size[s]! - keep;
    this.size[s] = keep;
    this.linkAfter(s, t);
    const n = this.next[t]!;
    const hi = this.options.coalesce === 'immediate' && n >= 0 && this.state[n] === FREE ? n : t;
    this.mergeRange(t, hi);
  }

  /** The heap block (free or live) containing `address`, or -1 outside the block space. */
  private blockAt(address: number): number {
    const h = this.hint;
    if (h >= 0 && (this.state[h] === FREE || this.state[h] === LIVE) && this.start[h]! <= address && address < this.start[h]! + this.size[h]!) return h;
    if (address < this.base || address >= this.blockEnd) return -1;
    for (let s = this.first; s >= 0; s = this.next[s]!) {
      if (address < this.start[s]! + this.size[s]!) return s;
    }
    return -1;
  }

  private isBlockStart(address: number): boolean {
    const s = this.blockAt(address);
    return s >= 0 && this.start[s] === address;
  }

  // mmap

  private mapBlock(id: number, size: number, tag: string | undefined): number {
    const bytes = mappingSizeFor(this.options, size);
    const at = this.nextMapStart(bytes);
    const s = this.takeSlot();
    this.mapped.set(s, { start: at, size: bytes, requested: size });
    let i = 0;
    while (i < this.maps.length && this.extentOf(this.maps[i]!).start < at) i++;
    this.maps.splice(i, 0, s);
    this.mappedBytes += bytes;
    this.state[s] = MAPPED;
    this.bindLive(s, id, tag);
    this.liveBytes += size;
    this.internalBytes += bytes - size;
    this.version++;
    return at;
  }

  /** [FL-MMAP-2] The lowest page-aligned gap above mmapBase that holds `bytes`. */
  private nextMapStart(bytes: number): number {
    let at = this.options.mmapBase;
    for (const s of this.maps) {
      const m = this.extentOf(s);
      if (at + bytes <= m.start) return at;
      at = m.start + m.size;
    }
    return at;
  }

  private unmap(s: number): void {
    const m = this.extentOf(s);
    this.unbindLive(s);
    this.liveBytes -= m.requested;
    this.internalBytes -= m.size - m.requested;
    this.maps.splice(this.maps.indexOf(s), 1);
    this.mapped.delete(s);
    this.mappedBytes -= m.size;
    this.recycle(s);
  }

  private extentOf(s: number): MappedExtent {
    const m = this.mapped.get(s);
    if (m === undefined) invariant(false, `slot ${s} is not mapped`);
    return m;
  }

  // bookkeeping

  /** Makes heap block `s` (its start and size set) live for request `id` of `size` bytes. */
  private markLive(s: number, id: number, size: number, tag: string | undefined): void {
    this.state[s] = LIVE;
    this.requested[s] = size;
    this.bindLive(s, id, tag);
    this.liveBytes += size;
    this.internalBytes += this.size[s]! - size;
  }

  /** Takes a live heap block out of the counters; its slot is in limbo until merged or recycled. */
  private unmarkLive(s: number): void {
    this.unbindLive(s);
    this.liveBytes -= this.requested[s]!;
    this.internalBytes -= this.size[s]! - this.requested[s]!;
    this.state[s] = UNUSED;
  }

  /** What every live block (heap or mapped) has: its owner, its tag, its id's entry, its count. */
  private bindLive(s: number, id: number, tag: string | undefined): void {
    if ((id | 0) === id && id !== OWNER_ELSEWHERE) {
      this.owner[s] = id;
    } else {
      this.owner[s] = OWNER_ELSEWHERE;
      this.bigOwners.set(s, id);
    }
    if (tag !== undefined) this.tags.set(s, tag);
    else if (this.tags.size > 0) this.tags.delete(s);
    this.ids.set(id, s);
    this.liveCount++;
  }

  private unbindLive(s: number): void {
    if (this.tags.size > 0) this.tags.delete(s);
    // Checked by the map's size first: a free then reads nothing of the slot's owner.
    if (this.bigOwners.size > 0 && this.owner[s] === OWNER_ELSEWHERE) this.bigOwners.delete(s);
    this.liveCount--;
  }

  private ownerOf(s: number): number {
    const id = this.owner[s]!;
    if (id !== OWNER_ELSEWHERE) return id;
    const big = this.bigOwners.get(s);
    if (big === undefined) invariant(false, `slot ${s} has no owner`);
    return big;
  }

  /** The next free-list stamp ([FL-ORDER-1]); at the limit, every free block is renumbered first. */
  private nextSeq(): number {
    if (this.seqCounter >= this.stampLimit) this.seqCounter = this.renumber(0);
    return this.seqCounter++;
  }

  /** The next TLSF stamp ([FL-TLSF-2]), renumbered like the list stamps. */
  private nextTouch(): number {
    if (this.touchCounter >= this.stampLimit) this.touchCounter = this.renumber(1);
    return this.touchCounter++;
  }

  /**
   * Gives the free blocks the stamps 0, 1, ... in the order of their list stamps (`which`
   * 0) or TLSF stamps (1); only their order means anything. Returns the next stamp. The
   * indexes that hold stamps (list order, TLSF) are dropped, to be rebuilt on use.
   */
  private renumber(which: 0 | 1): number {
    const stamps = this.stamps;
    const slots = this.freeSlots().sort((a, b) => stamps[2 * a + which]! - stamps[2 * b + which]!);
    slots.forEach((s, i) => {
      stamps[2 * s + which] = i;
    });
    this.order = null;
    this.tlsf = null;
    return slots.length;
  }

  private tagOf(s: number): string | undefined {
    return this.tags.size === 0 ? undefined : this.tags.get(s);
  }

  private enterFree(s: number): void {
    this.state[s] = FREE;
    this.freeBytes += this.size[s]!;
    this.freeCount++;
    this.stamps[2 * s + 1] = this.nextTouch();
    if (this.addr !== null) this.addr.insert(s);
    if (this.sizes !== null) this.sizes.insert(s);
    if (this.order !== null) this.order.insert(s);
    if (this.tlsf !== null) this.tlsf.insert(s);
  }

  /**
   * A listed free block takes a new extent in place (its start moving only inside its
   * old extent) and, with `restamp`, a new list stamp; the indexes update rather than
   * remove and re-insert.
   */
  private reshapeFree(s: number, start: number, size: number, restamp: boolean): void {
    const oldStart = this.start[s]!;
    const oldSize = this.size[s]!;
    this.start[s] = start;
    this.size[s] = size;
    if (restamp) this.stamps[2 * s] = this.nextSeq();
    this.freeBytes += size - oldSize;
    this.stamps[2 * s + 1] = this.nextTouch();
    if (this.addr !== null) this.addr.update(s, oldStart, oldSize);
    if (this.sizes !== null) this.sizes.update(s, oldStart, oldSize);
    if (this.order !== null) this.order.update(s);
    if (this.tlsf !== null) this.tlsf.update(s);
  }

  private leaveFree(s: number): void {
    if (this.addr !== null) this.addr.remove(s);
    if (this.sizes !== null) this.sizes.remove(s);
    if (this.order !== null) this.order.remove(s);
    if (this.tlsf !== null) this.tlsf.remove(s);
    this.freeBytes -= this.size[s]!;
    this.freeCount--;
    this.state[s] = UNUSED;
  }

  private fill<I extends { insert(slot: number): void }>(index: I): I {
    for (const s of this.freeSlots()) index.insert(s);
    return index;
  }

  private freeSlots(): number[] {
    const out: number[] = [];
    for (let s = this.first; s >= 0; s = this.next[s]!) if (this.state[s] === FREE) out.push(s);
    return out;
  }

  private liveView(s: number): LiveBlock {
    const tag = this.tagOf(s);
    const mapped = this.state[s] === MAPPED;
    const m = this.extentOrBlock(s);
    const view = { id: this.ownerOf(s), start: m.start, size: m.size, requested: m.requested, mapped };
    return tag === undefined ? view : { ...view, tag };
  }

  private liveRegion(s: number, area: string): RegionView {
    const tag = this.tagOf(s);
    const m = this.extentOrBlock(s);
    const region: RegionView = { start: m.start, size: m.size, state: 'live', id: this.ownerOf(s), requested: m.requested, area };
    return tag === undefined ? region : { ...region, tag };
  }

  /** Where live block `s` lies and what it holds, mapped or not. */
  private extentOrBlock(s: number): MappedExtent {
    if (this.state[s] === MAPPED) return this.extentOf(s);
    return { start: this.start[s]!, size: this.size[s]!, requested: this.requested[s]! };
  }

  // slots and links

  /** Makes sure `k` slots can be taken without growing the arrays mid-move. */
  private ensureSlots(k: number): void {
    if (this.spareTop + (this.capacity - this.used) < k) this.growStore(this.capacity * 2);
  }

  private takeSlot(): number {
    if (this.spareTop > 0) return this.spare[--this.spareTop]!;
    invariant(this.used < this.capacity, 'out of block slots: ensureSlots was not called');
    return this.used++;
  }

  private recycle(s: number): void {
    this.state[s] = UNUSED;
    this.prev[s] = -1;
    this.next[s] = -1;
    this.spare[this.spareTop++] = s;
  }

  private growStore(capacity: number): void {
    this.capacity = capacity;
    this.start = growInt32(this.start, capacity, 0);
    this.size = growInt32(this.size, capacity, 0);
    this.stamps = growInt32(this.stamps, 2 * capacity, 0);
    this.requested = growInt32(this.requested, capacity, 0);
    this.owner = growInt32(this.owner, capacity, 0);
    const state = new Uint8Array(capacity);
    state.set(this.state);
    this.state = state;
    this.prev = growInt32(this.prev, capacity);
    this.next = growInt32(this.next, capacity);
    this.spare = growInt32(this.spare, capacity, 0);
    this.addr?.resize(capacity);
    this.sizes?.resize(capacity);
    this.order?.resize(capacity);
    this.tlsf?.resize(capacity);
  }

  /** Links `s` right after `p` in address order (p = -1: at the front). */
  private linkAfter(p: number, s: number): void {
    const n = p >= 0 ? this.next[p]! : this.first;
    this.prev[s] = p;
    this.next[s] = n;
    if (p >= 0) this.next[p] = s;
    else this.first = s;
    if (n >= 0) this.prev[n] = s;
    else this.last = s;
  }

  private unlink(s: number): void {
    const p = this.prev[s]!;
    const n = this.next[s]!;
    if (p >= 0) this.next[p] = n;
    else this.first = n;
    if (n >= 0) this.prev[n] = p;
    else this.last = p;
  }
}

/** [FL-CHECK-1] Throws if any of the heap's invariants is broken (the fuzz tests call it after every operation). */
export function checkHeap(heap: FreeListHeap): void {
  heap.check();
}

/** [FL-WALK-1] The regions a renderer draws, in address order. */
export function walkHeap(heap: FreeListHeap): RegionView[] {
  return heap.walk();
}

/** A heap from a partial config, or the reason the config is refused. */
export function createFreeListHeap(config: FreeListConfig = {}): Outcome<FreeListHeap, 'options/invalid'> {
  const options = resolveOptions(config);
  return options.ok ? succeed(new FreeListHeap(options.value)) : options;
}
