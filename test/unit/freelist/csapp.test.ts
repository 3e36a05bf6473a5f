// The `csapp` preset against CS:APP's implicit-list allocator (mm.c, §9.9.12), worked
// out by hand: block sizes, the start of the heap, extensions, splitting, coalescing,
// next fit's rover, realloc, and the malloc lab's utilization.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { RegionView } from '../../../shared/core/allocator.ts';
import { alloc, free, realloc, type StreamEvent } from '../../../shared/core/stream.ts';
import { FreeListHeap } from '../../../shared/freelist/heap.ts';
import { resolveOptions } from '../../../shared/freelist/options.ts';
import { playFreeList } from '../../../shared/freelist/play.ts';
import { firstFitAddress, nextFit, type FreeListPolicy } from '../../../shared/freelist/policies.ts';
import { CSAPP_CONFIG } from '../../../shared/freelist/presets.ts';
import { parseRep } from '../../../shared/trace/rep.ts';

function csappHeap(): FreeListHeap {
  const o = resolveOptions(CSAPP_CONFIG);
  if (!o.ok) throw new Error(o.message);
  return new FreeListHeap(o.value);
}

/** Live blocks as [start, size, id], free ones as [start, size]; the prologue and epilogue as [start, size, 'unused']. */
function layout(heap: FreeListHeap): (readonly (number | string)[])[] {
  return heap.walk().map((r: RegionView) => (r.state === 'live' ? [r.start, r.size, r.id!] : r.state === 'free' ? [r.start, r.size] : [r.start, r.size, 'unused']));
}

function place(heap: FreeListHeap, policy: FreeListPolicy, id: number, size: number): number {
  const at = heap.placeWith(policy.find, id, size);
  heap.check();
  return at;
}

function release(heap: FreeListHeap, id: number): void {
  expect(heap.free(id).ok).toBe(true);
  heap.check();
}

describe('the csapp preset', () => {
  it('[FL-PRESET-2] starts with 16 bytes of padding, prologue and epilogue, then a 4096-byte extension', () => {
    const heap = csappHeap();
    expect(heap.brk).toBe(4112);
    expect(layout(heap)).toEqual([[0, 12, 'unused'], [12, 4096], [4108, 4, 'unused']]);
    // The first block's header is at 12, its payload at 16.
    expect(place(heap, firstFitAddress, 0, 1)).toBe(12);
    expect(layout(heap)).toEqual([[0, 12, 'unused'], [12, 16, 0], [28, 4080], [4108, 4, 'unused']]);
  });

  it('[FL-PRESET-2] [FL-SIZE-1] a block is 16 bytes up to 8 requested, else 8 * ceil((size + 8) / 8)', () => {
    const heap = csappHeap();
    expect([1, 8, 9, 16, 17, 24, 25, 100, 4072].map((n) => heap.blockSize(n))).toEqual([16, 16, 24, 24, 32, 32, 40, 112, 4080]);
  });

  it('[FL-PRESET-2] [FL-ALIGN-1] blocks start 4 bytes before an 8-byte boundary', () => {
    const heap = csappHeap();
    expect(heap.allocate(0, 8, 16)).toMatchObject({ ok: false, code: 'place/misaligned' });
    expect(heap.allocate(0, 8, 28)).toEqual({ ok: true, value: { target: 28 } });
    heap.check();
    expect(layout(heap)).toEqual([[0, 12, 'unused'], [12, 16], [28, 16, 0], [44, 4064], [4108, 4, 'unused']]);
    // At 52 the 8 bytes left before it (44..52) would be less than the 16-byte minimum block.
    expect(heap.allocate(1, 8, 52)).toMatchObject({ ok: false, code: 'place/sliver' });
    // A 24-byte block at 12 runs into block 0 at 28.
    expect(heap.allocate(1, 9, 12)).toMatchObject({ ok: false, code: 'place/overlaps', message: 'that spot overlaps block 0 (at 28)' });
  });

  it('[FL-GROW-2] [FL-PRESET-2] with no fit it grows by max(block, 4096), merges with the free tail and places there', () => {
    const heap = csappHeap();
    expect(place(heap, firstFitAddress, 0, 5000)).toBe(12);
    // 5008-byte block > 4096 free: the heap grows by 5008 (not the 912 missing), to 9120.
    expect(heap.brk).toBe(4112 + 5008);
    expect(layout(heap)).toEqual([[0, 12, 'unused'], [12, 5008, 0], [5020, 4096], [9116, 4, 'unused']]);
  });

  it('[FL-PRESET-2] replays short1-bal.rep (first fit) with the heap sizes worked out by hand', () => {
    const trace = parseRep(readFileSync('test/fixtures/traces/short1-bal.rep', 'utf8'));
    if (!trace.ok) throw new Error(trace.message);
    const heap = csappHeap();
    const breaks: number[] = [];
    for (const e of trace.value.events) {
      if (e.op === 'alloc') expect(place(heap, firstFitAddress, e.id, e.size)).toBeGreaterThan(0);
      else release(heap, e.id);
      breaks.push(heap.brk);
    }
    // a3 (4072: a 4080-byte block) finds 1992 free at the tail and grows by 4096; a5 again.
    expect(breaks).toEqual([4112, 4112, 4112, 4112, 8208, 8208, 8208, 8208, 8208, 12304, 12304, 12304]);
    expect(layout(heap)).toEqual([[0, 12, 'unused'], [12, 12288], [12300, 4, 'unused']]);
    const run = playFreeList(trace.value.events, 'first-fit-address', CSAPP_CONFIG);
    // Peak payload 8144 (after a5: 48 + 4072 + ... ) over the final 12304-byte heap.
    expect(run.ok && [run.value.peakLive, run.value.peakHeap, run.value.utilization]).toEqual([8144, 12304, 8144 / 12304]);
  });

  it('[FL-PRESET-2] the layout after short1-bal step 5: a 48-byte block, then the 4072 placed in the grown tail', () => {
    const heap = csappHeap();
    const events: StreamEvent[] = [alloc(0, 2040), alloc(1, 2040), free(1), alloc(2, 48), alloc(3, 4072)];
    for (const e of events) {
      if (e.op === 'alloc') place(heap, firstFitAddress, e.id, e.size);
      else release(heap, e.id);
    }
    expect(layout(heap)).toEqual([[0, 12, 'unused'], [12, 2048, 0], [2060, 56, 2], [2116, 4080, 3], [6196, 2008], [8204, 4, 'unused']]);
  });

  it('[FL-ROVER-1] [FL-ROVER-2] next fit starts at the prologue, stays on the block it chose and resumes there', () => {
    const heap = csappHeap();
    expect(heap.rover).toBe(12);
    expect(place(heap, nextFit, 0, 100)).toBe(12);
    expect(place(heap, nextFit, 1, 100)).toBe(124);
    expect(heap.rover).toBe(124);
    release(heap, 0);
    // First fit would reuse 12; next fit resumes at the rover (124, live) and takes 236.
    expect(nextFit.choose(heap, 50)).toBe(236);
    expect(place(heap, nextFit, 2, 50)).toBe(236);
    expect(heap.rover).toBe(236);
  });

  it('[FL-ROVER-3] a merge that swallows the rover moves it to the merged block', () => {
    const heap = csappHeap();
    place(heap, nextFit, 0, 100);
    place(heap, nextFit, 1, 100);
    place(heap, nextFit, 2, 50);
    expect(heap.rover).toBe(236);
    release(heap, 2);
    // [236, 4108) is free and starts at the rover: it stays.
    expect(heap.rover).toBe(236);
    release(heap, 0);
    release(heap, 1);
    // Everything merges into [12, 4108): 236 is strictly inside, so the rover moves to 12.
    expect(layout(heap)).toEqual([[0, 12, 'unused'], [12, 4096], [4108, 4, 'unused']]);
    expect(heap.rover).toBe(12);
  });

  it('[FL-ROVER-2] when nothing fits the block goes into the extension and the rover stays', () => {
    const heap = csappHeap();
    expect(place(heap, nextFit, 0, 4000)).toBe(12);
    expect(heap.rover).toBe(12);
    // 88 bytes are left at 4020; a 112-byte block does not fit: grow by 4096, place at 4020.
    expect(place(heap, nextFit, 1, 100)).toBe(4020);
    expect(heap.brk).toBe(8208);
    expect(heap.rover).toBe(12);
  });

  it('[FL-REALLOC-2] realloc places the new block while the old is live, then frees the old', () => {
    const run = playFreeList([alloc(0, 100), realloc(0, 200)], 'first-fit-address', CSAPP_CONFIG);
    expect(run.ok && run.value.peakLive).toBe(200);
    const heap = csappHeap();
    place(heap, firstFitAddress, 0, 100);
    expect(heap.reallocWith(firstFitAddress.find, 0, 200)).toBe(124);
    heap.check();
    expect(layout(heap)).toEqual([[0, 12, 'unused'], [12, 112], [124, 208, 0], [332, 3776], [4108, 4, 'unused']]);
  });

  it('[FL-RUN-2] a request of 0 bytes returns nothing and changes nothing', () => {
    const run = playFreeList([alloc(0, 0), free(0), alloc(1, 8)], 'first-fit-address', CSAPP_CONFIG);
    expect(run.ok && run.value).toMatchObject({ ops: 3, failures: 0, peakLive: 8, peakHeap: 4112 });
  });

  it('[FL-GROW-2] memlib refuses to pass 20 MiB: a request that would is a failure', () => {
    const run = playFreeList([alloc(0, 20 * 2 ** 20)], 'best-fit', CSAPP_CONFIG);
    expect(run.ok && run.value.firstFailure).toEqual({ op: 0, size: 20 * 2 ** 20, freeBytes: 4096, largestFree: 4096 });
    expect(run.ok && run.value.peakHeap).toBe(4112);
  });
});
