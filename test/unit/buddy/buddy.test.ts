// Buddy allocator scenarios with layouts worked out by hand from shared/buddy/SPEC.md.
import { describe, it, expect } from 'vitest';
import { BuddyAllocator } from '../../../shared/buddy/buddy.ts';
import { buddyLifo, buddyLowest, BUDDY_POLICIES, runBuddy } from '../../../shared/buddy/policies.ts';
import type { BuddyPolicy } from '../../../shared/buddy/policies.ts';
import { alloc, free, realloc } from '../../../shared/core/stream.ts';

/** The non-empty free lists, keyed by order. */
function lists(buddy: BuddyAllocator): Record<number, number[]> {
  const out: Record<number, number[]> = {};
  buddy.freeLists().forEach((list, order) => {
    if (list.length > 0) out[order] = list;
  });
  return out;
}

/** Everything a refused move must leave unchanged. */
function snapshot(buddy: BuddyAllocator): string {
  return JSON.stringify({ lists: buddy.freeLists(), walk: buddy.walk(), gauge: buddy.gauge() });
}

function place(buddy: BuddyAllocator, policy: BuddyPolicy, id: number, size: number): number {
  const target = policy.choose(buddy, size);
  if (target === null) throw new Error(`${policy.name} found no place for ${size}`);
  const placed = buddy.allocate(id, size, target);
  if (!placed.ok) throw new Error(placed.message);
  buddy.check();
  return target;
}

function mustAllocate(buddy: BuddyAllocator, id: number, size: number, address: number): void {
  const placed = buddy.allocate(id, size, address);
  expect(placed).toEqual({ ok: true, value: { target: address } });
  buddy.check();
}

function mustFree(buddy: BuddyAllocator, id: number): void {
  expect(buddy.free(id).ok).toBe(true);
  buddy.check();
}

describe('the lecture walk-through', () => {
  for (const policy of [buddyLowest, buddyLifo]) {
    it(`[BU-INIT-1] [BU-SPLIT-1] [BU-FREE-1] [BU-CHECK-5] 2^3 units, alloc 2^0, alloc 2^2, free both (${policy.name})`, () => {
      const buddy = new BuddyAllocator({ maxOrder: 3 });
      expect(lists(buddy)).toEqual({ 3: [0] });

      expect(place(buddy, policy, 1, 1)).toBe(0);
      expect(lists(buddy)).toEqual({ 0: [1], 1: [2], 2: [4] });

      expect(place(buddy, policy, 2, 4)).toBe(4);
      expect(lists(buddy)).toEqual({ 0: [1], 1: [2] });

      mustFree(buddy, 1);
      expect(lists(buddy)).toEqual({ 2: [0] });

      mustFree(buddy, 2);
      expect(lists(buddy)).toEqual({ 3: [0] });
    });
  }
});

describe('the player names an address', () => {
  it('[BU-SPLIT-1] [BU-FREE-1] splits down to any aligned address and coalesces back', () => {
    const buddy = new BuddyAllocator({ maxOrder: 3 });
    mustAllocate(buddy, 1, 2, 6);
    expect(lists(buddy)).toEqual({ 2: [0], 1: [4] });
    mustAllocate(buddy, 2, 1, 5); // inside the free order-1 block at 4
    expect(lists(buddy)).toEqual({ 2: [0], 0: [4] });
    mustFree(buddy, 1); // its buddy at 4 is free only at order 0: no merge
    expect(lists(buddy)).toEqual({ 2: [0], 1: [6], 0: [4] });
    mustFree(buddy, 2); // 5+4 -> 4 (order 1), +6 -> 4 (order 2), +0 -> 0 (order 3)
    expect(lists(buddy)).toEqual({ 3: [0] });
  });

  it('[BU-SPLIT-1] lists the split-off halves on the head of their lists', () => {
    const buddy = new BuddyAllocator({ maxOrder: 4 });
    mustAllocate(buddy, 1, 1, 0); // lists: 3 [8], 2 [4], 1 [2], 0 [1]
    mustAllocate(buddy, 2, 1, 8); // splits 8: 2 [12, 4], 1 [10, 2], 0 [9, 1]
    expect(lists(buddy)).toEqual({ 2: [12, 4], 1: [10, 2], 0: [9, 1] });
  });

  it('[BU-MOVE-1] refuses addresses outside the space', () => {
    const buddy = new BuddyAllocator({ maxOrder: 3 });
    const before = snapshot(buddy);
    for (const address of [8, -1, 1.5, Number.NaN]) {
      const refused = buddy.allocate(1, 1, address);
      expect(refused.ok ? null : refused.code).toBe('place/out_of_range');
    }
    expect(snapshot(buddy)).toBe(before);
  });

  it('[BU-MOVE-2] refuses an address that is not a multiple of the block size', () => {
    const buddy = new BuddyAllocator({ maxOrder: 3 });
    const before = snapshot(buddy);
    const refused = buddy.allocate(1, 2, 1);
    expect(refused.ok ? null : refused.code).toBe('place/misaligned');
    const rounded = buddy.allocate(1, 3, 2); // 3 units round to 4: must start at 0 or 4
    expect(rounded.ok ? null : rounded.code).toBe('place/misaligned');
    expect(snapshot(buddy)).toBe(before);
  });

  it('[BU-MOVE-3] [BU-MOVE-5] refuses an address inside a live block or a too-small free block, changing nothing', () => {
    const buddy = new BuddyAllocator({ maxOrder: 3 });
    mustAllocate(buddy, 1, 4, 0); // lists: 2 [4]
    mustAllocate(buddy, 2, 1, 4); // lists: 1 [6], 0 [5]
    const before = snapshot(buddy);
    for (const [size, address] of [[1, 2], [1, 0], [1, 4], [4, 4], [2, 4]] as const) {
      const refused = buddy.allocate(3, size, address);
      expect(refused.ok ? null : refused.code).toBe('buddy/not_free');
    }
    expect(snapshot(buddy)).toBe(before);
    mustAllocate(buddy, 3, 2, 6);
  });

  it('[BU-MOVE-4] [BU-FREE-2] refuses a duplicate id and freeing an unknown one', () => {
    const buddy = new BuddyAllocator({ maxOrder: 3 });
    mustAllocate(buddy, 1, 1, 0);
    const before = snapshot(buddy);
    const duplicate = buddy.allocate(1, 1, 4);
    expect(duplicate.ok ? null : duplicate.code).toBe('request/duplicate');
    const unknown = buddy.free(7);
    expect(unknown.ok ? null : unknown.code).toBe('request/unknown');
    expect(snapshot(buddy)).toBe(before);
    mustFree(buddy, 1);
    const twice = buddy.free(1);
    expect(twice.ok ? null : twice.code).toBe('request/unknown');
  });

  it('[BU-SIZE-2] refuses sizes that are not whole and above 0, and sizes beyond the space', () => {
    const buddy = new BuddyAllocator({ maxOrder: 3 });
    const before = snapshot(buddy);
    for (const size of [0, -3, 2.5]) {
      const refused = buddy.allocate(1, size, 0);
      expect(refused.ok ? null : refused.code).toBe('request/bad_size');
    }
    const tooLarge = buddy.allocate(1, 9, 0);
    expect(tooLarge.ok ? null : tooLarge.code).toBe('buddy/too_large');
    expect(buddyLowest.choose(buddy, 9)).toBeNull();
    expect(snapshot(buddy)).toBe(before);
  });
});

describe('sizes, units and orders', () => {
  it('[BU-SIZE-1] rounds bytes up to 2^k units of `unit` bytes', () => {
    const buddy = new BuddyAllocator({ maxOrder: 3, unit: 16 }); // 128 bytes
    expect(buddy.orderFor(1)).toBe(0);
    expect(buddy.orderFor(16)).toBe(0);
    expect(buddy.orderFor(17)).toBe(1);
    expect(buddy.orderFor(65)).toBe(3);
    expect(buddy.orderFor(129)).toBe(4);
    const misaligned = buddy.allocate(1, 17, 16);
    expect(misaligned.ok ? null : misaligned.code).toBe('place/misaligned');
    mustAllocate(buddy, 1, 17, 32);
    expect(buddy.blockOf(1)).toEqual({ id: 1, address: 32, order: 1, size: 32, requested: 17 });
    expect(buddy.gauge().internalBytes).toBe(15);
    expect(lists(buddy)).toEqual({ 2: [64], 1: [0] });
  });

  it('[BU-INIT-2] never makes a block below the minimum order', () => {
    const buddy = new BuddyAllocator({ maxOrder: 4, minOrder: 2 });
    expect(buddy.orderFor(1)).toBe(2);
    expect(place(buddy, buddyLowest, 1, 1)).toBe(0);
    expect(lists(buddy)).toEqual({ 3: [8], 2: [4] });
    expect(buddy.gauge().internalBytes).toBe(3);
    mustFree(buddy, 1);
    expect(lists(buddy)).toEqual({ 4: [0] });
  });
});

describe('policies', () => {
  it('[BU-POL-1] [BU-POL-2] lowest address and LIFO head differ once frees reorder a list', () => {
    const buddy = new BuddyAllocator({ maxOrder: 3 });
    for (const id of [1, 2, 3, 4]) place(buddy, buddyLowest, id, 2); // at 0, 2, 4, 6
    expect(buddy.walk().map((r) => r.start)).toEqual([0, 2, 4, 6]);
    mustFree(buddy, 1); // list 1: [0]
    mustFree(buddy, 3); // list 1: [4, 0]
    expect(lists(buddy)).toEqual({ 1: [4, 0] });
    expect(buddyLowest.choose(buddy, 2)).toBe(0);
    expect(buddyLifo.choose(buddy, 2)).toBe(4);
    expect(buddyLowest.choose(buddy, 1)).toBe(0); // order 0 is empty: the smallest sufficient order is 1
    expect(buddyLowest.choose(buddy, 3)).toBeNull();
  });

  it('[BU-POL-1] prefers the smallest sufficient order over a lower address', () => {
    const buddy = new BuddyAllocator({ maxOrder: 3 });
    mustAllocate(buddy, 1, 1, 5); // lists: 2 [0], 1 [6], 0 [4]
    expect(buddyLowest.choose(buddy, 1)).toBe(4);
    expect(buddyLowest.choose(buddy, 2)).toBe(6);
    expect(buddyLowest.choose(buddy, 3)).toBe(0);
  });

  it('registers the policies by name', () => {
    expect([...BUDDY_POLICIES.keys()]).toEqual(['buddy-lowest', 'buddy-lifo']);
  });
});

describe('metrics and views', () => {
  it('[BU-METRIC-1] gauges the extent, free space, largest block and rounding', () => {
    const buddy = new BuddyAllocator({ maxOrder: 4 });
    mustAllocate(buddy, 1, 3, 0); // order 2 at 0; lists: 3 [8], 2 [4]
    expect(buddy.gauge()).toEqual({ liveBytes: 3, heapBytes: 4, freeBytes: 12, largestFree: 8, internalBytes: 1 });
    mustAllocate(buddy, 2, 1, 8); // lists: 2 [12, 4], 1 [10], 0 [9]
    expect(buddy.gauge()).toEqual({ liveBytes: 4, heapBytes: 9, freeBytes: 11, largestFree: 4, internalBytes: 1 });
    mustFree(buddy, 2); // the top block leaves: the extent falls back to 4
    expect(buddy.gauge()).toEqual({ liveBytes: 3, heapBytes: 4, freeBytes: 12, largestFree: 8, internalBytes: 1 });
    mustFree(buddy, 1);
    expect(buddy.gauge()).toEqual({ liveBytes: 0, heapBytes: 0, freeBytes: 16, largestFree: 16, internalBytes: 0 });
  });

  it('walks every block in address order', () => {
    const buddy = new BuddyAllocator({ maxOrder: 3 });
    expect(buddy.allocate(1, 1, 0, 'parse').ok).toBe(true);
    expect(buddy.walk()).toEqual([
      { start: 0, size: 1, state: 'live', id: 1, requested: 1, tag: 'parse' },
      { start: 1, size: 1, state: 'free' },
      { start: 2, size: 2, state: 'free' },
      { start: 4, size: 4, state: 'free' },
    ]);
  });
});

describe('runBuddy', () => {
  it('[BU-RUN-1] [BU-RUN-2] plays the lecture stream and reports the summary and the free lists', () => {
    const run = runBuddy([alloc(1, 1), alloc(2, 4), free(1), free(2)], 'buddy-lowest', { buddy: { maxOrder: 3 } });
    expect(run).toEqual({
      ok: true,
      value: {
        policy: 'buddy-lowest',
        ops: 4,
        failures: 0,
        peakLive: 5,
        peakHeap: 8,
        utilization: 5 / 8,
        fragmentation: 3 / 5,
        firstFailure: null,
        unit: 1,
        minOrder: 0,
        maxOrder: 3,
        peakInternalBytes: 0,
        internalBytes: 0,
        freeBlocksByOrder: { 3: 1 },
      },
    });
  });

  it('[BU-RUN-1] counts a request that finds no block as a failure and goes on', () => {
    const run = runBuddy([alloc(1, 8), alloc(2, 1), free(2), free(1), alloc(3, 3)], 'buddy-lifo', { buddy: { maxOrder: 3 } });
    if (!run.ok) throw new Error(run.message);
    expect(run.value.failures).toBe(1);
    expect(run.value.firstFailure).toEqual({ op: 1, size: 1, freeBytes: 0, largestFree: 0 });
    expect(run.value.peakInternalBytes).toBe(1);
    expect(run.value.freeBlocksByOrder).toEqual({ 2: 1 });
  });

  it('[BU-RUN-1] realloc places the new block before freeing the old one', () => {
    // alloc 2 units at 0 (lists 2 [4], 1 [2]); realloc to 4 units goes to 4, then 0 and 2 merge.
    const run = runBuddy([alloc(1, 2), realloc(1, 4)], 'buddy-lowest', { buddy: { maxOrder: 3 }, timeline: true });
    if (!run.ok) throw new Error(run.message);
    expect(run.value.peakHeap).toBe(8);
    expect(run.value.peakLive).toBe(4);
    expect(run.value.freeBlocksByOrder).toEqual({ 2: 1 });
    expect(run.value.timeline?.map((p) => p.heapBytes)).toEqual([2, 8]);
  });

  it('[BU-RUN-1] refuses an unknown policy name', () => {
    const run = runBuddy([], 'best-fit');
    expect(run.ok ? null : run.code).toBe('policy/unknown');
  });

  it('[BU-RUN-1] [BU-INIT-1] refuses options it cannot build a space from', () => {
    for (const buddy of [{ maxOrder: 31 }, { maxOrder: 4, minOrder: 5 }, { maxOrder: 4, unit: 0 }]) {
      const run = runBuddy([], 'buddy-lowest', { buddy });
      expect(run.ok ? null : run.code).toBe('options/invalid');
      expect(() => new BuddyAllocator(buddy)).toThrow(/invariant broken/);
    }
  });
});
