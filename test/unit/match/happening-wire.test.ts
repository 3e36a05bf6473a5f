// The happenings' wire form (shared/match/happening-wire.ts, [MATCH-EVENT-5]): short
// tuples a client decodes back into exactly the happenings the match made.
import { describe, expect, it } from 'vitest';
import { decodeHappenings, encodeHappenings } from '../../../shared/match/happening-wire.ts';
import type { Happening } from '../../../shared/match/happenings.ts';
import { applyMove, expire, startMatch, type MatchState, type RoundConfig } from '../../../shared/match/match.ts';
import { alloc, free } from '../../../shared/core/stream.ts';

/** One of every kind, with and without an area, each flag both ways. */
const EVERY_KIND: readonly Happening[] = [
  { type: 'placed', requestId: 4, size: 20, target: 40, byFallback: false },
  { type: 'placed', requestId: 5, size: 8, target: -1, byFallback: true },
  { type: 'freed', requestId: 1, start: 0, size: 16 },
  { type: 'freed', requestId: 2, start: 24, size: 8, area: 'heap' },
  { type: 'merged', start: 0, size: 32 },
  { type: 'merged', start: 16, size: 48, area: 'slab:2' },
  { type: 'failed', requestId: 6, size: 20, freeBytes: 57, largestFree: 19 },
  { type: 'timeout', requestId: 7, policy: 'first-fit-address', placed: true, penalty: 25 },
  { type: 'timeout', requestId: 8, policy: 'buddy', placed: false, penalty: 100 },
];

describe('the happenings on the wire [MATCH-EVENT-5]', () => {
  it('[MATCH-EVENT-5] every kind of happening decodes back to itself, in order', () => {
    expect(decodeHappenings(encodeHappenings(EVERY_KIND))).toEqual(EVERY_KIND);
    expect(decodeHappenings(encodeHappenings([]))).toEqual([]);
  });

  it('[MATCH-EVENT-5] each happening is a tuple led by its code, as the protocol gives it', () => {
    const wire: unknown = JSON.parse(encodeHappenings(EVERY_KIND));
    expect(wire).toEqual([
      ['p', 4, 20, 40, 0],
      ['p', 5, 8, -1, 1],
      ['f', 1, 0, 16],
      ['f', 2, 24, 8, 'heap'],
      ['m', 0, 32],
      ['m', 16, 48, 'slab:2'],
      ['n', 6, 20, 57, 19],
      ['t', 7, 'first-fit-address', 1, 25],
      ['t', 8, 'buddy', 0, 100],
    ]);
  });

  it('[MATCH-EVENT-5] a real round\'s happenings, placements, frees, merges, a failure and a timeout, decode to what the match made', () => {
    const config: RoundConfig = {
      kind: 'freelist',
      options: { align: 1, overhead: 0, header: 0, minBlock: 1, limit: 40 },
      source: { source: 'events', events: [alloc(0, 10), alloc(1, 10), alloc(2, 10), free(0), free(1), alloc(3, 30), alloc(4, 15)] },
      seed: 1,
      timePerRequestMs: 1000,
      fallback: 'first-fit-address',
    };
    const seen: Happening[] = [];
    let state: MatchState = ok(startMatch(config, 0));
    for (const target of [0, 10, 20]) {
      state = ok(applyMove(state, { type: 'place', requestId: state.pending?.requestId ?? -1, target, version: state.version }, 0));
      expect(decodeHappenings(encodeHappenings(state.happenings))).toEqual(state.happenings);
      seen.push(...state.happenings);
    }
    state = ok(expire(state, 5000));
    expect(decodeHappenings(encodeHappenings(state.happenings))).toEqual(state.happenings);
    seen.push(...state.happenings);
    expect(new Set(seen.map((h) => h.type))).toEqual(new Set(['placed', 'freed', 'merged', 'timeout', 'failed']));
  });

  it('[MATCH-EVENT-5] leaves out a tuple of an unknown code or the wrong fields; anything but an array is none', () => {
    const freed: Happening = { type: 'freed', requestId: 3, start: 10, size: 20 };
    expect(decodeHappenings(JSON.stringify([['f', 3, 10, 20], ['z', 1], ['p', 1, 2], ['p', 1, 2, 3, 2], ['t', 1, 'x', 1, '25'], ['toString'], null, 3, { type: 'freed' }]))).toEqual([freed]);
    expect(decodeHappenings('')).toEqual([]);
    expect(decodeHappenings('not json')).toEqual([]);
    expect(decodeHappenings('{"type":"freed"}')).toEqual([]);
    expect(decodeHappenings(JSON.stringify([['m', 0, 8, 'heap', 'extra'], ['f', 3, 10, 20, 7]]))).toEqual([]);
  });
});

function ok<T>(outcome: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}
