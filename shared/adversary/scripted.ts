// Scripted adversaries: fixed streams built to defeat a named policy, each with the
// policies it beats and those that survive it (checked by test/unit/adversary).
// They are lecture-style scripts (a heap setup, a stream, the outcome in words and
// numbers), so rounds and levels use them like any script.

import { alloc, free, type StreamEvent } from '../core/stream.ts';
import { allocs, frees, range, type LectureScript, type ScriptSetup } from '../streams/lecture.ts';

export interface ScriptedAdversary extends LectureScript {
  /** Policies it defeats (failures, or a heap far above peak live). */
  readonly beats: readonly string[];
  /** Policies that survive it, on `rival` when given (another kind), else on `setup`. */
  readonly spares: readonly string[];
  readonly rival?: ScriptSetup;
}

/**
 * Holes laid out as `first` holes of one size, then `second` holes of another, each
 * kept apart by a 1-byte live block; the separators are ids 0.., the holes are freed.
 */
function holes(sizes: readonly number[]): { events: StreamEvent[]; bytes: number; nextId: number } {
  const events: StreamEvent[] = [];
  const freed: number[] = [];
  let id = 0;
  let bytes = 0;
  for (const size of sizes) {
    freed.push(id);
    events.push(alloc(id++, size), alloc(id++, 1));
    bytes += size + 1;
  }
  return { events: [...events, ...frees(freed)], bytes, nextId: id };
}

const K = 6;

const FF_HOLES = holes([...Array<number>(K).fill(20), ...Array<number>(K).fill(15)]);

/** [ADV-SCRIPT-1] First fit cuts the small requests out of the big holes; best fit keeps them for the big requests. */
export const FIRST_FIT_BREAKER: ScriptedAdversary = {
  name: 'first-fit-breaker',
  title: 'Where first fit fails and best fit survives',
  setup: { kind: 'freelist', heapBytes: FF_HOLES.bytes },
  stream: [...FF_HOLES.events, ...allocs(FF_HOLES.nextId, Array<number>(K).fill(10)), ...allocs(FF_HOLES.nextId + K, Array<number>(K).fill(20))],
  outcome:
    `Six holes of 20 bytes, then six of 15. Six requests of 10, then six of 20. First fit puts two 10s into ` +
    `each of the first three 20-byte holes, so three 20s find no hole. Best fit puts the 10s into the 15s and every 20 fits.`,
  expect: [
    { policies: ['best-fit'], failures: 0 },
    { policies: ['first-fit-address'], failures: K / 2, firstFailure: { size: 20, freeBytes: K * 15, largestFree: 15 } },
  ],
  beats: ['first-fit-address'],
  spares: ['best-fit'],
};

const SAWDUST_HOLES = holes([...Array<number>(K).fill(40), ...Array<number>(4 * K).fill(10)]);

/** [ADV-SCRIPT-2] Best fit leaves 1-byte sawdust in every 10-byte hole; first fit cuts the 9s from the 40s and keeps room. */
export const BEST_FIT_BREAKER: ScriptedAdversary = {
  name: 'best-fit-breaker',
  title: 'Where best fit fails and first fit survives',
  setup: { kind: 'freelist', heapBytes: SAWDUST_HOLES.bytes },
  stream: [
    ...SAWDUST_HOLES.events,
    ...allocs(SAWDUST_HOLES.nextId, Array<number>(4 * K).fill(9)),
    ...allocs(SAWDUST_HOLES.nextId + 4 * K, Array<number>(4 * K).fill(10)),
    ...allocs(SAWDUST_HOLES.nextId + 8 * K, Array<number>(K).fill(4)),
  ],
  outcome:
    'Six holes of 40 bytes, then twenty-four of 10. Twenty-four 9s, twenty-four 10s, six 4s. Best fit puts each 9 into a ' +
    '10 and leaves a 1-byte sliver; the 10s fill the 40s; every 4 fails with 24 bytes free in slivers. First fit packs ' +
    'four 9s into each 40, the 10s into the 10s, and the 4s into what the 9s left.',
  expect: [
    { policies: ['first-fit-address'], failures: 0 },
    { policies: ['best-fit'], failures: K, firstFailure: { size: 4, freeBytes: 4 * K, largestFree: 1 } },
  ],
  beats: ['best-fit'],
  spares: ['first-fit-address'],
};

/** [ADV-SCRIPT-3] Sizes just over powers of two: the buddy system rounds each up to nearly twice its size. */
export const BUDDY_BREAKER: ScriptedAdversary = {
  name: 'buddy-breaker',
  title: 'Sizes just over powers of two',
  setup: { kind: 'buddy', maxOrder: 10, minOrder: 0 },
  stream: allocs(0, [...Array<number>(8).fill(17), ...Array<number>(4).fill(33), 65, 65, 129]),
  outcome:
    'Eight 17s, four 33s, two 65s and a 129: 527 bytes live. The buddy system rounds them to 32, 64, 128 and 256 and ' +
    'ends at 1024 bytes; a free list ends at 527.',
  expect: [{ policies: ['buddy-lowest'], failures: 0, peakHeap: 1024, peakLive: 527 }],
  beats: ['buddy-lowest', 'buddy-lifo'],
  spares: ['first-fit-address', 'best-fit'],
  rival: { kind: 'freelist', heapBytes: null },
};

const NF_ROUNDS = 15;

/** [ADV-SCRIPT-4] Next fit strews small long-lived blocks across the heap, one per pass, leaving no big hole. */
export const NEXT_FIT_BREAKER: ScriptedAdversary = {
  name: 'next-fit-breaker',
  title: 'Where next fit fails and first fit survives',
  setup: { kind: 'freelist', heapBytes: 200 },
  stream: [
    ...range(0, NF_ROUNDS).flatMap((i) => [alloc(2 * i, 10, 'temp'), alloc(2 * i + 1, 1, 'keep'), free(2 * i)]),
    alloc(2 * NF_ROUNDS, 100, 'big'),
  ],
  outcome:
    'Fifteen times: a 10-byte temporary, a 1-byte keeper, free the temporary. First fit keeps reusing the hole the ' +
    'temporary left, so the keepers sit together and 100 bytes fit at the end. Next fit moves on past each keeper, ' +
    'so the keepers stand 11 bytes apart, the holes between them are 10 bytes, and the 100-byte request fails.',
  expect: [
    { policies: ['first-fit-address'], failures: 0 },
    { policies: ['next-fit'], failures: 1 },
  ],
  beats: ['next-fit'],
  spares: ['first-fit-address'],
};

export const SCRIPTED_ADVERSARIES: readonly ScriptedAdversary[] = [FIRST_FIT_BREAKER, BEST_FIT_BREAKER, BUDDY_BREAKER, NEXT_FIT_BREAKER];

export function findScriptedAdversary(name: string): ScriptedAdversary | undefined {
  return SCRIPTED_ADVERSARIES.find((s) => s.name === name);
}
