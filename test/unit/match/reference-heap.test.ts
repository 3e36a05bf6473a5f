// A policy's heap beside the class ([MATCH-SPOT-1]): worked by hand on a 100-byte heap.
// Stream: alloc a 30, alloc b 20, alloc c 25, free b, alloc d 10, alloc e 50.
// a@0, b@30, c@50; freeing b leaves holes of 20 at 30 and 25 at 75. First fit puts d
// at 30, worst fit in the larger hole at 75; e (50) then fits nowhere (35 bytes free): it fails.
import { describe, expect, it } from 'vitest';
import { policyHeapAfter, referencePolicyFor } from '../../../shared/match/reference-heap.ts';
import type { RoundConfig } from '../../../shared/match/match.ts';

const round: RoundConfig = {
  kind: 'freelist',
  options: { align: 1, header: 0, minBlock: 1, split: true, coalesce: 'immediate', growth: 'fixed', limit: 100 },
  source: {
    source: 'events',
    events: [
      { op: 'alloc', id: 1, size: 30 }, { op: 'alloc', id: 2, size: 20 }, { op: 'alloc', id: 3, size: 25 },
      { op: 'free', id: 2 }, { op: 'alloc', id: 4, size: 10 }, { op: 'alloc', id: 5, size: 50 },
    ],
  },
  seed: 1,
  timePerRequestMs: null,
  fallback: 'first-fit-address',
};

const live = (regions: readonly { state: string; start: number; size: number }[]): [number, number][] =>
  regions.filter((r) => r.state === 'live').map((r) => [r.start, r.size]);

describe('a policy\'s heap after n requests [MATCH-SPOT-1]', () => {
  it('after 2 requests: a and b placed, c pending', () => {
    const heap = policyHeapAfter(round, 'first-fit-address', 2);
    if (!heap.ok) throw new Error(heap.message);
    expect(heap.value.requests).toBe(2);
    expect(live(heap.value.regions)).toEqual([[0, 30], [30, 20]]);
  });

  it('after 3 requests the free of b before the next request has run, as on a player\'s heap', () => {
    const heap = policyHeapAfter(round, 'first-fit-address', 3);
    if (!heap.ok) throw new Error(heap.message);
    expect(live(heap.value.regions)).toEqual([[0, 30], [50, 25]]);
  });

  it('first fit puts d in b\'s hole, worst fit in the larger hole at the end; e fails for both', () => {
    const first = policyHeapAfter(round, 'first-fit-address', 99);
    const worst = policyHeapAfter(round, 'worst-fit', 99);
    if (!first.ok || !worst.ok) throw new Error('refused');
    expect(live(first.value.regions)).toEqual([[0, 30], [30, 10], [50, 25]]);
    expect(live(worst.value.regions)).toEqual([[0, 30], [50, 25], [75, 10]]);
    expect([first.value.requests, first.value.failures]).toEqual([5, 1]);
    expect([worst.value.requests, worst.value.failures]).toEqual([5, 1]);
  });

  it('refuses an unknown policy and options the engine refuses, in the engine\'s words', () => {
    const unknown = policyHeapAfter(round, 'no-such-policy', 1);
    expect(unknown.ok ? '' : unknown.code).toBe('policy/unknown');
    const bad = policyHeapAfter({ ...round, options: { ...round.options, align: 3 } }, 'first-fit-address', 1);
    expect(bad.ok ? '' : bad.code).toBe('options/invalid');
  });

  it('compares with first fit where the kind has it, else the kind\'s default policy', () => {
    expect(referencePolicyFor('freelist')).toBe('first-fit-address');
    expect(referencePolicyFor('buddy')).toBe('buddy-lowest');
    expect(referencePolicyFor('slab')).toBe('slab-fullest');
  });
});
