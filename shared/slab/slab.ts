// The slab allocator (DESIGN §2.1, rules in shared/slab/SPEC.md): object caches, each
// cutting slabs of a fixed number of pages into equal slots; pages come from a pool
// with a limit. The player puts an object into a slab of its cache (or a new slab) and
// may give an empty slab's pages back; a free clears the slot's bit. A size-class table
// lets it serve any size (kmalloc), with whole pages for blocks too large for a class.
//
// Each slab is full, partial or empty and sits in exactly one place: its cache's full
// count, its cache's partial heap and list, or its cache's and the pool's empty sets.

import type { Allocator, RegionView, Target } from '../core/allocator.ts';
import type { HeapGauge } from '../core/metrics.ts';
import { invariant, refuse, succeed } from '../core/outcome.ts';
import type { Outcome } from '../core/outcome.ts';
import { LevelBitmap } from '../core/level-bitmap.ts';
import { DEFAULT_PAGE_SIZE, KERNEL_CACHES, pow2Classes } from './caches.ts';
import type { CacheSpec, SizeClassTable } from './caches.ts';
import { PositionedHeap, type Positioned } from '../core/positioned-heap.ts';

export interface SlabOptions {
  /** Bytes per page (default 4096). */
  readonly pageSize?: number;
  /** Pages the pool can give out at most (default: no limit). */
  readonly pageLimit?: number;
  /** Named caches; a request tagged with a cache's name goes there (default KERNEL_CACHES). */
  readonly caches?: readonly CacheSpec[];
  /** Size classes serving untagged requests of any size (default pow2Classes; null for none). */
  readonly classes?: SizeClassTable | null;
}

export type SlabRefusalCode =
  | 'request/duplicate'
  | 'request/bad_size'
  | 'request/unknown'
  | 'slab/too_large'
  | 'slab/unknown'
  | 'slab/wrong_cache'
  | 'slab/full'
  | 'slab/large_block'
  | 'slab/no_pages'
  | 'slab/not_empty';

export type SlabState = 'full' | 'partial' | 'empty';

/** Where a request goes: a cache (by index), or whole pages of its own. */
export type SlabRoute = { readonly cache: number } | { readonly largePages: number };

export interface SlabView {
  readonly id: number;
  /** The cache's name, or 'large' for a block with pages of its own. */
  readonly cache: string;
  readonly pages: number;
  readonly slots: number;
  readonly used: number;
  readonly state: SlabState | 'large';
}

export interface CacheView {
  readonly name: string;
  readonly objectSize: number;
  readonly pagesPerSlab: number;
  readonly slotsPerSlab: number;
  /** Bytes of each slab no slot uses: the header plus the tail after the last slot. */
  readonly wastePerSlab: number;
  readonly liveObjects: number;
  readonly full: number;
  readonly partial: number;
  readonly empty: number;
}

export interface SlabFigures {
  readonly pageSize: number;
  readonly pagesHeld: number;
  readonly peakPages: number;
  /** The fewest pages that could hold the live objects (full slabs of each cache, plus large blocks). */
  readonly neededPages: number;
  readonly peakNeededPages: number;
  readonly slabs: { readonly full: number; readonly partial: number; readonly empty: number; readonly large: number };
  /** Header and tail bytes of the held slabs that no slot uses. */
  readonly slotWasteBytes: number;
  /** Bytes of the free slots in held slabs. */
  readonly freeSlotBytes: number;
  /** Rounding of live objects up to their slot (or their whole pages). */
  readonly internalBytes: number;
}

interface Slab extends Positioned {
  readonly id: number;
  /** Index of its cache, or -1 for a large block. */
  readonly cache: number;
  readonly pages: number;
  /** A set bit marks a free slot. */
  readonly freeSlots: LevelBitmap;
  /** The object id in each slot. */
  readonly slotIds: (number | undefined)[];
  used: number;
}

interface Cache {
  readonly spec: CacheSpec;
  readonly index: number;
  readonly headerBytes: number;
  readonly slots: number;
  readonly wastePerSlab: number;
  /** Partial slabs, fullest first. */
  readonly partialByFill: PositionedHeap<Slab>;
  /** Partial slabs in the order they became partial. */
  readonly partialInOrder: Set<Slab>;
  /** Empty slabs in the order they became empty. */
  readonly empty: Set<Slab>;
  fullCount: number;
  liveObjects: number;
}

interface LiveObject {
  readonly id: number;
  readonly slab: Slab;
  readonly slot: number;
  readonly requested: number;
  readonly tag: string | undefined;
}

function isPositiveInteger(n: number): boolean {
  return Number.isInteger(n) && n > 0;
}

function slotsPerSlab(spec: CacheSpec, pageSize: number): number {
  return Math.floor((spec.pagesPerSlab * pageSize - (spec.headerBytes ?? 0)) / spec.objectSize);
}

function cacheProblem(spec: CacheSpec, pageSize: number): string | null {
  if (!isPositiveInteger(spec.objectSize) || !isPositiveInteger(spec.pagesPerSlab) || !((spec.headerBytes ?? 0) >= 0)) {
    return `cache ${spec.name}: object size and pages per slab must be whole numbers above 0`;
  }
  if (slotsPerSlab(spec, pageSize) < 1) return `cache ${spec.name}: a slab of ${spec.pagesPerSlab} page(s) of ${pageSize} bytes holds no ${spec.objectSize}-byte slot`;
  return null;
}

/** What is wrong with the options, in words, or null when they are fine. */
export function slabOptionsProblem(options: SlabOptions): string | null {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!isPositiveInteger(pageSize)) return `pageSize must be a whole number of bytes above 0, not ${pageSize}`;
  const pageLimit = options.pageLimit ?? Infinity;
  if (!(pageLimit >= 0)) return `pageLimit must not be negative, not ${pageLimit}`;
  const named = options.caches ?? KERNEL_CACHES;
  const classes = options.classes === undefined ? pow2Classes(pageSize).classes : (options.classes?.classes ?? []);
  for (const spec of [...named, ...classes]) {
    const problem = cacheProblem(spec, pageSize);
    if (problem) return problem;
  }
  const names = named.map((spec) => spec.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) return `two caches are named ${twice}`;
  const unordered = classes.find((spec, i) => i > 0 && (classes[i - 1]?.objectSize ?? 0) >= spec.objectSize);
  if (unordered) return `size classes must ascend: ${unordered.name}`;
  return null;
}

/** Fullest first (most objects in use), then the lowest slab id. */
function fullerSlab(a: Slab, b: Slab): boolean {
  return a.used !== b.used ? a.used > b.used : a.id < b.id;
}

export class SlabAllocator implements Allocator {
  readonly kind = 'slab' as const;
  readonly pageSize: number;
  readonly pageLimit: number;
  readonly classes: SizeClassTable | null;

  private readonly caches: Cache[] = [];
  /** Named caches by name (the ones a tag can pick). */
  private readonly namedCaches = new Map<string, Cache>();
  /** How many caches are named; the class caches follow them in `caches`. */
  private readonly namedCount: number;
  /** Held slabs by id, in id order. */
  private readonly slabs = new Map<number, Slab>();
  /** Every empty slab of every cache, in the order they became empty. */
  private readonly empties = new Set<Slab>();
  private readonly live = new Map<number, LiveObject>();
  private nextSlabId = 0;
  private pagesHeld = 0;
  private peakPages = 0;
  private neededPages = 0;
  private peakNeededPages = 0;
  private largeBlocks = 0;
  private liveBytes = 0;
  private internalBytes = 0;
  private freeSlotBytes = 0;
  private slotWasteBytes = 0;

  constructor(options: SlabOptions = {}) {
    const problem = slabOptionsProblem(options);
    if (problem) invariant(false, problem);
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    this.pageLimit = options.pageLimit ?? Infinity;
    this.classes = options.classes === undefined ? pow2Classes(this.pageSize) : options.classes;
    const named = options.caches ?? KERNEL_CACHES;
    this.namedCount = named.length;
    for (const spec of [...named, ...(this.classes?.classes ?? [])]) this.addCache(spec);
    for (const cache of this.caches.slice(0, this.namedCount)) this.namedCaches.set(cache.spec.name, cache);
  }

  // ---- moves -------------------------------------------------------------------

  /** Puts request `id` into slab `target`, or into a new slab when `target` is -1. */
  allocate(id: number, size: number, target: Target, tag?: string): Outcome<{ readonly target: Target }, SlabRefusalCode> {
    if (this.live.has(id)) return refuse('request/duplicate', `Request ${id} already has a slot.`);
    if (!isPositiveInteger(size)) return refuse('request/bad_size', `A request must be a whole number of bytes above 0, not ${size}.`);
    const route = this.routeFor(size, tag);
    if (!route.ok) return route;
    if ('largePages' in route.value) return this.allocateLarge(id, size, target, tag, route.value.largePages);
    const cache = this.cacheAt(route.value.cache);
    let slab: Slab;
    if (target === -1) {
      if (!this.canTakePages(cache.spec.pagesPerSlab)) return this.refuseNoPages(cache.spec.pagesPerSlab);
      slab = this.openSlab(cache);
    } else {
      const chosen = this.slabs.get(target);
      if (!chosen) return refuse('slab/unknown', `There is no slab ${target}; choose a slab you hold, or -1 for a new one.`);
      if (chosen.cache !== cache.index) {
        return refuse('slab/wrong_cache', `Slab ${target} belongs to ${this.cacheName(chosen)}; this object goes into ${cache.spec.name}.`);
      }
      if (chosen.used === cache.slots) return refuse('slab/full', `Slab ${target} has no free slot.`);
      slab = chosen;
    }
    this.putObject(id, size, tag, slab);
    this.notePeakNeed();
    return succeed({ target: slab.id });
  }

  /** Clears the object's slot; a large block's pages go back to the pool at once. */
  free(id: number): Outcome<null, SlabRefusalCode> {
    const object = this.live.get(id);
    if (!object) return refuse('request/unknown', `Request ${id} has no live object to free.`);
    this.takeObject(object);
    this.notePeakNeed();
    return succeed(null);
  }

  /** Gives an empty slab's pages back to the pool. */
  release(slabId: number): Outcome<{ readonly pages: number }, SlabRefusalCode> {
    const slab = this.slabs.get(slabId);
    if (!slab) return refuse('slab/unknown', `There is no slab ${slabId}.`);
    if (slab.used > 0) return refuse('slab/not_empty', `Slab ${slabId} still holds ${slab.used} object(s); only an empty slab can go back.`);
    this.closeSlab(slab);
    this.notePeakNeed();
    return succeed({ pages: slab.pages });
  }

  // ---- what a policy asks ------------------------------------------------------------

  /** [SL-ROUTE-1] Which cache (or whole pages) a request goes to. */
  routeFor(size: number, tag?: string): Outcome<SlabRoute, SlabRefusalCode> {
    if (!isPositiveInteger(size)) return refuse('request/bad_size', `A request must be a whole number of bytes above 0, not ${size}.`);
    const named = tag === undefined ? undefined : this.namedCaches.get(tag);
    if (named) {
      if (size > named.spec.objectSize) {
        return refuse('slab/too_large', `A ${named.spec.name} slot holds ${named.spec.objectSize} bytes, not ${size}.`);
      }
      return succeed({ cache: named.index });
    }
    const first = this.classes ? this.namedCount : 0;
    const last = this.classes ? this.caches.length : this.namedCount;
    const fitting = this.smallestFitting(size, first, last);
    if (fitting) return succeed({ cache: fitting.index });
    if (this.classes) return succeed({ largePages: this.classes.largePages(size, this.pageSize) });
    return refuse('slab/too_large', `No cache has slots of ${size} bytes or more.`);
  }

  /** [SL-POL-1] The fullest partial slab of the cache (lowest id among equals), or null. */
  fullestPartial(cache: number): number | null {
    return this.cacheAt(cache).partialByFill.peek()?.id ?? null;
  }

  /** [SL-POL-2] The cache's partial slab that became partial first, or null. */
  firstPartial(cache: number): number | null {
    return firstOf(this.cacheAt(cache).partialInOrder)?.id ?? null;
  }

  /** The cache's slab that has been empty longest, or null. */
  oldestEmpty(cache: number): number | null {
    return firstOf(this.cacheAt(cache).empty)?.id ?? null;
  }

  /** Every empty slab, in the order they became empty. */
  emptySlabs(): number[] {
    return [...this.empties].map((slab) => slab.id);
  }

  canTakePages(pages: number): boolean {
    return this.pagesHeld + pages <= this.pageLimit;
  }

  pagesPerSlab(cache: number): number {
    return this.cacheAt(cache).spec.pagesPerSlab;
  }

  // ---- views -----------------------------------------------------------------------

  isLive(id: number): boolean {
    return this.live.has(id);
  }

  /** The slab and slot holding object `id`. */
  placeOf(id: number): { readonly slab: number; readonly slot: number } | undefined {
    const object = this.live.get(id);
    return object ? { slab: object.slab.id, slot: object.slot } : undefined;
  }

  slabViews(): SlabView[] {
    return [...this.slabs.values()].map((slab) => ({
      id: slab.id,
      cache: this.cacheName(slab),
      pages: slab.pages,
      slots: slab.slotIds.length,
      used: slab.used,
      state: slab.cache < 0 ? 'large' : this.stateOf(slab),
    }));
  }

  cacheViews(): CacheView[] {
    return this.caches.map((cache) => ({
      name: cache.spec.name,
      objectSize: cache.spec.objectSize,
      pagesPerSlab: cache.spec.pagesPerSlab,
      slotsPerSlab: cache.slots,
      wastePerSlab: cache.wastePerSlab,
      liveObjects: cache.liveObjects,
      full: cache.fullCount,
      partial: cache.partialInOrder.size,
      empty: cache.empty.size,
    }));
  }

  figures(): SlabFigures {
    const slabs = { full: 0, partial: 0, empty: this.empties.size, large: this.largeBlocks };
    for (const cache of this.caches) {
      slabs.full += cache.fullCount;
      slabs.partial += cache.partialInOrder.size;
    }
    return {
      pageSize: this.pageSize,
      pagesHeld: this.pagesHeld,
      peakPages: this.peakPages,
      neededPages: this.neededPages,
      peakNeededPages: this.peakNeededPages,
      slabs,
      slotWasteBytes: this.slotWasteBytes,
      freeSlotBytes: this.freeSlotBytes,
      internalBytes: this.internalBytes,
    };
  }

  gauge(): HeapGauge {
    return {
      liveBytes: this.liveBytes,
      heapBytes: this.pagesHeld * this.pageSize,
      freeBytes: this.freeSlotBytes,
      largestFree: this.largestFreeSlot(),
      internalBytes: this.internalBytes,
    };
  }

  /** Each held slab in id order: its header, each slot (live or free) and its tail; offsets within the slab. */
  walk(): RegionView[] {
    const regions: RegionView[] = [];
    for (const slab of this.slabs.values()) {
      const area = `slab:${slab.id}`;
      const header = slab.cache < 0 ? (this.classes?.largeHeaderBytes ?? 0) : this.cacheAt(slab.cache).headerBytes;
      const slotBytes = this.slotBytes(slab);
      if (header > 0) regions.push({ start: 0, size: header, state: 'unused', area });
      slab.slotIds.forEach((id, slot) => {
        const start = header + slot * slotBytes;
        const object = id === undefined ? undefined : this.live.get(id);
        if (!object) {
          regions.push({ start, size: slotBytes, state: 'free', area });
          return;
        }
        regions.push({
          start,
          size: slotBytes,
          state: 'live',
          id: object.id,
          requested: object.requested,
          area,
          ...(object.tag === undefined ? {} : { tag: object.tag }),
        });
      });
      const end = header + slab.slotIds.length * slotBytes;
      const bytes = slab.pages * this.pageSize;
      if (end < bytes) regions.push({ start: end, size: bytes - end, state: 'unused', area });
    }
    return regions;
  }

  /** Throws when an invariant of SPEC.md §Checker is broken. */
  check(): void {
    this.checkSlabs();
    this.checkObjects();
    this.checkCaches();
    this.checkCounters();
  }

  // ---- bookkeeping -------------------------------------------------------------------

  private addCache(spec: CacheSpec): void {
    const headerBytes = spec.headerBytes ?? 0;
    const slabBytes = spec.pagesPerSlab * this.pageSize;
    const slots = slotsPerSlab(spec, this.pageSize);
    this.caches.push({
      spec,
      index: this.caches.length,
      headerBytes,
      slots,
      wastePerSlab: slabBytes - slots * spec.objectSize,
      partialByFill: new PositionedHeap<Slab>(fullerSlab),
      partialInOrder: new Set<Slab>(),
      empty: new Set<Slab>(),
      fullCount: 0,
      liveObjects: 0,
    });
  }

  private cacheAt(index: number): Cache {
    const cache = this.caches[index];
    if (!cache) invariant(false, `no cache ${index}`);
    return cache;
  }

  private cacheName(slab: Slab): string {
    return slab.cache < 0 ? 'large' : this.cacheAt(slab.cache).spec.name;
  }

  /** Bytes of one slot (for a large block: its pages less the header). */
  private slotBytes(slab: Slab): number {
    if (slab.cache >= 0) return this.cacheAt(slab.cache).spec.objectSize;
    return slab.pages * this.pageSize - (this.classes?.largeHeaderBytes ?? 0);
  }

  /** The smallest cache in [first, last) whose slots hold `size` bytes. */
  private smallestFitting(size: number, first: number, last: number): Cache | undefined {
    if (this.classes) {
      // The class caches ascend: binary search for the first that fits.
      let lo = first;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.cacheAt(mid).spec.objectSize >= size) hi = mid;
        else lo = mid + 1;
      }
      return lo < last ? this.cacheAt(lo) : undefined;
    }
    let best: Cache | undefined;
    for (const cache of this.caches.slice(first, last)) {
      if (cache.spec.objectSize >= size && (!best || cache.spec.objectSize < best.spec.objectSize)) best = cache;
    }
    return best;
  }

  private stateOf(slab: Slab): SlabState {
    if (slab.used === 0) return 'empty';
    return slab.used === slab.slotIds.length ? 'full' : 'partial';
  }

  private largestFreeSlot(): number {
    let largest = 0;
    for (const cache of this.caches) {
      const freeSlots = (cache.fullCount + cache.partialInOrder.size + cache.empty.size) * cache.slots - cache.liveObjects;
      if (freeSlots > 0) largest = Math.max(largest, cache.spec.objectSize);
    }
    return largest;
  }

  private refuseNoPages(pages: number): Outcome<never, SlabRefusalCode> {
    return refuse('slab/no_pages', `The page pool has ${this.pageLimit - this.pagesHeld} page(s) left; this needs ${pages}.`);
  }

  private allocateLarge(id: number, size: number, target: Target, tag: string | undefined, pages: number): Outcome<{ readonly target: Target }, SlabRefusalCode> {
    if (target !== -1) return refuse('slab/large_block', `${size} bytes is too large for any size class: it gets whole pages of its own (target -1).`);
    if (!this.canTakePages(pages)) return this.refuseNoPages(pages);
    const slab = this.newSlab(-1, pages, 1);
    this.largeBlocks++;
    this.neededPages += pages;
    this.putInSlot(id, size, tag, slab);
    this.internalBytes += this.slotBytes(slab) - size;
    this.slotWasteBytes += this.classes?.largeHeaderBytes ?? 0;
    this.notePeakNeed();
    return succeed({ target: slab.id });
  }

  private newSlab(cache: number, pages: number, slots: number): Slab {
    const freeSlots = new LevelBitmap(slots);
    freeSlots.fill();
    const slab: Slab = { id: this.nextSlabId++, cache, pages, freeSlots, slotIds: new Array<number | undefined>(slots).fill(undefined), used: 0, heapPos: -1 };
    this.slabs.set(slab.id, slab);
    this.pagesHeld += pages;
    this.peakPages = Math.max(this.peakPages, this.pagesHeld);
    return slab;
  }

  /** [SL-MOVE-2] A new slab of the cache, empty until its first object. */
  private openSlab(cache: Cache): Slab {
    const slab = this.newSlab(cache.index, cache.spec.pagesPerSlab, cache.slots);
    this.freeSlotBytes += cache.slots * cache.spec.objectSize;
    this.slotWasteBytes += cache.wastePerSlab;
    this.enter(slab, 'empty');
    return slab;
  }

  private closeSlab(slab: Slab): void {
    this.slabs.delete(slab.id);
    this.pagesHeld -= slab.pages;
    if (slab.cache < 0) {
      this.largeBlocks--;
      this.slotWasteBytes -= this.classes?.largeHeaderBytes ?? 0;
      return;
    }
    const cache = this.cacheAt(slab.cache);
    this.leave(slab, 'empty');
    this.freeSlotBytes -= cache.slots * cache.spec.objectSize;
    this.slotWasteBytes -= cache.wastePerSlab;
  }

  /** Fills the lowest free slot of `slab` (SL-MOVE-3). */
  private putInSlot(id: number, size: number, tag: string | undefined, slab: Slab): void {
    const slot = slab.freeSlots.first();
    if (slot < 0) invariant(false, `slab ${slab.id} has no free slot`);
    slab.freeSlots.clear(slot);
    slab.slotIds[slot] = id;
    slab.used++;
    this.live.set(id, { id, slab, slot, requested: size, tag });
    this.liveBytes += size;
  }

  private putObject(id: number, size: number, tag: string | undefined, slab: Slab): void {
    const cache = this.cacheAt(slab.cache);
    const before = this.stateOf(slab);
    this.neededPages -= this.pagesNeededBy(cache);
    cache.liveObjects++;
    this.neededPages += this.pagesNeededBy(cache);
    this.putInSlot(id, size, tag, slab);
    this.freeSlotBytes -= cache.spec.objectSize;
    this.internalBytes += cache.spec.objectSize - size;
    this.refile(slab, before);
  }

  private takeObject(object: LiveObject): void {
    const { slab } = object;
    const before = slab.cache < 0 ? undefined : this.stateOf(slab);
    this.live.delete(object.id);
    slab.slotIds[object.slot] = undefined;
    slab.freeSlots.set(object.slot);
    slab.used--;
    this.liveBytes -= object.requested;
    this.internalBytes -= this.slotBytes(slab) - object.requested;
    if (before === undefined) {
      this.neededPages -= slab.pages;
      this.closeSlab(slab); // [SL-FREE-2] a large block's pages go back with it
      return;
    }
    const cache = this.cacheAt(slab.cache);
    this.neededPages -= this.pagesNeededBy(cache);
    cache.liveObjects--;
    this.neededPages += this.pagesNeededBy(cache);
    this.freeSlotBytes += cache.spec.objectSize;
    this.refile(slab, before);
  }

  /** Pages the cache's live objects need at the least: full slabs only. */
  private pagesNeededBy(cache: Cache): number {
    return Math.ceil(cache.liveObjects / cache.slots) * cache.spec.pagesPerSlab;
  }

  /** Moves a slab whose fill changed into the place its new state calls for. */
  private refile(slab: Slab, before: SlabState): void {
    const after = this.stateOf(slab);
    if (after === before) {
      if (after === 'partial') this.cacheAt(slab.cache).partialByFill.update(slab);
      return;
    }
    this.leave(slab, before);
    this.enter(slab, after);
  }

  private enter(slab: Slab, state: SlabState): void {
    const cache = this.cacheAt(slab.cache);
    if (state === 'full') cache.fullCount++;
    else if (state === 'partial') {
      cache.partialByFill.push(slab);
      cache.partialInOrder.add(slab);
    } else {
      cache.empty.add(slab);
      this.empties.add(slab);
    }
  }

  private leave(slab: Slab, state: SlabState): void {
    const cache = this.cacheAt(slab.cache);
    if (state === 'full') cache.fullCount--;
    else if (state === 'partial') {
      cache.partialByFill.remove(slab);
      cache.partialInOrder.delete(slab);
    } else {
      cache.empty.delete(slab);
      this.empties.delete(slab);
    }
  }

  private notePeakNeed(): void {
    this.peakNeededPages = Math.max(this.peakNeededPages, this.neededPages);
  }

  // ---- checker ------------------------------------------------------------------------

  /** [SL-CHECK-1] Each slab's count, bitmap and slot ids agree, and it sits where its state says. */
  private checkSlabs(): void {
    for (const slab of this.slabs.values()) {
      const taken = slab.slotIds.filter((id) => id !== undefined).length;
      invariant(taken === slab.used, `slab ${slab.id}: ${taken} slots hold ids but used is ${slab.used}`);
      invariant(slab.freeSlots.count === slab.slotIds.length - slab.used, `slab ${slab.id}: the bitmap counts ${slab.freeSlots.count} free slots`);
      slab.slotIds.forEach((id, slot) => {
        invariant(slab.freeSlots.has(slot) === (id === undefined), `slab ${slab.id}: slot ${slot} bitmap disagrees with its id`);
        if (id !== undefined) {
          const object = this.live.get(id);
          invariant(object && object.slab === slab && object.slot === slot, `slab ${slab.id}: slot ${slot} names ${id}, which is not there`);
        }
      });
      if (slab.cache < 0) {
        invariant(slab.used === 1, `large block ${slab.id} is held with no object`);
        continue;
      }
      const cache = this.cacheAt(slab.cache);
      const state = this.stateOf(slab);
      invariant(cache.partialByFill.has(slab) === (state === 'partial'), `slab ${slab.id} (${state}) is wrongly in or out of the fill heap`);
      invariant(cache.partialInOrder.has(slab) === (state === 'partial'), `slab ${slab.id} (${state}) is wrongly in or out of the partial list`);
      invariant(cache.empty.has(slab) === (state === 'empty'), `slab ${slab.id} (${state}) is wrongly in or out of the empty set`);
      invariant(this.empties.has(slab) === (state === 'empty'), `slab ${slab.id} (${state}) is wrongly in or out of the pool's empty set`);
    }
  }

  /** [SL-CHECK-2] Each live object sits in a held slab, in a slot that holds it. */
  private checkObjects(): void {
    for (const object of this.live.values()) {
      invariant(this.slabs.get(object.slab.id) === object.slab, `object ${object.id} is in slab ${object.slab.id}, which is not held`);
      invariant(object.slab.slotIds[object.slot] === object.id, `object ${object.id}: its slot holds another id`);
      invariant(object.requested <= this.slotBytes(object.slab), `object ${object.id}: ${object.requested} bytes in a ${this.slotBytes(object.slab)}-byte slot`);
    }
  }

  /** [SL-CHECK-3] Every cache's lists hold only its own slabs; its counts agree with its slabs. */
  private checkCaches(): void {
    for (const cache of this.caches) {
      let full = 0;
      let objects = 0;
      for (const slab of this.slabs.values()) {
        if (slab.cache !== cache.index) continue;
        if (this.stateOf(slab) === 'full') full++;
        objects += slab.used;
      }
      invariant(full === cache.fullCount, `${cache.spec.name}: ${full} full slabs, counted ${cache.fullCount}`);
      invariant(objects === cache.liveObjects, `${cache.spec.name}: ${objects} objects in slabs, counted ${cache.liveObjects}`);
      invariant(cache.partialByFill.isConsistent(), `${cache.spec.name}: the fill heap is out of order`);
      invariant(cache.partialByFill.size === cache.partialInOrder.size, `${cache.spec.name}: fill heap and partial list differ`);
      for (const slab of [...cache.partialInOrder, ...cache.empty]) {
        invariant(slab.cache === cache.index && this.slabs.get(slab.id) === slab, `${cache.spec.name} lists slab ${slab.id}, which is not one of its held slabs`);
      }
    }
  }

  /** [SL-CHECK-4] The pool and the running counters equal a recount. */
  private checkCounters(): void {
    let pages = 0;
    let large = 0;
    let freeSlotBytes = 0;
    let waste = 0;
    for (const slab of this.slabs.values()) {
      pages += slab.pages;
      if (slab.cache < 0) {
        large++;
        waste += this.classes?.largeHeaderBytes ?? 0;
      } else {
        const cache = this.cacheAt(slab.cache);
        freeSlotBytes += (cache.slots - slab.used) * cache.spec.objectSize;
        waste += cache.wastePerSlab;
      }
    }
    let liveBytes = 0;
    let internal = 0;
    let needed = 0;
    for (const object of this.live.values()) {
      liveBytes += object.requested;
      internal += this.slotBytes(object.slab) - object.requested;
      if (object.slab.cache < 0) needed += object.slab.pages;
    }
    for (const cache of this.caches) needed += this.pagesNeededBy(cache);
    invariant(pages === this.pagesHeld, `pages held ${this.pagesHeld}, recounted ${pages}`);
    invariant(pages <= this.pageLimit, `${pages} pages held beyond the limit of ${this.pageLimit}`);
    invariant(this.peakPages >= pages, `peak pages ${this.peakPages} below the pages held ${pages}`);
    invariant(large === this.largeBlocks, `large blocks ${this.largeBlocks}, recounted ${large}`);
    invariant(freeSlotBytes === this.freeSlotBytes, `free slot bytes ${this.freeSlotBytes}, recounted ${freeSlotBytes}`);
    invariant(waste === this.slotWasteBytes, `slot waste ${this.slotWasteBytes}, recounted ${waste}`);
    invariant(liveBytes === this.liveBytes, `live bytes ${this.liveBytes}, recounted ${liveBytes}`);
    invariant(internal === this.internalBytes, `internal bytes ${this.internalBytes}, recounted ${internal}`);
    invariant(needed === this.neededPages, `needed pages ${this.neededPages}, recounted ${needed}`);
    invariant(needed <= pages, `the live objects need ${needed} pages but only ${pages} are held`);
  }
}

function firstOf<T>(set: ReadonlySet<T>): T | undefined {
  for (const item of set) return item;
  return undefined;
}
