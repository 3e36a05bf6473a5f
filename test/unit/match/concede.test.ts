import { describe, expect, it } from 'vitest';
import { applyMove, concede, expire, replayMatch, startMatch } from '../../../shared/match/match.ts';
import { resolveRound, WARM_UP_ID } from '../../../shared/levels/rounds.ts';

const warmUp = resolveRound(WARM_UP_ID);
if (!warmUp.ok) throw new Error(warmUp.message);
/** The buddy walk-through, with no clock: alloc 2^0, alloc 2^2, free both. */
const untimed = warmUp.value.config;

describe('ending a round early', () => {
  it('[MATCH-TIME-3] concede (the old way to end early) lets the fallback place the pending request with a penalty even without a clock', () => {
    const started = startMatch(untimed, 0);
    if (!started.ok) throw new Error(started.message);
    expect(expire(started.value, 1e12)).toMatchObject({ ok: false, code: 'request/not_due' });
    let state = started.value;
    for (let i = 0; i < 2; i++) {
      const next = concede(state, 100 + i);
      if (!next.ok) throw new Error(next.message);
      state = next.value;
    }
    expect(state.finished).toBe(true);
    expect(state.totals.fallbacks).toBe(2);
    expect(state.log.map((e) => e.type)).toEqual(['expire', 'expire']);
    expect(concede(state, 200)).toMatchObject({ ok: false, code: 'match/over' });
  });

  it('[MATCH-REPLAY-1] [MATCH-TIME-3] a log with conceded requests replays to the same match', () => {
    const started = startMatch(untimed, 0);
    if (!started.ok) throw new Error(started.message);
    const placed = applyMove(started.value, { type: 'place', requestId: 0, target: 0, version: 0 }, 10);
    if (!placed.ok) throw new Error(placed.message);
    const ended = concede(placed.value, 20);
    if (!ended.ok) throw new Error(ended.message);
    const replayed = replayMatch(untimed, 0, ended.value.log);
    if (!replayed.ok) throw new Error(replayed.message);
    expect(JSON.parse(JSON.stringify(replayed.value))).toEqual(JSON.parse(JSON.stringify(ended.value)));
  });
});
