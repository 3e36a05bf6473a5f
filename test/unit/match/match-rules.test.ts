import { describe, it, expect } from 'vitest';
import { alloc, free } from '../../../shared/core/stream.ts';
import { applyMove, expire, hintsFor, replayMatch, startMatch, type MatchState, type RoundConfig } from '../../../shared/match/match.ts';
import type { Outcome } from '../../../shared/core/outcome.ts';

/** A 16-unit buddy space; the stream is worked through by hand in the tests below. */
const EVENTS = [
  alloc(0, 4), // request 0 (order 2)
  alloc(1, 2), // request 1 (order 1)
  free(0),
  alloc(2, 8), // request 2 (order 3)
  alloc(3, 32), // request 3: larger than the space, fails by itself
  free(1),
  alloc(4, 1), // request 4
];

function config(timePerRequestMs: number | null = null): RoundConfig {
  return {
    kind: 'buddy',
    options: { maxOrder: 4, minOrder: 0 },
    source: { source: 'events', events: EVENTS },
    seed: 1,
    timePerRequestMs,
    fallback: 'buddy-lowest',
  };
}

function ok<T>(o: Outcome<T, string>): T {
  if (!o.ok) throw new Error(`refused: ${o.code} ${o.message}`);
  return o.value;
}

function start(timePerRequestMs: number | null = null): MatchState {
  return ok(startMatch(config(timePerRequestMs), 0));
}

function place(s: MatchState, requestId: number, target: number, at = 0): MatchState {
  return ok(applyMove(s, { type: 'place', requestId, target, version: s.version }, at));
}

describe('match rules on a buddy round', () => {
  it('[MATCH-ROUND-2] the first request is pending at version 0', () => {
    const s = start(1000);
    expect(s.version).toBe(0);
    expect(s.pending).toEqual({ requestId: 0, op: 'alloc', size: 4, issuedAtMs: 0, deadlineMs: 1000 });
    expect(s.heap).toEqual([{ start: 0, size: 16, state: 'free' }]);
    expect(s.finished).toBe(false);
  });

  it('[MATCH-ROUND-2] an unknown fallback policy or script is refused', () => {
    expect(startMatch({ ...config(), fallback: 'nope' }, 0)).toMatchObject({ ok: false, code: 'policy/unknown' });
    expect(startMatch({ ...config(), source: { source: 'script', name: 'nope' } }, 0)).toMatchObject({ ok: false, code: 'source/unknown' });
  });

  it('[MATCH-REQ-1] [MATCH-REQ-4] [MATCH-MOVE-7] frees run by themselves, a request that fits nowhere fails by itself', () => {
    let s = start();
    s = place(s, 0, 4);
    expect(s.version).toBe(1);
    expect(s.pending?.requestId).toBe(1);
    s = place(s, 1, 2);
    // free(0) ran: the block at 4 is free again; request 2 (8 bytes) waits
    expect(s.pending).toMatchObject({ requestId: 2, size: 8 });
    expect(s.heap).toEqual([
      { start: 0, size: 2, state: 'free' },
      { start: 2, size: 2, state: 'live', id: 1, requested: 2 },
      { start: 4, size: 4, state: 'free' },
      { start: 8, size: 8, state: 'free' },
    ]);
    s = place(s, 2, 8);
    // request 3 (32 bytes) failed by itself; free(1) merged [0, 8); request 4 waits
    expect(s.totals).toEqual({ requests: 5, placed: 3, failures: 1, fallbacks: 0, coalesces: 0 });
    expect(s.summary.firstFailure).toEqual({ op: 4, size: 32, freeBytes: 6, largestFree: 4 });
    expect(s.pending).toMatchObject({ requestId: 4, size: 1 });
    expect(s.heap).toEqual([
      { start: 0, size: 8, state: 'free' },
      { start: 8, size: 8, state: 'live', id: 2, requested: 8 },
    ]);
    s = place(s, 4, 0);
    expect(s.finished).toBe(true);
    expect(s.pending).toBeNull();
    // live: 4, 6, 2, 10, 10, 8, 9; extent: 8, 8, 4, 16, 16, 16, 16
    expect(s.summary).toMatchObject({ ops: 7, failures: 1, peakLive: 10, peakHeap: 16 });
    expect(applyMove(s, { type: 'place', requestId: 5, target: 0, version: s.version }, 0)).toMatchObject({ ok: false, code: 'match/over' });
  });

  it('[MATCH-MOVE-2] [MATCH-MOVE-3] [MATCH-MOVE-4] duplicate, unknown and stale moves are refused and change nothing', () => {
    const s0 = start();
    const s1 = place(s0, 0, 4);
    const before = JSON.stringify(s1);
    expect(applyMove(s1, { type: 'place', requestId: 0, target: 0, version: 0 }, 0)).toMatchObject({ ok: false, code: 'request/duplicate' });
    expect(applyMove(s1, { type: 'place', requestId: 7, target: 0, version: 1 }, 0)).toMatchObject({ ok: false, code: 'request/unknown' });
    expect(applyMove(s1, { type: 'place', requestId: -1, target: 0, version: 1 }, 0)).toMatchObject({ ok: false, code: 'request/unknown' });
    expect(applyMove(s1, { type: 'place', requestId: 1, target: 0, version: 0 }, 0)).toMatchObject({ ok: false, code: 'request/stale' });
    expect(JSON.stringify(s1)).toBe(before);
    // the same state still takes a good move afterwards
    expect(place(s1, 1, 0).version).toBe(2);
  });

  it('[MATCH-MOVE-1] [MATCH-MOVE-6] malformed moves and the engine\'s illegal placements come back as codes', () => {
    const s = start();
    const before = JSON.stringify(s);
    expect(applyMove(s, { type: 'place', requestId: 0, target: 2, version: 0 }, 0)).toMatchObject({ ok: false, code: 'place/misaligned' });
    expect(applyMove(s, { type: 'place', requestId: 0, target: 16, version: 0 }, 0)).toMatchObject({ ok: false, code: 'place/out_of_range' });
    expect(applyMove(s, { type: 'place', requestId: 0.5, target: 0, version: 0 }, 0)).toMatchObject({ ok: false, code: 'move/malformed' });
    expect(applyMove(s, { type: 'place', requestId: 0, target: Number.NaN, version: 0 }, 0)).toMatchObject({ ok: false, code: 'move/malformed' });
    expect(applyMove(s, { type: 'jump', version: 0 } as never, 0)).toMatchObject({ ok: false, code: 'move/malformed' });
    const s1 = place(s, 0, 4);
    expect(applyMove(s1, { type: 'place', requestId: 1, target: 4, version: 1 }, 0)).toMatchObject({ ok: false, code: 'buddy/not_free' });
    expect(JSON.stringify(s)).toBe(before);
  });

  it('[MATCH-MOVE-8] a kind that coalesces by itself refuses the coalesce move', () => {
    const s = start();
    expect(applyMove(s, { type: 'coalesce', version: 0 }, 0)).toMatchObject({ ok: false, code: 'move/unsupported' });
    expect(applyMove(s, { type: 'coalesce', version: 3 }, 0)).toMatchObject({ ok: false, code: 'request/stale' });
  });

  it('[MATCH-TIME-1] [MATCH-MOVE-5] an overdue request is placed by the fallback policy, with a penalty', () => {
    const s = start(1000);
    expect(expire(s, 999)).toMatchObject({ ok: false, code: 'request/not_due' });
    expect(applyMove(s, { type: 'place', requestId: 0, target: 4, version: 0 }, 1000)).toMatchObject({ ok: false, code: 'request/late' });
    const s1 = ok(expire(s, 1000));
    expect(s1.totals.fallbacks).toBe(1);
    expect(s1.heap[0]).toEqual({ start: 0, size: 4, state: 'live', id: 0, requested: 4 }); // buddy-lowest: address 0
    expect(s1.pending).toEqual({ requestId: 1, op: 'alloc', size: 2, issuedAtMs: 1000, deadlineMs: 2000 });
    expect(s1.log).toEqual([{ type: 'expire', requestId: 0, atMs: 1000 }]);
    expect(expire(start(null), 1e9)).toMatchObject({ ok: false, code: 'request/not_due' });
  });

  it('[MATCH-MOVE-1] [MATCH-TIME-1] once the round is over, nothing expires', () => {
    let s = start();
    s = place(s, 0, 4);
    s = place(s, 1, 2);
    s = place(s, 2, 8);
    s = place(s, 4, 0);
    expect(expire(s, 1e9)).toMatchObject({ ok: false, code: 'match/over' });
  });

  it('[MATCH-HINT-1] hints say where each built-in policy would go', () => {
    let s = start();
    expect(hintsFor(s)).toEqual([{ policy: 'buddy-lowest', target: 0 }, { policy: 'buddy-lifo', target: 0 }]);
    s = place(s, 0, 4);
    // free lists now: order 2 = {0}, order 3 = {8}; a 2-byte request splits the 4-block at 0
    expect(hintsFor(s)).toEqual([{ policy: 'buddy-lowest', target: 0 }, { policy: 'buddy-lifo', target: 0 }]);
  });
});

describe('replay and purity', () => {
  function played(): MatchState[] {
    const states = [start(500)];
    const step = (next: Outcome<MatchState, string>) => {
      states.push(ok(next));
    };
    const last = () => states[states.length - 1] as MatchState;
    step(applyMove(last(), { type: 'place', requestId: 0, target: 12, version: 0 }, 100));
    expect(applyMove(last(), { type: 'place', requestId: 1, target: 12, version: 1 }, 150).ok).toBe(false);
    step(expire(last(), 600));
    step(applyMove(last(), { type: 'place', requestId: 2, target: 0, version: 2 }, 700));
    return states;
  }

  it('[MATCH-REPLAY-1] config + start time + log rebuild a deep-equal match', () => {
    const states = played();
    const final = states[states.length - 1] as MatchState;
    expect(final.log).toEqual([
      { type: 'place', requestId: 0, target: 12, atMs: 100 },
      { type: 'expire', requestId: 1, atMs: 600 },
      { type: 'place', requestId: 2, target: 0, atMs: 700 },
    ]);
    expect(ok(replayMatch(final.config, final.startedAtMs, final.log))).toEqual(final);
  });

  it('[MATCH-STATE-2] an older state still answers as it did: its allocator is rebuilt by replay', () => {
    const states = played();
    const s1 = states[1] as MatchState;
    const s2 = states[2] as MatchState;
    const again = ok(expire(s1, 600));
    expect(again).toEqual(s2);
    expect(again).not.toBe(s2);
  });

  it('[MATCH-STATE-1] [MATCH-STATE-2] a state read back from JSON plays on identically', () => {
    const states = played();
    const s2 = states[2] as MatchState;
    const copy = JSON.parse(JSON.stringify(s2)) as MatchState;
    expect(copy).toEqual(s2);
    const fromCopy = ok(applyMove(copy, { type: 'place', requestId: 2, target: 0, version: 2 }, 700));
    expect(fromCopy).toEqual(states[3]);
  });
});
