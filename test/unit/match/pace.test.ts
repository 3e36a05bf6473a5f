import { describe, expect, it } from 'vitest';
import { alloc, free } from '../../../shared/core/stream.ts';
import { applyMove, hintsFor, isStopped, replayMatch, requestsPlayed, startMatch, stopMatch, type MatchState, type RoundConfig } from '../../../shared/match/match.ts';
import { referenceFor, roundPace, standingOf } from '../../../shared/match/pace.ts';
import { contendersAt, roundResults } from '../../../shared/match/results.ts';
import { resolveRound, FAIR_DUEL_ID } from '../../../shared/levels/rounds.ts';
import type { Stream } from '../../../shared/streams/schedule.ts';

/** A free list that grows by exactly what it needs: the heap is the break, so peaks are easy to work by hand. */
const exactRound = (events: Stream): RoundConfig => ({
  kind: 'freelist',
  options: { align: 1, overhead: 0, header: 0, minBlock: 1, split: true, coalesce: 'immediate', growth: 'sbrk', chunk: 1, initial: 0, limit: 1 << 20 },
  source: { source: 'events', events },
  seed: 0,
  timePerRequestMs: null,
  fallback: 'first-fit-address',
});

/**
 * Every policy plays this alike: 4 at 0, 4 at 4, free the first, 6 past the break (the
 * hole of 4 is too small: heap 14, live 10, 714 points), then 4 into the hole (14 of 14: 1000).
 */
const DIP = exactRound([alloc(0, 4), alloc(1, 4), free(0), alloc(2, 6), alloc(3, 4)]);

/**
 * Holes of 4 at 0 and of 2 at 5 (behind live blocks of 1), then requests of 2 and 4, then 1.
 * First fit by address puts the 2 at 0 and the 4 past the break (live 8, heap 12: 667), then
 * the 1 into the hole at 2 (peak live 9: 750). First fit LIFO (the first listed policy) takes the
 * hole freed last for the 2 and the other for the 4: the heap stays 8 of 8, then 9 of 9 (1000).
 */
const HOLES = exactRound([alloc(0, 4), alloc(1, 1), alloc(2, 2), alloc(3, 1), free(0), free(2), alloc(4, 2), alloc(5, 4), alloc(6, 1)]);
const ADDRESS_ORDER = [0, 4, 5, 7, 0, 8, 2];

function fairDuel(): RoundConfig {
  const round = resolveRound(FAIR_DUEL_ID);
  if (!round.ok) throw new Error(round.message);
  return round.value.config;
}

function started(config: RoundConfig): MatchState {
  const s = startMatch(config, 0);
  if (!s.ok) throw new Error(s.message);
  return s.value;
}

function placeAt(state: MatchState, target: number): MatchState {
  if (!state.pending) throw new Error('nothing pending');
  const next = applyMove(state, { type: 'place', requestId: state.pending.requestId, target, version: state.version }, 0);
  if (!next.ok) throw new Error(`${next.code}: ${next.message}`);
  return next.value;
}

function stopped(state: MatchState): MatchState {
  const next = stopMatch(state, 5);
  if (!next.ok) throw new Error(next.message);
  return next.value;
}

function paceOf(config: RoundConfig) {
  const pace = roundPace(config);
  if (!pace.ok) throw new Error(pace.message);
  return pace.value;
}

describe('the pace a class is measured against', () => {
  it('[MATCH-PACE-1] is the best policy\'s score after each number of requests dealt with, the dip included', () => {
    const pace = paceOf(DIP);
    expect(pace.policy).toBe('first-fit-lifo'); // every policy ties; the first listed is the reference
    expect(pace.scores).toEqual([1000, 1000, 1000, 714, 1000]);
  });

  it('[MATCH-PACE-1] names the policy with the best whole-round score as the reference', () => {
    const pace = paceOf(HOLES);
    expect(pace.policy).toBe('first-fit-lifo');
    expect(pace.scores).toEqual([1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000]);
  });

  it('[SC-7] [MATCH-PACE-2] a player is compared with the reference after as many requests; progress alone costs nothing', () => {
    const pace = paceOf(HOLES);
    let state = started(HOLES);
    const figures = [standingOf(pace, state)];
    for (const target of ADDRESS_ORDER) {
      state = placeAt(state, target);
      figures.push(standingOf(pace, state));
    }
    expect(figures.map((f) => f.played)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(figures.map((f) => f.score)).toEqual([1000, 1000, 1000, 1000, 1000, 1000, 667, 750]);
    expect(figures.map((f) => f.reference)).toEqual([1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000]);
    expect(figures.map((f) => f.vsBest)).toEqual([0, 0, 0, 0, 0, 0, -333, -250]);
  });

  it('[SC-7] a player at the dip stands level with the reference at the dip, not below a player who has not begun', () => {
    const pace = paceOf(DIP);
    const fresh = started(DIP);
    const atDip = placeAt(placeAt(placeAt(fresh, 0), 4), 8);
    expect(standingOf(pace, fresh)).toEqual({ played: 0, score: 1000, reference: 1000, vsBest: 0 });
    expect(standingOf(pace, atDip)).toEqual({ played: 3, score: 714, reference: 714, vsBest: 0 });
  });

  for (const [name, config] of [['a fixed stream', HOLES], ['the fair adversary', fairDuel()]] as const) {
    it(`[SC-7] [MATCH-PACE-3] on ${name}, a player who plays as the reference policy stays at 0 throughout`, () => {
      const pace = paceOf(config);
      let state = started(config);
      let steps = 0;
      while (state.pending) {
        expect(standingOf(pace, state).vsBest).toBe(0);
        const target = hintsFor(state).find((h) => h.policy === pace.policy)?.target;
        if (target === undefined || target === null) throw new Error('the reference has no spot');
        state = placeAt(state, target);
        steps++;
      }
      expect(steps).toBeGreaterThan(5);
      expect(standingOf(pace, state).vsBest).toBe(0);
    });
  }

  it('[MATCH-PACE-2] a player whose stream has ended meets the whole-round score', () => {
    const pace = paceOf(DIP);
    let state = started(DIP);
    for (const target of [0, 4, 8, 0]) state = placeAt(state, target);
    expect(state.finished).toBe(true);
    expect(referenceFor(pace, state)).toBe(1000);
  });
});

describe('ending a round early', () => {
  it('[MATCH-TIME-2] withdraws the pending request: not placed, not counted, no penalty, the match over', () => {
    const before = placeAt(placeAt(started(DIP), 0), 4);
    const after = stopped(before);
    expect(after.finished).toBe(true);
    expect(after.pending).toBeNull();
    expect(after.totals).toEqual({ requests: 2, placed: 2, failures: 0, fallbacks: 0, coalesces: 0 });
    expect(after.log[after.log.length - 1]).toEqual({ type: 'stop', atMs: 5 });
    expect(isStopped(after)).toBe(true);
    expect(requestsPlayed(after)).toBe(2);
    expect(stopMatch(after, 6)).toMatchObject({ ok: false, code: 'match/over' });
    // The state passed in is untouched.
    expect(before.finished).toBe(false);
    expect(before.pending?.requestId).toBe(2);
  });

  it('[MATCH-REPLAY-1] [MATCH-TIME-2] a stopped match replays to the same state', () => {
    const after = stopped(placeAt(started(HOLES), 0));
    const replayed = replayMatch(HOLES, 0, after.log);
    if (!replayed.ok) throw new Error(replayed.message);
    expect(JSON.parse(JSON.stringify(replayed.value))).toEqual(JSON.parse(JSON.stringify(after)));
  });

  it('[MATCH-RES-4] [SC-7] results on the part played: every policy stopped at the same point, measured against the reference', () => {
    let state = started(HOLES);
    for (const target of ADDRESS_ORDER.slice(0, 6)) state = placeAt(state, target);
    const board = standingOf(paceOf(HOLES), state);
    state = stopped(state);
    const results = roundResults(state);
    if (!results.ok) throw new Error(results.message);
    const r = results.value;
    expect(r.player.card.score).toBe(667);
    expect(r.player.totals.requests).toBe(6);
    expect(r.best.name).toBe('first-fit-lifo');
    expect(r.best.card.score).toBe(1000);
    expect(r.best.totals.requests).toBe(6);
    expect(r.policies.find((p) => p.name === 'first-fit-address')?.card.score).toBe(667);
    expect(r.policies.every((p) => p.totals.requests === 6)).toBe(true);
    // The request of 1 never came: peak live is that of the first six requests.
    expect(r.lowerBound.peakLive).toBe(8);
    expect(r.relative.delta).toBe(-333);
    expect(r.relative.delta).toBe(board.vsBest);
    expect(standingOf(paceOf(HOLES), state)).toEqual(board);
  });

  it('[MATCH-RES-4] on a fixed stream, players stopped at the same point share their contenders', () => {
    const a = stopped(placeAt(placeAt(placeAt(started(DIP), 0), 4), 8));
    const b = stopped(placeAt(placeAt(placeAt(started(DIP), 4), 0), 8));
    const shared = contendersAt(DIP, 3, [alloc(0, 4), alloc(1, 4), free(0), alloc(2, 6)]);
    if (!shared.ok) throw new Error(shared.message);
    expect(shared.value.policies.map((p) => p.card.score)).toEqual(shared.value.policies.map(() => 714));
    for (const state of [a, b]) expect(roundResults(state, { timeline: true }, shared.value)).toEqual(roundResults(state));
  });
});
