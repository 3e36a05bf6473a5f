// Slab allocator scenarios with layouts worked out by hand from shared/slab/SPEC.md.
import { describe, it, expect } from 'vitest';
import { SlabAllocator } from '../../../shared/slab/slab.ts';
import { KERNEL_CACHES, pow2Classes, quarterClasses } from '../../../shared/slab/caches.ts';
import type { CacheSpec } from '../../../shared/slab/caches.ts';
import { kmallocPow2, slabFirst, slabFullest, slabNaive } from '../../../shared/slab/policies.ts';

const taskStruct: CacheSpec = { name: 'task_struct', objectSize: 1728, pagesPerSlab: 2 };
const objects1k: CacheSpec = { name: 'obj', objectSize: 1024, pagesPerSlab: 1 };

function codeOf(outcome: { ok: boolean; code?: string }): string | null {
  return outcome.ok ? null : (outcome.code ?? null);
}

function snapshot(slab: SlabAllocator): string {
  return JSON.stringify({ slabs: slab.slabViews(), walk: slab.walk(), figures: slab.figures(), gauge: slab.gauge() });
}

function put(slab: SlabAllocator, id: number, size: number, target: number, tag?: string): number {
  const placed = slab.allocate(id, size, target, tag);
  if (!placed.ok) throw new Error(`${placed.code}: ${placed.message}`);
  slab.check();
  return placed.value.target;
}

function drop(slab: SlabAllocator, id: number): void {
  expect(slab.free(id).ok).toBe(true);
  slab.check();
}

function usedBySlab(slab: SlabAllocator): Record<number, string> {
  return Object.fromEntries(slab.slabViews().map((v) => [v.id, `${v.state} ${v.used}/${v.slots}`]));
}

describe('caches and size classes', () => {
  it('[SL-CACHE-1] [SL-CACHE-2] cuts the kernel caches into slots and counts the waste', () => {
    const slab = new SlabAllocator();
    const kernel = slab.cacheViews().slice(0, KERNEL_CACHES.length);
    expect(kernel.map((c) => [c.name, c.slotsPerSlab, c.wastePerSlab])).toEqual([
      ['task_struct', 4, 1280],
      ['mm_struct', 4, 512],
      ['inode_cache', 6, 496],
      ['filp', 16, 0],
      ['dentry', 21, 64],
      ['vm_area_struct', 23, 48],
    ]);
  });

  it('[SL-CLASS-1] power-of-two classes on one-page arenas with a 12-byte header, as Pintos', () => {
    const slab = new SlabAllocator({ caches: [], classes: pow2Classes() });
    expect(slab.cacheViews().map((c) => [c.name, c.slotsPerSlab, c.wastePerSlab])).toEqual([
      ['kmalloc-16', 255, 16],
      ['kmalloc-32', 127, 32],
      ['kmalloc-64', 63, 64],
      ['kmalloc-128', 31, 128],
      ['kmalloc-256', 15, 256],
      ['kmalloc-512', 7, 512],
      ['kmalloc-1024', 3, 1024],
    ]);
  });

  it('[SL-CLASS-2] four classes per doubling on slabs their slots fill exactly, as jemalloc', () => {
    const table = quarterClasses();
    expect(table.classes.slice(0, 13).map((c) => [c.objectSize, c.pagesPerSlab])).toEqual([
      [16, 1], [32, 1], [48, 3], [64, 1], [80, 5], [96, 3], [112, 7], [128, 1], [160, 5], [192, 3], [224, 7], [256, 1], [320, 5],
    ]);
    expect(table.classes.length).toBe(35);
    expect(table.classes.at(-1)).toEqual({ name: 'kmalloc-14336', objectSize: 14336, pagesPerSlab: 7 });
    const slab = new SlabAllocator({ caches: [], classes: table });
    expect(slab.cacheViews().every((c) => c.wastePerSlab === 0)).toBe(true);
  });
});

describe('routing a request to a cache', () => {
  it('[SL-ROUTE-1] a tag names a cache; other requests go to the smallest class, or whole pages', () => {
    const slab = new SlabAllocator();
    expect(slab.slabViews()).toEqual([]);
    put(slab, 1, 1700, -1, 'task_struct');
    put(slab, 2, 100, -1);
    put(slab, 3, 100, -1, 'no-such-cache');
    put(slab, 4, 1025, -1);
    put(slab, 5, 4085, -1);
    expect(slab.slabViews().map((v) => [v.id, v.cache, v.pages, v.slots])).toEqual([
      [0, 'task_struct', 2, 4],
      [1, 'kmalloc-128', 1, 31],
      [2, 'kmalloc-128', 1, 31],
      [3, 'large', 1, 1],
      [4, 'large', 2, 1],
    ]);
    const tooLarge = slab.allocate(6, 1729, -1, 'task_struct');
    expect(codeOf(tooLarge)).toBe('slab/too_large');
  });

  it('[SL-ROUTE-1] without a class table, the smallest named cache that holds the request', () => {
    const slab = new SlabAllocator({ classes: null });
    put(slab, 1, 100, -1);
    expect(slab.slabViews()[0]?.cache).toBe('vm_area_struct');
    expect(codeOf(slab.allocate(2, 2000, -1))).toBe('slab/too_large');
  });
});

describe('the player chooses the slab', () => {
  it('[SL-MOVE-1] [SL-MOVE-2] [SL-MOVE-3] [SL-FREE-1] [SL-RELEASE-1] fills task_struct slabs from a four-page pool', () => {
    const slab = new SlabAllocator({ caches: [taskStruct], classes: null, pageLimit: 4 });
    expect(put(slab, 1, 1728, -1)).toBe(0);
    expect(put(slab, 2, 1728, 0)).toBe(0);
    expect(put(slab, 3, 1728, -1)).toBe(1);
    expect(codeOf(slab.allocate(4, 1728, -1))).toBe('slab/no_pages');
    expect(usedBySlab(slab)).toEqual({ 0: 'partial 2/4', 1: 'partial 1/4' });

    drop(slab, 1);
    put(slab, 5, 1000, 0);
    expect(slab.placeOf(5)).toEqual({ slab: 0, slot: 0 }); // the lowest free slot
    put(slab, 6, 1728, 0);
    put(slab, 7, 1728, 0);
    expect(slab.placeOf(7)).toEqual({ slab: 0, slot: 3 });
    expect(codeOf(slab.allocate(8, 1728, 0))).toBe('slab/full');

    drop(slab, 3);
    expect(usedBySlab(slab)).toEqual({ 0: 'full 4/4', 1: 'empty 0/4' });
    expect(codeOf(slab.release(0))).toBe('slab/not_empty');
    expect(slab.release(1)).toEqual({ ok: true, value: { pages: 2 } });
    slab.check();
    expect(codeOf(slab.release(1))).toBe('slab/unknown');
    expect(slab.figures()).toMatchObject({ pagesHeld: 2, peakPages: 4, neededPages: 2, peakNeededPages: 4 }); // five objects once: two slabs
  });

  it('[SL-MOVE-1] [SL-MOVE-5] refuses unknown slabs, slabs of another cache, duplicates and bad sizes, changing nothing', () => {
    const slab = new SlabAllocator();
    put(slab, 1, 150, -1, 'dentry'); // slab 0
    put(slab, 2, 5000, -1); // slab 1: a large block
    const before = snapshot(slab);
    expect(codeOf(slab.allocate(3, 200, 0, 'filp'))).toBe('slab/wrong_cache');
    expect(codeOf(slab.allocate(3, 100, 1, 'dentry'))).toBe('slab/wrong_cache');
    expect(codeOf(slab.allocate(3, 100, 99, 'dentry'))).toBe('slab/unknown');
    expect(codeOf(slab.allocate(3, 100, 0.5, 'dentry'))).toBe('slab/unknown');
    expect(codeOf(slab.allocate(1, 100, 0, 'dentry'))).toBe('request/duplicate');
    expect(codeOf(slab.allocate(3, 0, 0, 'dentry'))).toBe('request/bad_size');
    expect(codeOf(slab.allocate(3, 1.5, 0, 'dentry'))).toBe('request/bad_size');
    expect(codeOf(slab.free(3))).toBe('request/unknown');
    expect(codeOf(slab.release(0))).toBe('slab/not_empty');
    expect(codeOf(slab.release(1))).toBe('slab/not_empty');
    expect(snapshot(slab)).toBe(before);
  });

  it('[SL-MOVE-4] [SL-FREE-2] [SL-CLASS-1] a large block takes whole pages of its own and gives them back on free', () => {
    const slab = new SlabAllocator();
    expect(codeOf(slab.allocate(1, 5000, 0))).toBe('slab/large_block');
    expect(put(slab, 1, 5000, -1)).toBe(0);
    expect(slab.slabViews()).toEqual([{ id: 0, cache: 'large', pages: 2, slots: 1, used: 1, state: 'large' }]);
    expect(slab.gauge()).toEqual({ liveBytes: 5000, heapBytes: 8192, freeBytes: 0, largestFree: 0, internalBytes: 8192 - 12 - 5000 });
    expect(slab.figures()).toMatchObject({ neededPages: 2, slotWasteBytes: 12, slabs: { full: 0, partial: 0, empty: 0, large: 1 } });
    expect(slab.walk()).toEqual([
      { start: 0, size: 12, state: 'unused', area: 'slab:0' },
      { start: 12, size: 8180, state: 'live', id: 1, requested: 5000, area: 'slab:0' },
    ]);
    drop(slab, 1);
    expect(slab.slabViews()).toEqual([]);
    expect(slab.figures()).toMatchObject({ pagesHeld: 0, peakPages: 2, neededPages: 0, slotWasteBytes: 0 });
  });

  it('[SL-CLASS-2] [SL-CLASS-3] jemalloc-style large requests round up to the next quarter-spaced size', () => {
    const slab = new SlabAllocator({ caches: [], classes: quarterClasses() });
    put(slab, 1, 14337, -1);
    put(slab, 2, 20000, -1);
    put(slab, 3, 14000, -1);
    expect(slab.slabViews().map((v) => [v.cache, v.pages])).toEqual([['large', 4], ['large', 5], ['kmalloc-14336', 7]]);
    expect(slab.gauge().internalBytes).toBe(16384 - 14337 + (20480 - 20000) + (14336 - 14000));
  });

  it('[SL-MOVE-2] [SL-MOVE-4] a large block needs the pool to have its pages', () => {
    const slab = new SlabAllocator({ pageLimit: 1 });
    expect(codeOf(slab.allocate(1, 5000, -1))).toBe('slab/no_pages');
    put(slab, 1, 4000, -1);
    expect(codeOf(slab.allocate(2, 10, -1))).toBe('slab/no_pages');
  });
});

describe('metrics and views', () => {
  it('[SL-METRIC-1] [SL-METRIC-2] gauges pages, free slots, rounding and the pages the objects need', () => {
    const slab = new SlabAllocator({ caches: [taskStruct], classes: null });
    put(slab, 1, 1700, -1);
    expect(slab.gauge()).toEqual({ liveBytes: 1700, heapBytes: 8192, freeBytes: 3 * 1728, largestFree: 1728, internalBytes: 28 });
    expect(slab.figures()).toEqual({
      pageSize: 4096,
      pagesHeld: 2,
      peakPages: 2,
      neededPages: 2,
      peakNeededPages: 2,
      slabs: { full: 0, partial: 1, empty: 0, large: 0 },
      slotWasteBytes: 1280,
      freeSlotBytes: 3 * 1728,
      internalBytes: 28,
    });
    put(slab, 2, 1728, -1); // a second slab although the first has room
    expect(slab.figures()).toMatchObject({ pagesHeld: 4, neededPages: 2, slotWasteBytes: 2560, freeSlotBytes: 6 * 1728 });
    drop(slab, 2);
    expect(slab.figures()).toMatchObject({ pagesHeld: 4, slabs: { full: 0, partial: 1, empty: 1, large: 0 } });
    expect(slab.release(1).ok).toBe(true);
    expect(slab.gauge().heapBytes).toBe(8192);
  });

  it('walks each slab: header, slots and tail', () => {
    const slab = new SlabAllocator({ caches: [{ name: 'big', objectSize: 1500, pagesPerSlab: 1, headerBytes: 100 }], classes: null });
    put(slab, 7, 1400, -1, 'big');
    expect(slab.walk()).toEqual([
      { start: 0, size: 100, state: 'unused', area: 'slab:0' },
      { start: 100, size: 1500, state: 'live', id: 7, requested: 1400, tag: 'big', area: 'slab:0' },
      { start: 1600, size: 1500, state: 'free', area: 'slab:0' },
      { start: 3100, size: 996, state: 'unused', area: 'slab:0' },
    ]);
  });
});

describe('policies', () => {
  it('[SL-POL-1] [SL-POL-2] [SL-STATE-1] fullest first and first-in-list differ', () => {
    const slab = new SlabAllocator({ caches: [objects1k], classes: null });
    put(slab, 1, 1000, -1); // slab 0 joins the partial list
    put(slab, 2, 1000, 0);
    put(slab, 3, 1000, -1); // slab 1 joins after it
    put(slab, 4, 1000, 1);
    put(slab, 5, 1000, 1);
    expect(usedBySlab(slab)).toEqual({ 0: 'partial 2/4', 1: 'partial 3/4' });
    expect(slabFullest.choose(slab, 1000)).toBe(1);
    expect(slabFirst.choose(slab, 1000)).toBe(0);
    expect(slabNaive.choose(slab, 1000)).toBe(-1);

    put(slab, 6, 1000, 0);
    put(slab, 7, 1000, 0); // slab 0 is full: it leaves the list
    drop(slab, 7); // and rejoins at the tail: [1, 0]
    expect(slabFirst.choose(slab, 1000)).toBe(1);
    expect(slabFullest.choose(slab, 1000)).toBe(0); // 3 and 3: the lower id
  });

  it('[SL-POL-4] with no partial slab, the oldest empty one, else a new slab, else nothing', () => {
    const slab = new SlabAllocator({ caches: [objects1k], classes: null, pageLimit: 2 });
    put(slab, 1, 1000, -1);
    put(slab, 2, 1000, -1);
    drop(slab, 2);
    drop(slab, 1); // slab 1 empty first, then slab 0
    expect(slab.emptySlabs()).toEqual([1, 0]);
    expect(slabFullest.choose(slab, 1000)).toBe(1);
    expect(slabFirst.choose(slab, 1000)).toBe(1);
    expect(slabNaive.choose(slab, 1000)).toBeNull(); // no pages for a new slab
    for (const id of [0, 1]) expect(slab.release(id).ok).toBe(true);
    expect(slabFullest.choose(slab, 1000)).toBe(-1);
    expect(slabFullest.choose(slab, 5000)).toBeNull(); // too large for the only cache
  });

  it('[SL-POL-4] releases every empty slab after a free', () => {
    const slab = new SlabAllocator({ caches: [objects1k], classes: null });
    put(slab, 1, 1000, -1);
    put(slab, 2, 1000, -1);
    drop(slab, 2);
    kmallocPow2.notify?.(slab, { op: 'freed', id: 2 });
    expect(slab.slabViews().map((v) => v.id)).toEqual([0]);
    expect(slab.figures().pagesHeld).toBe(1);
  });
});
