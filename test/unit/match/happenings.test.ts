// What each change did, as the play screen shows and announces it (shared/match/
// happenings.ts): the placements, the frees with the block's range, the holes that merged,
// a failed malloc with the bytes free and the largest hole at that moment, a timeout with
// the fallback policy and its penalty; and the queue, which lists frees as well as mallocs.
import { describe, expect, it } from 'vitest';
import { alloc, free, realloc, type StreamEvent } from '../../../shared/core/stream.ts';
import { applyMove, expire, startMatch, type MatchState, type RoundConfig } from '../../../shared/match/match.ts';
import { mergedHoles } from '../../../shared/match/happenings.ts';
import { seatStream, seatView, upcomingEvents } from '../../../shared/match/view.ts';
import { FAILURE_PENALTY, FALLBACK_PENALTY } from '../../../shared/score/score.ts';
import type { FreeListConfig } from '../../../shared/freelist/index.ts';

const LINE: FreeListConfig = { align: 1, overhead: 0, header: 0, minBlock: 1, limit: 99 };

function round(events: readonly StreamEvent[], timePerRequestMs: number | null = null, options: FreeListConfig = LINE): RoundConfig {
  return { kind: 'freelist', options, source: { source: 'events', events }, seed: 1, timePerRequestMs, fallback: 'first-fit-address' };
}

function ok<T>(outcome: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

/** Places the pending request at `target`. */
function place(state: MatchState, target: number, atMs = 0): MatchState {
  return ok(applyMove(state, { type: 'place', requestId: state.pending?.requestId ?? -1, target, version: state.version }, atMs));
}

describe('what a change did [MATCH-EVENT-1..4]', () => {
  it('[MATCH-EVENT-1] a placement, then the frees that follow it with the range each block held', () => {
    let m = ok(startMatch(round([alloc(0, 10), alloc(1, 20), free(0), alloc(2, 5)]), 0));
    m = place(m, 0);
    expect(m.happenings).toEqual([{ type: 'placed', requestId: 0, size: 10, target: 0, byFallback: false }]);
    m = place(m, 10);
    // Block #0 (bytes 0..9) goes by itself before request 2 is handed out; it touches nothing free.
    expect(m.happenings).toEqual([
      { type: 'placed', requestId: 1, size: 20, target: 10, byFallback: false },
      { type: 'freed', requestId: 0, start: 0, size: 10, area: 'heap' },
    ]);
  });

  it('[MATCH-EVENT-2] a freed block that joins the hole beside it is a merge, with the hole it made', () => {
    let m = ok(startMatch(round([alloc(0, 10), alloc(1, 20), alloc(2, 30), free(1), free(0), alloc(3, 5)]), 0));
    m = place(place(m, 0), 10);
    m = place(m, 30);
    expect(m.happenings).toEqual([
      { type: 'placed', requestId: 2, size: 30, target: 30, byFallback: false },
      { type: 'freed', requestId: 1, start: 10, size: 20, area: 'heap' },
      { type: 'freed', requestId: 0, start: 0, size: 10, area: 'heap' },
      { type: 'merged', start: 0, size: 30, area: 'heap' },
    ]);
  });

  it('[MATCH-EVENT-2] a block placed and freed in one change, where its hole was, is no merge', () => {
    // Two holes apart: the 15 B block goes at the end of the heap and is freed at once; it touches no hole.
    let m = ok(startMatch(round([alloc(0, 20), alloc(1, 1), alloc(2, 15), free(2), alloc(3, 4)], null, { ...LINE, limit: 36 }), 0));
    m = place(place(m, 0), 20);
    m = place(m, 21);
    expect(m.happenings.map((h) => h.type)).toEqual(['placed', 'freed']);
  });

  it('[MATCH-EVENT-2] after a coalesce move, holes made of two or more holes merged', () => {
    const before = [
      { start: 0, size: 10, state: 'free' as const },
      { start: 10, size: 5, state: 'live' as const, id: 3, requested: 5 },
      { start: 15, size: 5, state: 'free' as const },
      { start: 20, size: 5, state: 'live' as const, id: 4, requested: 5 },
    ];
    const after = [
      { start: 0, size: 20, state: 'free' as const },
      { start: 20, size: 5, state: 'live' as const, id: 4, requested: 5 },
    ];
    expect(mergedHoles(before, [{ start: 10, size: 5 }], after)).toEqual([{ type: 'merged', start: 0, size: 20 }]);
    // A hole that a placement cut down is not a merge.
    expect(mergedHoles([{ start: 0, size: 30, state: 'free' }], [], [{ start: 0, size: 10, state: 'live', id: 0, requested: 10 }, { start: 10, size: 20, state: 'free' }])).toEqual([]);
  });

  it('[MATCH-EVENT-3] a malloc that fits nowhere says its size, the bytes free and the largest hole at that moment (best fit gone wrong)', () => {
    const stream = [alloc(0, 19), alloc(1, 21), alloc(2, 19), alloc(3, 21), alloc(4, 19), free(0), free(2), free(4), alloc(5, 20), alloc(6, 1)];
    let m = ok(startMatch(round(stream), 0));
    for (const target of [0, 19, 40, 59, 80]) m = place(m, target);
    const failed = m.happenings.find((h) => h.type === 'failed');
    expect(failed).toEqual({ type: 'failed', requestId: 5, size: 20, freeBytes: 57, largestFree: 19 });
    expect(m.pending?.size).toBe(1);
  });

  it('[MATCH-EVENT-4] a request whose time ran out says it was placed by the fallback policy, and the penalty', () => {
    let m = ok(startMatch(round([alloc(0, 10), alloc(1, 95), alloc(2, 5)], 1000), 0));
    m = ok(expire(m, 1000));
    expect(m.happenings[0]).toEqual({ type: 'timeout', requestId: 0, policy: 'first-fit-address', placed: true, penalty: FALLBACK_PENALTY });
    expect(m.happenings[1]).toMatchObject({ type: 'placed', requestId: 0, byFallback: true });
    // Request 1 (95 B) no longer fits in the 89 B left: it fails by itself, and request 2 waits.
    expect(m.happenings[2]).toEqual({ type: 'failed', requestId: 1, size: 95, freeBytes: 89, largestFree: 89 });
  });

  it('[MATCH-EVENT-4] a timed-out request the fallback cannot place fails, with the failure\'s penalty', () => {
    // Deferred coalescing: two 10 B holes side by side would take the 20 B once merged, so it waits; time runs out.
    const config = round([alloc(0, 10), alloc(1, 10), free(0), free(1), alloc(2, 20)], 1000, { ...LINE, limit: 20, coalesce: 'deferred' });
    let m = place(place(ok(startMatch(config, 0)), 0), 10);
    expect(m.pending?.size).toBe(20);
    m = ok(expire(m, 5000));
    expect(m.happenings).toEqual([
      { type: 'timeout', requestId: 2, policy: 'first-fit-address', placed: false, penalty: FAILURE_PENALTY },
      { type: 'failed', requestId: 2, size: 20, freeBytes: 20, largestFree: 10 },
    ]);
  });

  it('[MATCH-EVENT-1] the seat view carries the last change as the match has it', () => {
    const m = place(ok(startMatch(round([alloc(0, 10), alloc(1, 20)]), 0)), 0);
    expect(seatView(m, { hints: false, stream: seatStream(m.config), rivals: null }).happenings).toEqual(m.happenings);
  });
});

describe('the queue lists frees as well as mallocs [MATCH-SEAT-2]', () => {
  const STREAM: readonly StreamEvent[] = [alloc(0, 8), alloc(1, 4), free(0), alloc(2, 0), alloc(3, 16), free(3), free(-1), realloc(1, 0), alloc(4, 5)];

  it('[MATCH-SEAT-2] names each freed block by the request that placed it, with its size, in stream order', () => {
    let m = ok(startMatch(round(STREAM), 0));
    // Request 0 (8 B) is pending; request 1 is the 4 B, request 2 the 16 B; free(-1) and the alloc of 0 are nothing.
    expect(seatView(m, { hints: false, stream: seatStream(m.config), rivals: null }).upcoming).toEqual([
      { op: 'malloc', id: 1, size: 4 },
      { op: 'free', id: 0, size: 8 },
      { op: 'malloc', id: 2, size: 16 },
      { op: 'free', id: 2, size: 16 },
      { op: 'free', id: 1, size: 4 },
      { op: 'malloc', id: 3, size: 5 },
    ]);
    m = place(m, 0);
    // Block #0 is live now: its free is still to come, named by its own id and size.
    expect(seatView(m, { hints: false, stream: seatStream(m.config), rivals: null }).upcoming.slice(0, 2)).toEqual([
      { op: 'free', id: 0, size: 8 },
      { op: 'malloc', id: 2, size: 16 },
    ]);
  });

  it('[MATCH-SEAT-2] at most the limit, and nothing once the stream is done', () => {
    expect(upcomingEvents(STREAM, 0, { nextRequestId: 0, blockOf: () => null }, 2)).toEqual([
      { op: 'malloc', id: 0, size: 8 },
      { op: 'malloc', id: 1, size: 4 },
    ]);
    expect(upcomingEvents(STREAM, STREAM.length, { nextRequestId: 5, blockOf: () => null })).toEqual([]);
  });
});
