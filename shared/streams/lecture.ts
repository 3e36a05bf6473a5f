// The lecture's scripts as streams, each with the heap it runs on and its known
// outcome, in words and as numbers the tests check against the engine. Policy
// names are the free list's (`first-fit-address`, `best-fit`, ...).

import { alloc, free, type StreamEvent } from '../core/stream.ts';
import type { Stream } from './schedule.ts';

/** The heap a script runs on, independent of any kind's option names. */
export type ScriptSetup =
  /** A free list with alignment 1, no overhead; `heapBytes` fixed, or null for a heap that grows by exactly what it needs. */
  | { readonly kind: 'freelist'; readonly heapBytes: number | null }
  /** A binary buddy space of 2^maxOrder units, smallest block 2^minOrder. */
  | { readonly kind: 'buddy'; readonly maxOrder: number; readonly minOrder: number };

/** What the listed policies do on the script. */
export interface ScriptExpectation {
  readonly policies: readonly string[];
  readonly failures: number;
  readonly peakHeap?: number;
  readonly peakLive?: number;
  readonly firstFailure?: { readonly size: number; readonly freeBytes: number; readonly largestFree: number };
}

export interface LectureScript {
  readonly name: string;
  readonly title: string;
  readonly setup: ScriptSetup;
  readonly stream: Stream;
  /** The known outcome in words. */
  readonly outcome: string;
  readonly expect: readonly ScriptExpectation[];
}

const EVERY_FREE_LIST_POLICY = [
  'first-fit-lifo', 'first-fit-fifo', 'first-fit-address', 'next-fit', 'best-fit', 'worst-fit', 'tlsf',
] as const;

/** Allocates `sizes` with ids from `firstId` on, all with the same tag when one is given. */
export function allocs(firstId: number, sizes: readonly number[], tag?: string): StreamEvent[] {
  return sizes.map((size, i) => alloc(firstId + i, size, tag));
}

export function frees(ids: readonly number[]): StreamEvent[] {
  return ids.map((id) => free(id));
}

/** Two holes of 20 and 15 bytes (at 0 and 21) kept apart by a 1-byte block, in a 36-byte heap. */
const HOLES_20_AND_15: readonly StreamEvent[] = [...allocs(0, [20, 1, 15]), ...frees([2, 0])];

export const BEST_FIT_GONE_WRONG: LectureScript = {
  name: 'best-fit-gone-wrong',
  title: 'Best fit gone wrong',
  setup: { kind: 'freelist', heapBytes: 99 },
  stream: [...allocs(0, [19, 21, 19, 21, 19]), ...frees([0, 2, 4]), alloc(5, 20)],
  outcome:
    'Blocks of 19 and 21 alternate to fill the 99-byte heap; freeing the 19s leaves 57 bytes free, ' +
    'but in three holes of 19, so a request for 20 fails under every policy.',
  expect: [{ policies: EVERY_FREE_LIST_POLICY, failures: 1, firstFailure: { size: 20, freeBytes: 57, largestFree: 19 } }],
};

export const FIRST_FIT_WORKLOAD_1: LectureScript = {
  name: 'first-fit-workload-1',
  title: 'Free blocks 20 and 15: alloc 10, then 20',
  setup: { kind: 'freelist', heapBytes: 36 },
  stream: [...HOLES_20_AND_15, ...allocs(3, [10, 20])],
  outcome:
    'Best fit puts the 10 into the 15 and the 20 still fits. First fit (address order, or LIFO ' +
    'with the 20 freed last) cuts the 10 out of the 20, and the 20 then fails with 25 bytes free.',
  expect: [
    { policies: ['best-fit', 'first-fit-fifo'], failures: 0 },
    { policies: ['first-fit-address', 'first-fit-lifo', 'worst-fit'], failures: 1, firstFailure: { size: 20, freeBytes: 25, largestFree: 15 } },
  ],
};

export const FIRST_FIT_WORKLOAD_2: LectureScript = {
  name: 'first-fit-workload-2',
  title: 'Free blocks 20 and 15: alloc 8, 12, 12',
  setup: { kind: 'freelist', heapBytes: 36 },
  stream: [...HOLES_20_AND_15, ...allocs(3, [8, 12, 12])],
  outcome:
    'First fit puts the 8 and a 12 into the 20 and the last 12 into the 15. Best fit puts the 8 ' +
    'into the 15, a 12 into the 20, and the last 12 fails with 15 bytes free in holes of 8 and 7.',
  expect: [
    { policies: ['first-fit-address', 'first-fit-lifo', 'worst-fit'], failures: 0 },
    { policies: ['best-fit', 'first-fit-fifo'], failures: 1, firstFailure: { size: 12, freeBytes: 15, largestFree: 8 } },
  ],
};

/** [40 free][1][10 free][1][10 free][1][10 free][1][10 free]: 84 bytes. */
const SAWDUST_SETUP: readonly StreamEvent[] = [
  ...allocs(0, [40, 1, 10, 1, 10, 1, 10, 1, 10]),
  ...frees([8, 6, 4, 2, 0]),
];

export const SAWDUST: LectureScript = {
  name: 'sawdust',
  title: 'Sawdust under best fit',
  setup: { kind: 'freelist', heapBytes: 84 },
  stream: [...SAWDUST_SETUP, ...allocs(9, [9, 9, 9, 9, 10, 10, 10, 10, 4])],
  outcome:
    'Best fit puts each 9 into a 10-byte hole and leaves four 1-byte slivers (sawdust); the 10s ' +
    'fill the 40, and the final 4 fails with 4 bytes free. First fit cuts the 9s from the 40, ' +
    'leaves one 4-byte hole there, and everything fits.',
  expect: [
    { policies: ['best-fit'], failures: 1, firstFailure: { size: 4, freeBytes: 4, largestFree: 1 } },
    { policies: ['first-fit-address', 'first-fit-lifo', 'worst-fit'], failures: 0 },
  ],
};

export const SAME_LIFETIMES: LectureScript = {
  name: 'same-lifetimes',
  title: 'Objects that die together leave no fragmentation',
  setup: { kind: 'freelist', heapBytes: null },
  stream: [...allocs(0, Array(16).fill(8), 'batch'), ...frees(range(0, 16)), ...allocs(16, [32, 32, 32, 32], 'next')],
  outcome: 'Sixteen 8-byte blocks die together and leave one 128-byte hole; four 32-byte blocks fill it. Peak heap = peak live = 128.',
  expect: [{ policies: EVERY_FREE_LIST_POLICY, failures: 0, peakHeap: 128, peakLive: 128 }],
};

export const MIXED_LIFETIMES: LectureScript = {
  name: 'mixed-lifetimes',
  title: 'Mixed lifetimes leave holes',
  setup: { kind: 'freelist', heapBytes: null },
  stream: [
    ...range(0, 16).map((i) => alloc(i, 8, i % 2 === 0 ? 'short' : 'long')),
    ...frees(range(0, 16).filter((i) => i % 2 === 0)),
    ...allocs(16, [32, 32, 32, 32], 'next'),
  ],
  outcome:
    'Short- and long-lived 8-byte blocks alternate; the short ones die and leave eight 8-byte ' +
    'holes between the long ones, so no 32-byte block fits and the heap grows to 256 for a peak live of 192.',
  expect: [{ policies: EVERY_FREE_LIST_POLICY, failures: 0, peakHeap: 256, peakLive: 192 }],
};

export const SAME_SIZES: LectureScript = {
  name: 'same-sizes',
  title: 'Same sizes leave no external fragmentation',
  setup: { kind: 'freelist', heapBytes: null },
  stream: [...allocs(0, Array(12).fill(16)), ...frees([1, 4, 5, 9]), ...allocs(12, Array(6).fill(16))],
  outcome: 'Every hole left by a 16-byte block fits the next 16-byte block, so the heap only grows when nothing is free: peak heap = peak live = 224.',
  expect: [{ policies: EVERY_FREE_LIST_POLICY, failures: 0, peakHeap: 224, peakLive: 224 }],
};

export const BUDDY_WALKTHROUGH: LectureScript = {
  name: 'buddy-walkthrough',
  title: 'The buddy walk-through',
  setup: { kind: 'buddy', maxOrder: 3, minOrder: 0 },
  stream: [alloc(0, 1), alloc(1, 4), free(0), free(1)],
  outcome:
    'In 2^3 units, alloc 2^0 splits 8 into 4+4, 4 into 2+2, 2 into 1+1 and takes address 0 ' +
    '(free lists 0={1}, 1={2}, 2={4}); alloc 2^2 takes 4; freeing both merges back to one block of order 3.',
  expect: [],
};

export const LECTURE_SCRIPTS: readonly LectureScript[] = [
  BEST_FIT_GONE_WRONG, FIRST_FIT_WORKLOAD_1, FIRST_FIT_WORKLOAD_2, SAWDUST,
  SAME_LIFETIMES, MIXED_LIFETIMES, SAME_SIZES, BUDDY_WALKTHROUGH,
];

export function findScript(name: string): LectureScript | undefined {
  return LECTURE_SCRIPTS.find((s) => s.name === name);
}

/** [from, to) */
export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
