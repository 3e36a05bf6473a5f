// The address line the play screen draws (client/src/views/heap-line.ts): the holes it
// offers, and that a block placed where it offers the room past the break is one the
// engine accepts, on a heap with a prologue and an epilogue (the csapp preset).
import { describe, it, expect } from 'vitest';
import { FreeListHeap } from '../../../shared/freelist/heap.ts';
import { resolveOptions } from '../../../shared/freelist/options.ts';
import { firstFitAddress } from '../../../shared/freelist/policies.ts';
import { CSAPP_CONFIG, LECTURE_CONFIG } from '../../../shared/freelist/presets.ts';
import { holesOf, playLine } from '../../../client/src/views/heap-line.ts';

function heapWith(config: typeof CSAPP_CONFIG): FreeListHeap {
  const o = resolveOptions(config);
  if (!o.ok) throw new Error(o.message);
  return new FreeListHeap(o.value);
}

function pastBreakHole(heap: FreeListHeap, pendingSize: number) {
  const hole = holesOf(playLine(heap.walk(), { canGrow: true, pendingSize })).find((h) => h.pastBreak);
  if (!hole) throw new Error('the play screen offers no room past the break');
  return hole;
}

describe('the play screen heap line', () => {
  it('[FL-GROW-2] [FL-GROW-3] csapp: the room past the break starts at the free tail touching it, and the engine takes a larger block there', () => {
    const heap = heapWith(CSAPP_CONFIG);
    heap.placeWith(firstFitAddress.find, 1, 4000);
    const tail = heap.walk().filter((r) => r.state === 'free').at(-1)!;
    expect(tail.size).toBeLessThan(200);
    const hole = pastBreakHole(heap, 200);
    expect(hole.start).toBe(tail.start);
    const placed = heap.allocate(2, 200, hole.start);
    expect(placed.ok ? null : placed.code).toBeNull();
    heap.check();
    expect(heap.blockOf(2)?.start).toBe(tail.start);
  });

  it('[FL-GROW-2] csapp: a block placed past the break on a heap ending in a free block is accepted too', () => {
    const heap = heapWith(CSAPP_CONFIG);
    const hole = pastBreakHole(heap, 6000);
    const placed = heap.allocate(1, 6000, hole.start);
    expect(placed.ok ? null : placed.code).toBeNull();
    heap.check();
  });

  it('[FL-GROW-2] csapp: after the heap grew, the room past the break is again accepted', () => {
    const heap = heapWith(CSAPP_CONFIG);
    for (let id = 1; id <= 3; id++) {
      const hole = pastBreakHole(heap, 3000);
      const placed = heap.allocate(id, 3000, hole.start);
      expect(placed.ok ? null : `${placed.code} at ${hole.start}`).toBeNull();
      heap.check();
    }
  });

  it('offers free regions below the break in address order, then the room past it; no room when the heap cannot grow', () => {
    const heap = heapWith({ ...LECTURE_CONFIG, growth: 'sbrk', limit: 1000, initial: 100 });
    heap.placeWith(firstFitAddress.find, 1, 30);
    heap.placeWith(firstFitAddress.find, 2, 30);
    heap.free(1);
    const holes = holesOf(playLine(heap.walk(), { canGrow: true, pendingSize: 10 }));
    // The 40 B free tail touches the break: it is one choice with the room past the break ([FL-GROW-3]).
    expect(holes.map((h) => [h.start, h.size, h.pastBreak])).toEqual([[0, 30, false], [60, 70, true]]);
    expect(holesOf(playLine(heap.walk(), { canGrow: false, pendingSize: 10 })).some((h) => h.pastBreak)).toBe(false);
  });

  it('[FL-GROW-3] a free tail touching the break is joined to the room past it, and takes a larger block there by growing', () => {
    const heap = heapWith({ ...LECTURE_CONFIG, growth: 'sbrk', limit: 1000, initial: 100 });
    heap.placeWith(firstFitAddress.find, 1, 70);
    const line = playLine(heap.walk(), { canGrow: true, pendingSize: 50 });
    expect(line.growFrom).toBe(70);
    const hole = holesOf(line).at(-1)!;
    expect([hole.start, hole.pastBreak]).toEqual([70, true]);
    // 50 B does not fit the 30 B tail, but placed at its start the heap grows to hold it.
    const placed = heap.allocate(2, 50, hole.start);
    expect(placed.ok ? null : placed.code).toBeNull();
    heap.check();
  });

  it('[FL-MMAP-1] a round that maps shows its mmap area from the start, and says when the pending request goes there', () => {
    const heap = heapWith({ ...LECTURE_CONFIG, growth: 'sbrk', limit: 1000, initial: 100, mmapThreshold: 64 });
    expect(heap.walk().some((r) => r.area === 'mmap')).toBe(false);
    expect(playLine(heap.walk(), { canGrow: true, pendingSize: 64, mmapThreshold: 64 }).mmap).toEqual({ threshold: 64, pendingMapped: true });
    expect(playLine(heap.walk(), { canGrow: true, pendingSize: 63, mmapThreshold: 64 }).mmap).toEqual({ threshold: 64, pendingMapped: false });
    expect(playLine(heap.walk(), { canGrow: true, pendingSize: 63, mmapThreshold: null }).mmap).toBeUndefined();
  });

  it('shows room past the break for the request and as much again twice over, so a gap can be left on purpose', () => {
    const heap = heapWith({ ...LECTURE_CONFIG, growth: 'sbrk', limit: 1000, initial: 100 });
    heap.placeWith(firstFitAddress.find, 1, 100);
    const line = playLine(heap.walk(), { canGrow: true, pendingSize: 40 });
    expect((line.extent ?? 0) - line.breakAt).toBeGreaterThanOrEqual(3 * 40);
    // The heap ends in a live block: no free tail to join.
    expect(line.growFrom).toBeUndefined();
  });
});

