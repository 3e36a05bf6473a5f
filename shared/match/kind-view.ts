// What each kind's screen needs beyond the walker's regions, read from the allocator as
// plain data, which the server syncs as one compact string (kind-view-wire.ts): the slab
// and arena boards (slabViews/cacheViews/arenaViews), the buddy tree's orders and free
// lists, and the free list's placement rule (for the drag preview, shared/match/preview.ts),
// next-fit rover and list orders (drawn on the line where a level is about them).
// Pure: reads the allocator, changes nothing.

import type { Allocator, RegionView } from '../core/allocator.ts';
import { SlabAllocator, type CacheView, type SlabView } from '../slab/slab.ts';
import { ArenaAllocator, type ArenaView } from '../arena/arena.ts';
import { BuddyAllocator } from '../buddy/buddy.ts';
import { FreeListHeap } from '../freelist/heap.ts';
import type { FreeListOptions } from '../freelist/options.ts';

export interface SlabKindView {
  readonly kind: 'slab';
  /** Caches that hold a slab, plus the pending request's cache. */
  readonly caches: readonly CacheView[];
  readonly slabs: readonly SlabView[];
  readonly pages: { readonly held: number; readonly limit?: number };
  /** The cache the pending request goes to ('large' for whole pages of its own), when one is pending. */
  readonly pendingCache?: string;
}

export interface ArenaKindView {
  readonly kind: 'arena';
  readonly arenas: readonly ArenaView[];
}

export interface BuddyKindView {
  readonly kind: 'buddy';
  /** Bytes per unit; a block of order k is 2^k units. */
  readonly unit: number;
  readonly minOrder: number;
  readonly maxOrder: number;
  /** Each order's free list, head first, addresses in bytes (index = order). */
  readonly freeLists: readonly (readonly number[])[];
}

/** The free-list options a placement depends on ([FL-PLACE-*]); mmapThreshold null when nothing is mapped. */
export type PlaceRule = Pick<FreeListOptions, 'align' | 'overhead' | 'header' | 'minBlock' | 'split' | 'growth' | 'growthStep' | 'chunk' | 'limit' | 'prologue' | 'epilogue'> & {
  readonly mmapThreshold: number | null;
};

export interface FreeListKindView {
  readonly kind: 'freelist';
  readonly rule: PlaceRule;
  /** [MATCH-VIEW-5] Where next fit resumes its search ([FL-ROVER-1]). */
  readonly rover: number;
  /** [MATCH-VIEW-5] The free blocks' addresses in LIFO and FIFO list order, front first ([FL-ORDER-1]); address order is the line's. */
  readonly listOrder: { readonly lifo: readonly number[]; readonly fifo: readonly number[] };
}

export type KindView = SlabKindView | ArenaKindView | BuddyKindView | FreeListKindView;

/** The pending request, as far as the kind view cares. */
export interface PendingShape {
  readonly size: number;
  readonly tag?: string;
}

/** The kind view of an allocator; null for an allocator this module does not know. */
export function kindViewOf(allocator: Allocator, pending: PendingShape | null = null): KindView | null {
  if (allocator instanceof SlabAllocator) return slabKindView(allocator, pending);
  if (allocator instanceof ArenaAllocator) return { kind: 'arena', arenas: allocator.arenaViews() };
  if (allocator instanceof BuddyAllocator) {
    return { kind: 'buddy', unit: allocator.unit, minOrder: allocator.minOrder, maxOrder: allocator.maxOrder, freeLists: allocator.freeLists() };
  }
  if (allocator instanceof FreeListHeap) {
    return { kind: 'freelist', rule: placeRuleOf(allocator.options), rover: allocator.rover, listOrder: { lifo: allocator.freeList('lifo'), fifo: allocator.freeList('fifo') } };
  }
  return null;
}

function placeRuleOf(o: FreeListOptions): PlaceRule {
  const { align, overhead, header, minBlock, split, growth, growthStep, chunk, limit, prologue, epilogue } = o;
  return {
    align, overhead, header, minBlock, split, growth, growthStep, chunk, limit, prologue, epilogue,
    mmapThreshold: Number.isFinite(o.mmapThreshold) ? o.mmapThreshold : null,
  };
}

function pendingCacheOf(slab: SlabAllocator, caches: readonly CacheView[], pending: PendingShape | null): string | undefined {
  if (!pending) return undefined;
  const route = slab.routeFor(pending.size, pending.tag);
  if (!route.ok) return undefined;
  return 'largePages' in route.value ? 'large' : caches[route.value.cache]?.name;
}

function slabKindView(slab: SlabAllocator, pending: PendingShape | null): SlabKindView {
  const allCaches = slab.cacheViews();
  const slabs = slab.slabViews();
  const pendingCache = pendingCacheOf(slab, allCaches, pending);
  const inUse = new Set(slabs.map((s) => s.cache));
  const caches = allCaches.filter((c) => inUse.has(c.name) || c.name === pendingCache);
  const held = slab.figures().pagesHeld;
  return {
    kind: 'slab',
    caches,
    slabs,
    pages: Number.isFinite(slab.pageLimit) ? { held, limit: slab.pageLimit } : { held },
    ...(pendingCache === undefined ? {} : { pendingCache }),
  };
}

/** A slab's or an arena's regions ('slab:<id>', 'arena:<id>'), each counted from 0 within it. */
function isContainerArea(area: string | undefined): area is string {
  return area !== undefined && /^(slab|arena):\d+$/.test(area);
}

/**
 * [MATCH-VIEW-3] A slab or arena heap's regions laid end to end, in the walker's order
 * (each slab or arena after the one before it), so an address line (the results'
 * replay) can draw them; other regions stay where they are.
 */
export function lineUpAreas(regions: readonly RegionView[]): RegionView[] {
  const extents = new Map<string, number>();
  for (const r of regions) {
    if (isContainerArea(r.area)) extents.set(r.area, Math.max(extents.get(r.area) ?? 0, r.start + r.size));
  }
  const offsets = new Map<string, number>();
  let next = 0;
  for (const [area, extent] of extents) {
    offsets.set(area, next);
    next += extent;
  }
  return regions.map((r) => {
    const offset = r.area === undefined ? undefined : offsets.get(r.area);
    return offset ? { ...r, start: r.start + offset } : r;
  });
}
