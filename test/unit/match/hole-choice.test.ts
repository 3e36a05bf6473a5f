// Choosing a hole with the keyboard (shared/match/hole-choice.ts, [MATCH-VIEW-6]): the
// holes a request fits in, where in each it goes, and focus moving among them only.
import { describe, expect, it } from 'vitest';
import type { Allocator } from '../../../shared/core/allocator.ts';
import { createFreeListHeap } from '../../../shared/freelist/heap.ts';
import type { FreeListConfig } from '../../../shared/freelist/options.ts';
import { kindViewOf } from '../../../shared/match/kind-view.ts';
import { dropSpot, holesThatFit, nextHoleThatFits, spotInHole, type HoleSpan } from '../../../shared/match/hole-choice.ts';

function heapOf(config: FreeListConfig): Allocator {
  const heap = createFreeListHeap(config);
  if (!heap.ok) throw new Error(heap.message);
  return heap.value;
}

/** The free regions of a heap as the line's holes (the fixed heap's tail is an ordinary hole). */
function holesOf(heap: Allocator): HoleSpan[] {
  return heap.walk().filter((r) => r.state === 'free').map((r) => ({ start: r.start, size: r.size }));
}

describe('holes a request fits in [MATCH-VIEW-6]', () => {
  // A 99-byte lecture heap: 10 B at 0, 6 B at 10, 20 B at 16, 30 B at 36, 8 B at 66; then the 6 and the 30 are freed.
  // Holes: [10, 16) 6 B, [36, 66) 30 B, [74, 99) 25 B.
  const lecture = (): Allocator => {
    const heap = heapOf({ align: 1, overhead: 0, minBlock: 1, growth: 'fixed', limit: 99 });
    for (const [id, size, at] of [[0, 10, 0], [1, 6, 10], [2, 20, 16], [3, 30, 36], [4, 8, 66]] as const) expect(heap.allocate(id, size, at).ok).toBe(true);
    heap.free(1);
    heap.free(3);
    return heap;
  };

  it('[MATCH-VIEW-6] skips the holes smaller than the request', () => {
    const heap = lecture();
    const holes = holesOf(heap);
    expect(holes).toEqual([{ start: 10, size: 6 }, { start: 36, size: 30 }, { start: 74, size: 25 }]);
    const view = kindViewOf(heap);
    expect(holesThatFit(view, heap.walk(), 17, holes)).toEqual([1, 2]);
    expect(holesThatFit(view, heap.walk(), 6, holes)).toEqual([0, 1, 2]);
    expect(holesThatFit(view, heap.walk(), 26, holes)).toEqual([1]);
    expect(holesThatFit(view, heap.walk(), 31, holes)).toEqual([]);
  });

  it('[MATCH-VIEW-6] the spot is the hole start when the engine takes it there, and the engine takes it', () => {
    const heap = lecture();
    const view = kindViewOf(heap);
    const [small, middle] = holesOf(heap);
    expect(spotInHole(view, heap.walk(), 17, small!)).toBeNull();
    expect(spotInHole(view, heap.walk(), 17, middle!)).toBe(36);
    expect(heap.allocate(9, 17, 36).ok).toBe(true);
  });

  it('[MATCH-VIEW-6] with headers, a hole fits only when the whole block (header, rounding) fits', () => {
    // 8-byte alignment, 8 bytes of overhead (a 4-byte header, blocks from 4): malloc(9) takes a 24-byte block, malloc(8) a 16-byte one.
    const heap = heapOf({ align: 8, overhead: 8, minBlock: 16, growth: 'fixed', limit: 256 });
    for (const [id, size, at] of [[0, 8, 4], [1, 8, 20], [2, 8, 36]] as const) expect(heap.allocate(id, size, at).ok).toBe(true);
    heap.free(1);
    const holes = holesOf(heap);
    expect(holes[0]).toEqual({ start: 20, size: 16 });
    const view = kindViewOf(heap);
    expect(holesThatFit(view, heap.walk(), 8, holes)).toEqual([0, 1]);
    expect(holesThatFit(view, heap.walk(), 9, holes)).toEqual([1]);
  });

  it('[MATCH-VIEW-6] the room past the break fits when the heap may grow for the block', () => {
    const heap = heapOf({ align: 1, overhead: 0, minBlock: 1, growth: 'sbrk', chunk: 1, initial: 0, limit: 64 });
    expect(heap.allocate(0, 10, 0).ok).toBe(true);
    const view = kindViewOf(heap);
    const room: HoleSpan = { start: 10, size: 4, pastBreak: true };
    expect(spotInHole(view, heap.walk(), 30, room)).toBe(10);
    // 64 is the break's limit: 55 bytes from 10 would pass it.
    expect(spotInHole(view, heap.walk(), 55, room)).toBeNull();
  });

  it('[MATCH-VIEW-6] focus moves among the fitting holes only, wrapping around', () => {
    const fitting = [1, 3, 4];
    expect(nextHoleThatFits(fitting, null, 1)).toBe(1);
    expect(nextHoleThatFits(fitting, null, -1)).toBe(4);
    expect(nextHoleThatFits(fitting, 1, 1)).toBe(3);
    expect(nextHoleThatFits(fitting, 4, 1)).toBe(1);
    expect(nextHoleThatFits(fitting, 1, -1)).toBe(4);
    // From a hole that does not fit (the request changed under the focus), to the fitting one beside it.
    expect(nextHoleThatFits(fitting, 2, 1)).toBe(3);
    expect(nextHoleThatFits(fitting, 2, -1)).toBe(1);
    expect(nextHoleThatFits([], 0, 1)).toBeNull();
  });
});

describe('where a drop lands [MATCH-VIEW-7]', () => {
  // 99 lecture bytes: 10 B at 0, a 6 B hole at 10, 20 B at 16, a 30 B hole at 36, 8 B at 66, a 25 B hole at 74.
  const heap = (): Allocator => {
    const h = heapOf({ align: 1, overhead: 0, minBlock: 1, growth: 'fixed', limit: 99 });
    for (const [id, size, at] of [[0, 10, 0], [1, 6, 10], [2, 20, 16], [3, 30, 36], [4, 8, 66]] as const) expect(h.allocate(id, size, at).ok).toBe(true);
    h.free(1);
    h.free(3);
    return h;
  };

  it('[MATCH-VIEW-7] a drop in a hole that takes the block stays where the snapping puts it', () => {
    const h = heap();
    expect(dropSpot(kindViewOf(h), h.walk(), 17, 40, holesOf(h), 8)).toBe(40);
  });

  it('[MATCH-VIEW-7] a drop on a live block goes to the nearest hole that takes it, within reach', () => {
    const h = heap();
    // Over block 2 (16..35), 3 bytes before the 30 B hole at 36: the 17 goes at 36; the 6 B hole at 10 is too small.
    expect(dropSpot(kindViewOf(h), h.walk(), 17, 33, holesOf(h), 8)).toBe(36);
    // A 4 B request dropped on block 2 near its start (at 17): the 6 B hole's last spot, 12..15, ends 1 byte before.
    expect(dropSpot(kindViewOf(h), h.walk(), 4, 17, holesOf(h), 8)).toBe(12);
    // Too far from any hole that takes it: nowhere.
    expect(dropSpot(kindViewOf(h), h.walk(), 17, 24, holesOf(h), 8)).toBeNull();
  });

  it('[MATCH-VIEW-7] a drop in a hole too small goes to the nearest hole that takes it', () => {
    const h = heap();
    // In the 6 B hole (10..15) a 17 fits nowhere; the 30 B hole starts 24 bytes away, within a reach of 30.
    expect(dropSpot(kindViewOf(h), h.walk(), 17, 12, holesOf(h), 30)).toBe(36);
    expect(dropSpot(kindViewOf(h), h.walk(), 17, 12, holesOf(h), 8)).toBeNull();
  });
});
