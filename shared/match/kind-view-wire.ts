// [MATCH-VIEW-2] The kind view (kind-view.ts) as the synced state carries it: a JSON
// array read by position, led by the kind's one-letter code, instead of objects with
// every key spelled out (the view changes with almost every move and is sent whole, so
// its keys were most of its bytes). The server encodes (shared/match/view.ts), the
// client decodes (client/src/net/synced.ts); docs/PROTOCOL.md gives the same layout.
//
//   buddy     ["b", unit, minOrder, maxOrder, freeLists]            freeLists: [[address, …], …] by order
//   free list ["l", rule, rover, lifo, fifo]                        rule: [align, overhead, header, minBlock,
//             split 1|0, growth, growthStep, chunk, limit, prologue, epilogue, mmapThreshold|null]
//   slab      ["s", caches, slabs, pagesHeld, pageLimit|null, pendingCache|null]
//             cache: [name, objectSize, pagesPerSlab, slotsPerSlab, wastePerSlab, liveObjects, full, partial, empty]
//             slab:  [id, cache, pages, slots, used, state]
//   arena     ["a", arenas]                                        arena: [id, label, chunks, bytesHeld, liveObjects, deadObjects, room]

import type { CacheView, SlabView } from '../slab/slab.ts';
import type { ArenaView } from '../arena/arena.ts';
import type { ArenaKindView, BuddyKindView, FreeListKindView, KindView, PlaceRule, SlabKindView } from './kind-view.ts';
import { bit, listOf, num, oneOf, orNull, parseJson, readAs, str, toBit, tuple, type Reader } from './wire.ts';

type Item = string | number | null | readonly Item[];

/** The tuple's code for each kind. */
const CODES = { buddy: 'b', freelist: 'l', slab: 's', arena: 'a' } as const satisfies Record<KindView['kind'], string>;

function ruleTuple(r: PlaceRule): Item {
  return [r.align, r.overhead, r.header, r.minBlock, toBit(r.split), r.growth, r.growthStep, r.chunk, r.limit, r.prologue, r.epilogue, r.mmapThreshold];
}

function cacheTuple(c: CacheView): Item {
  return [c.name, c.objectSize, c.pagesPerSlab, c.slotsPerSlab, c.wastePerSlab, c.liveObjects, c.full, c.partial, c.empty];
}

function slabTuple(s: SlabView): Item {
  return [s.id, s.cache, s.pages, s.slots, s.used, s.state];
}

function arenaTuple(a: ArenaView): Item {
  return [a.id, a.label, a.chunks, a.bytesHeld, a.liveObjects, a.deadObjects, a.room];
}

function kindTuple(view: KindView): Item {
  const code = CODES[view.kind];
  switch (view.kind) {
    case 'buddy': return [code, view.unit, view.minOrder, view.maxOrder, view.freeLists];
    case 'freelist': return [code, ruleTuple(view.rule), view.rover, view.listOrder.lifo, view.listOrder.fifo];
    case 'slab': return [code, view.caches.map(cacheTuple), view.slabs.map(slabTuple), view.pages.held, view.pages.limit ?? null, view.pendingCache ?? null];
    case 'arena': return [code, view.arenas.map(arenaTuple)];
  }
}

/** [MATCH-VIEW-2] The kind view as the synced string; '' for none. */
export function encodeKindView(view: KindView | null): string {
  return view ? JSON.stringify(kindTuple(view)) : '';
}

const readRule: Reader<PlaceRule> = readAs(
  tuple([num, num, num, num, bit, oneOf('fixed', 'sbrk'), oneOf('chunks', 'block-or-chunk'), num, num, num, num, orNull(num)]),
  ([align, overhead, header, minBlock, split, growth, growthStep, chunk, limit, prologue, epilogue, mmapThreshold]) => ({
    align, overhead, header, minBlock, split, growth, growthStep, chunk, limit, prologue, epilogue, mmapThreshold,
  }),
);

const readCache: Reader<CacheView> = readAs(
  tuple([str, num, num, num, num, num, num, num, num]),
  ([name, objectSize, pagesPerSlab, slotsPerSlab, wastePerSlab, liveObjects, full, partial, empty]) => ({
    name, objectSize, pagesPerSlab, slotsPerSlab, wastePerSlab, liveObjects, full, partial, empty,
  }),
);

const readSlab: Reader<SlabView> = readAs(
  tuple([num, str, num, num, num, oneOf('full', 'partial', 'empty', 'large')]),
  ([id, cache, pages, slots, used, state]) => ({ id, cache, pages, slots, used, state }),
);

const readArena: Reader<ArenaView> = readAs(
  tuple([num, str, num, num, num, num, num]),
  ([id, label, chunks, bytesHeld, liveObjects, deadObjects, room]) => ({ id, label, chunks, bytesHeld, liveObjects, deadObjects, room }),
);

const readBuddy: Reader<BuddyKindView> = readAs(
  tuple([num, num, num, listOf(listOf(num))]),
  ([unit, minOrder, maxOrder, freeLists]) => ({ kind: 'buddy', unit, minOrder, maxOrder, freeLists }),
);

const readFreeList: Reader<FreeListKindView> = readAs(
  tuple([readRule, num, listOf(num), listOf(num)]),
  ([rule, rover, lifo, fifo]) => ({ kind: 'freelist', rule, rover, listOrder: { lifo, fifo } }),
);

const readSlabKind: Reader<SlabKindView> = readAs(
  tuple([listOf(readCache), listOf(readSlab), num, orNull(num), orNull(str)]),
  ([caches, slabs, held, limit, pendingCache]) => ({
    kind: 'slab', caches, slabs,
    pages: limit === null ? { held } : { held, limit },
    ...(pendingCache === null ? {} : { pendingCache }),
  }),
);

const readArenaKind: Reader<ArenaKindView> = readAs(tuple([listOf(readArena)]), ([arenas]) => ({ kind: 'arena', arenas }));

/** Each code's reader of the items after it. */
const READERS: ReadonlyMap<string, Reader<KindView>> = new Map<string, Reader<KindView>>([
  [CODES.buddy, readBuddy],
  [CODES.freelist, readFreeList],
  [CODES.slab, readSlabKind],
  [CODES.arena, readArenaKind],
]);

/**
 * [MATCH-VIEW-2] The synced string as the kind view; null for '' (a kind without one)
 * and for anything that is not one (an unknown code, an item missing or of the wrong type).
 */
export function decodeKindView(text: string): KindView | null {
  const parsed = parseJson(text);
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') return null;
  return READERS.get(parsed[0])?.(parsed.slice(1)) ?? null;
}
