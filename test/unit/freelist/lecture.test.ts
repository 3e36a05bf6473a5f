// The lecture's scenarios on the `lecture` preset, with exact layouts worked out by hand
// from shared/freelist/SPEC.md; and the lecture scripts of shared/streams/lecture.ts
// against their stated outcomes.
import { describe, it, expect } from 'vitest';
import type { RegionView } from '../../../shared/core/allocator.ts';
import { alloc, free, type StreamEvent } from '../../../shared/core/stream.ts';
import { FreeListHeap } from '../../../shared/freelist/heap.ts';
import { resolveOptions } from '../../../shared/freelist/options.ts';
import { playFreeList } from '../../../shared/freelist/play.ts';
import { FREELIST_POLICIES, FREELIST_POLICY_NAMES, type FreeListPolicy } from '../../../shared/freelist/policies.ts';
import { lectureHeapConfig, presetConfig } from '../../../shared/freelist/presets.ts';
import { LECTURE_SCRIPTS } from '../../../shared/streams/lecture.ts';

function lectureHeap(bytes: number): FreeListHeap {
  const o = resolveOptions(presetConfig('lecture', { limit: bytes }));
  if (!o.ok) throw new Error(o.message);
  return new FreeListHeap(o.value);
}

/** The heap as [start, size, id] for live blocks and [start, size] for free ones. */
function layout(heap: FreeListHeap): (readonly number[])[] {
  return heap.walk().map((r: RegionView) => (r.state === 'live' ? [r.start, r.size, r.id!] : [r.start, r.size]));
}

/** Plays events with a policy on a fresh heap, checking after every event; returns the heap and the failed event indexes. */
function play(policy: FreeListPolicy, heap: FreeListHeap, events: readonly StreamEvent[]): number[] {
  const failed: number[] = [];
  events.forEach((e, i) => {
    if (e.op === 'free') expect(heap.free(e.id).ok).toBe(true);
    else if (e.op === 'alloc' && heap.placeWith(policy.find, e.id, e.size) < 0) failed.push(i);
    heap.check();
  });
  return failed;
}

const policy = (name: string): FreeListPolicy => FREELIST_POLICIES.get(name)!;

describe('best fit gone wrong', () => {
  const events = [alloc(0, 19), alloc(1, 21), alloc(2, 19), alloc(3, 21), alloc(4, 19), free(0), free(2), free(4), alloc(5, 20)];
  for (const name of FREELIST_POLICY_NAMES) {
    it(`[FL-PRESET-1] ${name}: 99 bytes, 19/21/19/21/19, the 19s freed, then 20 fails with 57 free`, () => {
      const heap = lectureHeap(99);
      const failed = play(policy(name), heap, events);
      expect(failed).toEqual([8]);
      expect(layout(heap)).toEqual([[0, 19], [19, 21, 1], [40, 19], [59, 21, 3], [80, 19]]);
      expect(heap.gauge()).toEqual({ liveBytes: 42, heapBytes: 99, freeBytes: 57, largestFree: 19, internalBytes: 0 });
      const run = playFreeList(events, name, presetConfig('lecture', { limit: 99 }));
      expect(run.ok && run.value.firstFailure).toEqual({ op: 8, size: 20, freeBytes: 57, largestFree: 19 });
    });
  }
});

/** A 36-byte heap with holes of 20 (at 0, freed last) and 15 (at 21, freed first), kept apart by a 1-byte block. */
const HOLES_20_AND_15 = [alloc(0, 20), alloc(1, 1), alloc(2, 15), free(2), free(0)];

describe("the slides' first-fit workloads", () => {
  it('[FL-POL-3] first fit cuts 10 out of the 20 and then cannot place 20', () => {
    for (const name of ['first-fit-address', 'first-fit-lifo', 'worst-fit']) {
      const heap = lectureHeap(36);
      expect(play(policy(name), heap, [...HOLES_20_AND_15, alloc(3, 10), alloc(4, 20)])).toEqual([6]);
      expect(layout(heap)).toEqual([[0, 10, 3], [10, 10], [20, 1, 1], [21, 15]]);
    }
  });

  it('[FL-POL-5] best fit (and FIFO, next fit, TLSF) put 10 into the 15, so 20 still fits', () => {
    for (const name of ['best-fit', 'first-fit-fifo', 'next-fit', 'tlsf']) {
      const heap = lectureHeap(36);
      expect(play(policy(name), heap, [...HOLES_20_AND_15, alloc(3, 10), alloc(4, 20)])).toEqual([]);
      expect(layout(heap)).toEqual([[0, 20, 4], [20, 1, 1], [21, 10, 3], [31, 5]]);
    }
  });

  it('[FL-POL-3] first fit places 8, 12, 12; best fit leaves holes of 8 and 7 and fails the last 12', () => {
    const events = [...HOLES_20_AND_15, alloc(3, 8), alloc(4, 12), alloc(5, 12)];
    const first = lectureHeap(36);
    expect(play(policy('first-fit-address'), first, events)).toEqual([]);
    expect(layout(first)).toEqual([[0, 8, 3], [8, 12, 4], [20, 1, 1], [21, 12, 5], [33, 3]]);
    const best = lectureHeap(36);
    expect(play(policy('best-fit'), best, events)).toEqual([7]);
    expect(layout(best)).toEqual([[0, 12, 4], [12, 8], [20, 1, 1], [21, 8, 3], [29, 7]]);
  });

  it('[FL-POL-5] sawdust: best fit leaves four 1-byte slivers and fails a 4; first fit fits everything', () => {
    const setup = [
      ...[40, 1, 10, 1, 10, 1, 10, 1, 10].map((size, id) => alloc(id, size)),
      free(8), free(6), free(4), free(2), free(0),
    ];
    const events = [...setup, ...[9, 9, 9, 9, 10, 10, 10, 10, 4].map((size, i) => alloc(9 + i, size))];
    const best = lectureHeap(84);
    expect(play(policy('best-fit'), best, events)).toEqual([22]);
    expect(layout(best)).toEqual([
      [0, 10, 13], [10, 10, 14], [20, 10, 15], [30, 10, 16], [40, 1, 1], [41, 9, 9], [50, 1], [51, 1, 3],
      [52, 9, 10], [61, 1], [62, 1, 5], [63, 9, 11], [72, 1], [73, 1, 7], [74, 9, 12], [83, 1],
    ]);
    const first = lectureHeap(84);
    expect(play(policy('first-fit-address'), first, events)).toEqual([]);
    expect(layout(first)).toEqual([
      [0, 9, 9], [9, 9, 10], [18, 9, 11], [27, 9, 12], [36, 4, 17], [40, 1, 1], [41, 10, 13], [51, 1, 3],
      [52, 10, 14], [62, 1, 5], [63, 10, 15], [73, 1, 7], [74, 10, 16],
    ]);
  });
});

describe('where LIFO, FIFO and address order differ', () => {
  // A 63-byte heap: holes of 10 at 0, 20 at 11 and 30 at 32, freed in the order 30, 10, 20.
  const setup = [
    alloc(0, 10), alloc(1, 1), alloc(2, 20), alloc(3, 1), alloc(4, 30), alloc(5, 1),
    free(4), free(0), free(2),
  ];

  it('[FL-ORDER-1] the heap keeps every order, whoever freed the blocks', () => {
    const heap = lectureHeap(63);
    play(policy('first-fit-address'), heap, setup);
    expect(heap.freeList('lifo')).toEqual([11, 0, 32]);
    expect(heap.freeList('fifo')).toEqual([32, 0, 11]);
    expect(heap.freeList('address')).toEqual([0, 11, 32]);
  });

  it('[FL-POL-1] [FL-POL-2] [FL-POL-3] [FL-POL-4] [FL-POL-5] [FL-POL-6] each policy names its hole for a 5-byte request', () => {
    const heap = lectureHeap(63);
    play(policy('first-fit-address'), heap, setup);
    const choices = Object.fromEntries(FREELIST_POLICY_NAMES.map((name) => [name, policy(name).choose(heap, 5)]));
    // Next fit's rover sits on the last block placed (62), past every hole: it wraps to 0.
    // TLSF: 5 bytes search class 5; the first non-empty class at or above is the 10 (class 10).
    expect(choices).toEqual({
      'first-fit-lifo': 11, 'first-fit-fifo': 32, 'first-fit-address': 0, 'next-fit': 0, 'best-fit': 0, 'worst-fit': 32, tlsf: 0,
    });
  });

  it('[FL-ORDER-2] [FL-COAL-1] a merged block goes back in as one: at the front for LIFO, at the back for FIFO', () => {
    const heap = lectureHeap(63);
    play(policy('first-fit-address'), heap, setup);
    expect(heap.free(1).ok).toBe(true);
    expect(layout(heap)).toEqual([[0, 31], [31, 1, 3], [32, 30], [62, 1, 5]]);
    expect(heap.freeList('lifo')).toEqual([0, 32]);
    expect(heap.freeList('fifo')).toEqual([32, 0]);
  });

  it('[FL-ORDER-3] a split remainder keeps its place in the list', () => {
    const heap = lectureHeap(63);
    play(policy('first-fit-address'), heap, setup);
    // FIFO takes the oldest hole (30 at 32); the 25 left at 37 is still the oldest.
    expect(heap.placeWith(policy('first-fit-fifo').find, 6, 5)).toBe(32);
    expect(heap.freeList('fifo')).toEqual([37, 0, 11]);
  });
});

describe('the lecture scripts (shared/streams/lecture.ts)', () => {
  for (const script of LECTURE_SCRIPTS) {
    if (script.setup.kind !== 'freelist') continue;
    const config = lectureHeapConfig(script.setup.heapBytes);
    for (const expectation of script.expect) {
      for (const name of expectation.policies) {
        it(`[FL-PRESET-3] ${script.name} under ${name}: ${expectation.failures} failure(s)`, () => {
          const run = playFreeList(script.stream, name, config);
          if (!run.ok) throw new Error(run.message);
          expect(run.value.failures).toBe(expectation.failures);
          if (expectation.peakHeap !== undefined) expect(run.value.peakHeap).toBe(expectation.peakHeap);
          if (expectation.peakLive !== undefined) expect(run.value.peakLive).toBe(expectation.peakLive);
          if (expectation.firstFailure) {
            const { size, freeBytes, largestFree } = run.value.firstFailure!;
            expect({ size, freeBytes, largestFree }).toEqual(expectation.firstFailure);
          }
        });
      }
    }
  }
});
