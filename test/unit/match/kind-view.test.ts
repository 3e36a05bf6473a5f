// The kind view: what each kind's screen draws beyond the regions, from the engines' own views.
import { describe, it, expect } from 'vitest';
import { SlabAllocator } from '../../../shared/slab/slab.ts';
import { ArenaAllocator } from '../../../shared/arena/arena.ts';
import { BuddyAllocator } from '../../../shared/buddy/buddy.ts';
import { createFreeListHeap } from '../../../shared/freelist/heap.ts';
import { kindViewOf, lineUpAreas } from '../../../shared/match/kind-view.ts';

const CACHES = [
  { name: 'task', objectSize: 96, pagesPerSlab: 1 },
  { name: 'file', objectSize: 64, pagesPerSlab: 1 },
  { name: 'inode', objectSize: 128, pagesPerSlab: 2 },
];

describe('the kind view of a round', () => {
  it('[MATCH-VIEW-1] a slab heap: caches in use and the pending request\'s cache, every slab, pages held of the limit', () => {
    const slab = new SlabAllocator({ pageSize: 256, pageLimit: 4, caches: CACHES, classes: null });
    slab.allocate(0, 90, -1, 'task');
    slab.allocate(1, 60, -1, 'file');
    slab.allocate(2, 60, 1, 'file');
    const view = kindViewOf(slab, { size: 100, tag: 'inode' });
    expect(view).toEqual({
      kind: 'slab',
      caches: [
        { name: 'task', objectSize: 96, pagesPerSlab: 1, slotsPerSlab: 2, wastePerSlab: 64, liveObjects: 1, full: 0, partial: 1, empty: 0 },
        { name: 'file', objectSize: 64, pagesPerSlab: 1, slotsPerSlab: 4, wastePerSlab: 0, liveObjects: 2, full: 0, partial: 1, empty: 0 },
        { name: 'inode', objectSize: 128, pagesPerSlab: 2, slotsPerSlab: 4, wastePerSlab: 0, liveObjects: 0, full: 0, partial: 0, empty: 0 },
      ],
      slabs: [
        { id: 0, cache: 'task', pages: 1, slots: 2, used: 1, state: 'partial' },
        { id: 1, cache: 'file', pages: 1, slots: 4, used: 2, state: 'partial' },
      ],
      pages: { held: 2, limit: 4 },
      pendingCache: 'inode',
    });
    expect(kindViewOf(slab)).toMatchObject({ caches: [{ name: 'task' }, { name: 'file' }], pages: { held: 2, limit: 4 } });
    expect(kindViewOf(slab)).not.toHaveProperty('pendingCache');
  });

  it('[MATCH-VIEW-1] a slab heap without a page limit says so; a large block is its own cache', () => {
    const slab = new SlabAllocator({ pageSize: 4096 });
    expect(kindViewOf(slab, { size: 9000 })).toEqual({ kind: 'slab', caches: [], slabs: [], pages: { held: 0 }, pendingCache: 'large' });
  });

  it('[MATCH-VIEW-1] an arena heap: every open arena; other kinds have no kind view', () => {
    const arenas = new ArenaAllocator({ chunkSize: 64, align: 8 });
    arenas.allocate(0, 20, -1, 'a');
    arenas.allocate(1, 50, 0, 'a');
    arenas.free(0);
    expect(kindViewOf(arenas)).toEqual({
      kind: 'arena',
      arenas: [{ id: 0, label: 'a', chunks: 2, bytesHeld: 128, liveObjects: 1, deadObjects: 1, room: 8 }],
    });
  });

  it('[MATCH-VIEW-1] a buddy space: its unit, orders and free lists head first; a free list: its placement rule', () => {
    const buddy = new BuddyAllocator({ maxOrder: 3, minOrder: 1, unit: 2 });
    buddy.allocate(0, 2, 0);
    // 16 bytes in units of 2: the 2-byte request takes order 1 at 0; its buddy at 4, then 8 (order 2), are free.
    expect(kindViewOf(buddy)).toEqual({ kind: 'buddy', unit: 2, minOrder: 1, maxOrder: 3, freeLists: [[], [4], [8], []] });
    const heap = createFreeListHeap({ align: 8, overhead: 8, growth: 'fixed', limit: 256 });
    if (!heap.ok) throw new Error(heap.message);
    expect(kindViewOf(heap.value)).toMatchObject({ kind: 'freelist', rule: { align: 8, overhead: 8, header: 4, growth: 'fixed', limit: heap.value.options.limit, mmapThreshold: null } });
  });

  it('[MATCH-VIEW-5] a free list: the next-fit rover and the free list in LIFO and FIFO order, from the heap itself', () => {
    const made = createFreeListHeap({ align: 1, overhead: 0, minBlock: 1, growth: 'fixed', limit: 100 });
    if (!made.ok) throw new Error(made.message);
    const heap = made.value;
    // Blocks at 0, 10, 20, 30; free 10 (first), then 30 (last): LIFO puts 30 first, FIFO 10 (the tail at 40 is older still).
    for (const [id, at] of [[0, 0], [1, 10], [2, 20], [3, 30]] as const) heap.allocate(id, 10, at);
    heap.free(1);
    heap.free(3);
    const view = kindViewOf(heap);
    if (view?.kind !== 'freelist') throw new Error('not a free-list view');
    expect(view.rover).toBe(heap.rover);
    expect(view.listOrder.lifo).toEqual(heap.freeList('lifo'));
    expect(view.listOrder.fifo).toEqual(heap.freeList('fifo'));
    expect(view.listOrder.lifo.slice(0, 2)).toEqual([30, 10]);
    expect(view.listOrder.fifo.indexOf(10)).toBeLessThan(view.listOrder.fifo.indexOf(30));
  });

  it('[MATCH-VIEW-3] lines slabs up end to end in the walker\'s order; other regions keep their addresses', () => {
    const slab = new SlabAllocator({ pageSize: 256, caches: CACHES, classes: null });
    slab.allocate(0, 90, -1, 'task'); // slab 0: 2 task slots of 96, 64 unused
    slab.allocate(1, 60, -1, 'file'); // slab 1: 4 file slots of 64
    expect(lineUpAreas(slab.walk()).map((r) => [r.area, r.start, r.size, r.state])).toEqual([
      ['slab:0', 0, 96, 'live'], ['slab:0', 96, 96, 'free'], ['slab:0', 192, 64, 'unused'],
      ['slab:1', 256, 64, 'live'], ['slab:1', 320, 64, 'free'], ['slab:1', 384, 64, 'free'], ['slab:1', 448, 64, 'free'],
    ]);
    const heap = [{ start: 0, size: 8, state: 'free' as const }, { start: 100, size: 64, state: 'live' as const, id: 1, area: 'mmap' }];
    expect(lineUpAreas(heap)).toEqual(heap);
  });
});
