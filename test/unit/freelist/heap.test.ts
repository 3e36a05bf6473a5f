// Free-list moves and refusals, with layouts worked out by hand from SPEC.md.
import { describe, it, expect } from 'vitest';
import type { RegionView } from '../../../shared/core/allocator.ts';
import { FreeListHeap } from '../../../shared/freelist/heap.ts';
import { resolveOptions, type FreeListConfig } from '../../../shared/freelist/options.ts';
import { bestFit } from '../../../shared/freelist/policies.ts';

function heapWith(config: FreeListConfig): FreeListHeap {
  const o = resolveOptions(config);
  if (!o.ok) throw new Error(o.message);
  return new FreeListHeap(o.value);
}

/** A fixed heap in the lecture's units (alignment 1, no overhead). */
const lecture = (limit: number, more: FreeListConfig = {}): FreeListHeap =>
  heapWith({ align: 1, minBlock: 1, growth: 'fixed', limit, ...more });

/** Live blocks as [start, size, id], free ones as [start, size], others as [start, size, state or area]. */
function layout(heap: FreeListHeap): (readonly (number | string)[])[] {
  return heap.walk().map((r: RegionView) => {
    if (r.area === 'mmap') return [r.start, r.size, r.id!, 'mmap'];
    if (r.state === 'live') return [r.start, r.size, r.id!];
    return r.state === 'free' ? [r.start, r.size] : [r.start, r.size, 'unused'];
  });
}

function snapshot(heap: FreeListHeap): string {
  return JSON.stringify([heap.walk(), heap.freeList('fifo'), heap.rover, heap.version, heap.gauge(), heap.brk]);
}

/** Expects a refusal with `code` (and `message`, when given) that leaves the heap as it was. */
function expectRefusal(heap: FreeListHeap, move: () => { ok: boolean }, code: string, message?: string): void {
  const before = snapshot(heap);
  const result = move();
  expect(result).toMatchObject(message === undefined ? { ok: false, code } : { ok: false, code, message });
  expect(snapshot(heap)).toBe(before);
  heap.check();
}

function mustPlace(heap: FreeListHeap, id: number, size: number, target: number): void {
  expect(heap.allocate(id, size, target)).toEqual({ ok: true, value: { target } });
  heap.check();
}

describe('requests', () => {
  it('[FL-REQ-1] ids and sizes are whole numbers; -1 is NULL; 0 bytes gets no block', () => {
    const heap = lecture(100);
    expectRefusal(heap, () => heap.allocate(-1, 5, 0), 'request/invalid', 'id -1 stands for NULL and cannot name a block');
    mustPlace(heap, -2, 5, 50);
    expect(heap.free(-2).ok).toBe(true);
    expectRefusal(heap, () => heap.allocate(1.5, 5, 0), 'request/invalid');
    expectRefusal(heap, () => heap.allocate(1, 2.5, 0), 'request/invalid');
    expectRefusal(heap, () => heap.allocate(1, 0, 0), 'request/invalid', 'a request of 0 bytes gets no block (malloc(0) may return NULL)');
  });

  it('[FL-REQ-2] [FL-REQ-3] a live id cannot be allocated again; only live ids are freed or resized', () => {
    const heap = lecture(100);
    mustPlace(heap, 7, 10, 40);
    expectRefusal(heap, () => heap.allocate(7, 5, 0), 'request/duplicate', 'request 7 already has a block (at 40); free it first');
    expectRefusal(heap, () => heap.free(8), 'request/unknown', 'there is no live block for request 8');
    expectRefusal(heap, () => heap.realloc(8, 5, 0), 'request/unknown');
    expect(heap.free(-1)).toEqual({ ok: true, value: null });
  });
});

describe('placing a block (a human move)', () => {
  it('[FL-SPLIT-1] [FL-ROVER-2] a block inside a free block leaves a free lead and tail; the rover moves to it', () => {
    const heap = lecture(100);
    mustPlace(heap, 7, 10, 40);
    expect(layout(heap)).toEqual([[0, 40], [40, 10, 7], [50, 50]]);
    expect(heap.rover).toBe(40);
    // [FL-ORDER-3] the lead keeps the old block's stamp; [FL-ORDER-2] the tail is listed anew.
    expect(heap.freeList('fifo')).toEqual([0, 50]);
    mustPlace(heap, 8, 5, 35);
    expect(layout(heap)).toEqual([[0, 35], [35, 5, 8], [40, 10, 7], [50, 50]]);
  });

  it('[FL-PLACE-1] [FL-PLACE-2] [FL-PLACE-4] [FL-PLACE-7] the target must be a whole address in range that runs into no block', () => {
    const heap = lecture(100);
    mustPlace(heap, 7, 10, 40);
    expectRefusal(heap, () => heap.allocate(8, 5, 1.5), 'place/invalid');
    expectRefusal(heap, () => heap.allocate(8, 5, Number.NaN), 'place/invalid');
    expectRefusal(heap, () => heap.allocate(8, 5, -1), 'place/out_of_range');
    expectRefusal(heap, () => heap.allocate(8, 5, 100), 'place/out_of_range');
    expectRefusal(heap, () => heap.allocate(8, 5, 45), 'place/overlaps', 'that spot overlaps block 7 (at 40)');
    expectRefusal(heap, () => heap.allocate(8, 5, 38), 'place/overlaps', 'that spot overlaps block 7 (at 40)');
    expectRefusal(heap, () => heap.allocate(8, 60, 50), 'place/heap_limit', 'the heap is fixed: its blocks must end by 100, and this one would end at 110');
  });

  it('[FL-PLACE-2] [FL-PLACE-3] [FL-ALIGN-1] the payload after the header is aligned, and the prologue is reserved', () => {
    // A 4-byte header and 8-byte alignment: blocks start at 4 mod 8, the first at 4.
    const heap = heapWith({ align: 8, overhead: 8, header: 4, growth: 'fixed', limit: 260 });
    expect(heap.base).toBe(4);
    expect(heap.blockSize(1)).toBe(16);
    expectRefusal(heap, () => heap.allocate(0, 1, 8), 'place/misaligned', 'address 8 is not aligned: the payload (after a 4-byte header) must start at a multiple of 8');
    expectRefusal(heap, () => heap.allocate(0, 1, 0), 'place/out_of_range', "address 0 is in the heap's reserved start; the first block can start at 4");
    mustPlace(heap, 0, 1, 12);
    expect(layout(heap)).toEqual([[0, 4, 'unused'], [4, 8], [12, 16, 0], [28, 232]]);
    expect(heap.gauge()).toEqual({ liveBytes: 1, heapBytes: 260, freeBytes: 240, largestFree: 232, internalBytes: 15 });
  });

  it('[FL-PLACE-6] a free lead smaller than the minimum block is refused; with splitting off, any lead', () => {
    const heap = lecture(50, { minBlock: 4 });
    expectRefusal(heap, () => heap.allocate(0, 5, 2), 'place/sliver', 'that would leave 2 free bytes before the block, less than the 4-byte minimum block');
    mustPlace(heap, 0, 5, 4);
    const whole = lecture(50, { split: false });
    expectRefusal(whole, () => whole.allocate(0, 5, 3), 'place/not_hole_start');
    // [FL-SPLIT-2] without splitting the block takes the whole free block.
    mustPlace(whole, 0, 5, 0);
    expect(layout(whole)).toEqual([[0, 50, 0]]);
    expect(whole.gauge().internalBytes).toBe(45);
  });

  it('[FL-SPLIT-1] a tail smaller than the minimum block stays inside as internal fragmentation', () => {
    const heap = lecture(20, { minBlock: 4 });
    mustPlace(heap, 0, 17, 0);
    expect(layout(heap)).toEqual([[0, 20, 0]]);
    expect(heap.gauge()).toMatchObject({ liveBytes: 17, internalBytes: 3, freeBytes: 0 });
  });

  it('[FL-POL-8] choose answers without changing anything, and null when the request would fail', () => {
    const heap = lecture(10);
    mustPlace(heap, 0, 10, 0);
    const before = snapshot(heap);
    expect(bestFit.choose(heap, 1)).toBeNull();
    expect(snapshot(heap)).toBe(before);
  });
});

describe('coalescing', () => {
  it('[FL-COAL-1] a freed block merges with free neighbours on both sides', () => {
    const heap = lecture(30);
    mustPlace(heap, 0, 10, 0);
    mustPlace(heap, 1, 10, 10);
    mustPlace(heap, 2, 10, 20);
    expect(heap.free(0).ok && heap.free(2).ok).toBe(true);
    expect(layout(heap)).toEqual([[0, 10], [10, 10, 1], [20, 10]]);
    expect(heap.free(1).ok).toBe(true);
    expect(layout(heap)).toEqual([[0, 30]]);
    heap.check();
  });

  it('[FL-COAL-2] [FL-COAL-3] [FL-PLACE-5] deferred: free blocks stay apart until a coalesce move', () => {
    const heap = lecture(30, { coalesce: 'deferred' });
    mustPlace(heap, 0, 10, 0);
    mustPlace(heap, 1, 10, 10);
    mustPlace(heap, 2, 10, 20);
    expect(heap.free(0).ok && heap.free(1).ok).toBe(true);
    expect(layout(heap)).toEqual([[0, 10], [10, 10], [20, 10, 2]]);
    expectRefusal(heap, () => heap.allocate(3, 15, 0), 'place/spans_blocks');
    expectRefusal(heap, () => heap.coalesce(25), 'coalesce/not_free', 'there is no free block at 25 to coalesce');
    expect(heap.coalesce(5)).toEqual({ ok: true, value: { merged: 1 } });
    expect(layout(heap)).toEqual([[0, 20], [20, 10, 2]]);
    expect(heap.free(2).ok).toBe(true);
    expect(layout(heap)).toEqual([[0, 20], [20, 10]]);
    expect(heap.coalesce()).toEqual({ ok: true, value: { merged: 1 } });
    expect(layout(heap)).toEqual([[0, 30]]);
    expect(heap.coalesce()).toEqual({ ok: true, value: { merged: 0 } });
    heap.check();
  });
});

describe('growth', () => {
  it('[FL-GROW-2] [FL-GROW-3] sbrk in chunks: just enough whole chunks, capped at the limit', () => {
    const heap = heapWith({ align: 1, minBlock: 1, chunk: 64, limit: 200 });
    expect(heap.brk).toBe(0);
    expect(layout(heap)).toEqual([]);
    mustPlace(heap, 0, 100, 0);
    expect([heap.brk, layout(heap)]).toEqual([128, [[0, 100, 0], [100, 28]]]);
    mustPlace(heap, 1, 50, 100);
    expect([heap.brk, layout(heap)]).toEqual([192, [[0, 100, 0], [100, 50, 1], [150, 42]]]);
    mustPlace(heap, 2, 50, 150);
    expect([heap.brk, layout(heap)]).toEqual([200, [[0, 100, 0], [100, 50, 1], [150, 50, 2]]]);
    expectRefusal(heap, () => heap.allocate(3, 1, 200), 'place/out_of_range');
  });

  it('[FL-PLACE-8] [FL-ROVER-2] a target past the end grows the heap and leaves the gap free; the rover stays', () => {
    const heap = heapWith({ align: 1, minBlock: 1, chunk: 10, limit: 100 });
    mustPlace(heap, 0, 5, 0);
    expect(layout(heap)).toEqual([[0, 5, 0], [5, 5]]);
    mustPlace(heap, 1, 5, 20);
    expect([heap.brk, layout(heap)]).toEqual([30, [[0, 5, 0], [5, 15], [20, 5, 1], [25, 5]]]);
    expect(heap.rover).toBe(0);
    const live = heapWith({ align: 1, minBlock: 1, chunk: 10, limit: 100 });
    mustPlace(live, 0, 10, 0);
    mustPlace(live, 1, 5, 15);
    expect(layout(live)).toEqual([[0, 10, 0], [10, 5], [15, 5, 1]]);
    expectRefusal(live, () => live.allocate(2, 90, 20), 'place/heap_limit', 'the heap cannot grow enough: this block would end at 110 and the break may not pass 100');
  });
});

describe('mmap', () => {
  it('[FL-MMAP-1] [FL-MMAP-2] large requests get page-rounded mappings above the heap, reused from the lowest gap', () => {
    const heap = heapWith({ align: 16, mmapThreshold: 1000, pageSize: 4096, limit: 65536 });
    expect(heap.options.mmapBase).toBe(69632);
    expect(heap.allocate(0, 5000, 123)).toEqual({ ok: true, value: { target: 69632 } });
    expect(heap.allocate(1, 1000, 0)).toEqual({ ok: true, value: { target: 77824 } });
    expect(heap.free(0).ok).toBe(true);
    expect(bestFit.choose(heap, 4000)).toBe(69632);
    expect(heap.allocate(2, 4000, 0)).toEqual({ ok: true, value: { target: 69632 } });
    heap.check();
    expect(layout(heap)).toEqual([[69632, 4096, 2, 'mmap'], [77824, 4096, 1, 'mmap']]);
    expect(heap.gauge()).toEqual({ liveBytes: 5000, heapBytes: 8192, freeBytes: 0, largestFree: 0, internalBytes: 3192 });
  });

  it('[FL-REALLOC-3] a realloc to a mapped size maps the new block and frees the old one', () => {
    const heap = heapWith({ align: 8, mmapThreshold: 1000, chunk: 256 });
    mustPlace(heap, 0, 100, 0);
    const base = heap.options.mmapBase;
    expect(heap.realloc(0, 2000, 0)).toEqual({ ok: true, value: { target: base } });
    heap.check();
    expect(layout(heap)).toEqual([[0, 256], [base, 4096, 0, 'mmap']]);
  });
});

describe('what does not fit 32 bits', () => {
  it('[FL-REQ-1] ids outside the 32-bit range name blocks like any other', () => {
    const heap = lecture(100);
    const ids = [2 ** 40, -(2 ** 31), -(2 ** 45) + 3, 2 ** 31 - 1];
    ids.forEach((id, i) => mustPlace(heap, id, 10, 10 * i));
    expect(layout(heap)).toEqual([...ids.map((id, i) => [10 * i, 10, id]), [40, 60]]);
    expect(heap.blockOf(2 ** 40)).toEqual({ id: 2 ** 40, start: 0, size: 10, requested: 10, mapped: false });
    expectRefusal(heap, () => heap.allocate(50, 20, 5), 'place/overlaps', `that spot overlaps block ${2 ** 40} (at 0)`);
    expect(heap.realloc(-(2 ** 31), 4, 10).ok).toBe(true);
    expect(heap.blockOf(-(2 ** 31))).toMatchObject({ start: 10, size: 4, requested: 4 });
    for (const id of ids) expect(heap.free(id).ok).toBe(true);
    heap.check();
    expect(layout(heap)).toEqual([[0, 100]]);
  });

  it('[FL-MMAP-2] mappings above 2^31 bytes, and of more than 2^31 bytes, keep their extents', () => {
    const heap = heapWith({ align: 16, mmapThreshold: 1 << 20, pageSize: 4096, limit: 2 ** 31 - 2 ** 16 });
    const base = heap.options.mmapBase;
    const big = 3 * 2 ** 30 + 5;
    expect(heap.allocate(1, big, 0)).toEqual({ ok: true, value: { target: base } });
    const pages = Math.ceil(big / 4096) * 4096;
    expect(base + pages).toBeGreaterThan(2 ** 32);
    expect(heap.allocate(2 ** 33, 2 << 20, 0)).toEqual({ ok: true, value: { target: base + pages } });
    heap.check();
    expect(layout(heap)).toEqual([[base, pages, 1, 'mmap'], [base + pages, 2 << 20, 2 ** 33, 'mmap']]);
    expect(heap.blockOf(1)).toEqual({ id: 1, start: base, size: pages, requested: big, mapped: true });
    expect(heap.gauge()).toMatchObject({ liveBytes: big + (2 << 20), heapBytes: pages + (2 << 20), internalBytes: pages - big });
    expectRefusal(heap, () => heap.allocate(1, 8, 0), 'request/duplicate', `request 1 already has a block (at ${base}); free it first`);
    expect(heap.free(1).ok).toBe(true);
    expect(heap.free(2 ** 33).ok).toBe(true);
    heap.check();
    expect(heap.gauge()).toMatchObject({ liveBytes: 0, heapBytes: 0, internalBytes: 0 });
  });
});

describe('realloc', () => {
  function threeBlocks(): FreeListHeap {
    const heap = lecture(100);
    mustPlace(heap, 0, 10, 0);
    mustPlace(heap, 1, 10, 10);
    mustPlace(heap, 2, 10, 30);
    expect(layout(heap)).toEqual([[0, 10, 0], [10, 10, 1], [20, 10], [30, 10, 2], [40, 60]]);
    return heap;
  }

  it('[FL-REALLOC-1] in place: a shrink gives its tail back (merged), a growth takes the front of the next free block', () => {
    const heap = threeBlocks();
    expect(heap.realloc(1, 4, 10)).toEqual({ ok: true, value: { target: 10 } });
    heap.check();
    expect(layout(heap)).toEqual([[0, 10, 0], [10, 4, 1], [14, 16], [30, 10, 2], [40, 60]]);
    expect(heap.realloc(1, 12, 10).ok).toBe(true);
    heap.check();
    expect(layout(heap)).toEqual([[0, 10, 0], [10, 12, 1], [22, 8], [30, 10, 2], [40, 60]]);
    expectRefusal(heap, () => heap.realloc(1, 21, 10), 'place/overlaps', 'that spot overlaps block 2 (at 30)');
    expect(heap.realloc(2, 70, 30).ok).toBe(true);
    expect(layout(heap)).toEqual([[0, 10, 0], [10, 12, 1], [22, 8], [30, 70, 2]]);
    expectRefusal(heap, () => heap.realloc(2, 71, 30), 'place/heap_limit');
    expect(heap.gauge().liveBytes).toBe(10 + 12 + 70);
  });

  it('[FL-REALLOC-2] elsewhere: the new block is placed while the old is live, then the old is freed', () => {
    const heap = threeBlocks();
    expectRefusal(heap, () => heap.realloc(0, 5, 5), 'place/overlaps', 'that spot overlaps block 0 (at 0)');
    expect(heap.realloc(0, 5, 22)).toEqual({ ok: true, value: { target: 22 } });
    heap.check();
    expect(layout(heap)).toEqual([[0, 10], [10, 10, 1], [20, 2], [22, 5, 0], [27, 3], [30, 10, 2], [40, 60]]);
    expect(heap.rover).toBe(22);
  });
});

describe('options, walker and checker', () => {
  it('[FL-OPT-1] defaults, rounding to aligned edges, and refusals', () => {
    const o = resolveOptions({ align: 8, overhead: 8, header: 4, limit: 101, chunk: 100 });
    expect(o.ok && o.value).toMatchObject({ prologue: 4, minBlock: 8, limit: 100, chunk: 104, initial: 4, growth: 'sbrk', coalesce: 'immediate' });
    expect(resolveOptions({ align: 3 })).toMatchObject({ ok: false, code: 'options/invalid' });
    expect(resolveOptions({ header: 9, overhead: 8 })).toMatchObject({ ok: false, code: 'options/invalid' });
    expect(resolveOptions({ limit: 2 ** 40 })).toMatchObject({ ok: false, code: 'options/invalid' });
  });

  it('[FL-WALK-1] regions come in address order with prologue, epilogue, ids, sizes and tags', () => {
    const heap = heapWith({ align: 8, overhead: 8, header: 4, prologue: 12, epilogue: 4, growth: 'fixed', limit: 64 });
    expect(heap.allocate(3, 10, 12, 'temp').ok).toBe(true);
    expect(heap.walk()).toEqual([
      { start: 0, size: 12, state: 'unused', area: 'heap' },
      { start: 12, size: 24, state: 'live', id: 3, requested: 10, area: 'heap', tag: 'temp' },
      { start: 36, size: 24, state: 'free', area: 'heap' },
      { start: 60, size: 4, state: 'unused', area: 'heap' },
    ]);
    expect(heap.blockOf(3)).toEqual({ id: 3, start: 12, size: 24, requested: 10, mapped: false, tag: 'temp' });
  });

  it('[FL-CHECK-1] the checker catches blocks that no longer tile the heap', () => {
    const heap = lecture(100);
    mustPlace(heap, 0, 10, 0);
    heap.size[0] = heap.size[0]! + 1;
    expect(() => heap.check()).toThrow(/invariant broken/);
  });
});
