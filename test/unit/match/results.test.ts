import { describe, it, expect } from 'vitest';
import { runBuddy } from '../../../shared/buddy/policies.ts';
import { generatePattern } from '../../../shared/streams/patterns.ts';
import { fixedStreamContenders, playPolicy, roundResults } from '../../../shared/match/results.ts';
import { LEVELS } from '../../../shared/levels/levels.ts';
import { playClairvoyant } from '../../../shared/match/clairvoyant.ts';
import { applyMove, hintsFor, startMatch, type MatchState, type RoundConfig } from '../../../shared/match/match.ts';
import { measureStream } from '../../../shared/streams/measure.ts';
import { alloc, free, realloc } from '../../../shared/core/stream.ts';
import type { Stream } from '../../../shared/streams/schedule.ts';

const buddyRound = (events: Stream): RoundConfig => ({
  kind: 'buddy',
  options: { maxOrder: 12, minOrder: 2 },
  source: { source: 'events', events },
  seed: 0,
  timePerRequestMs: null,
  fallback: 'buddy-lowest',
});

const MIXED = (seed: number) =>
  generatePattern({ pattern: 'lifetimes', allocs: 150, sizes: { kind: 'uniform', min: 1, max: 40 }, freeAtEnd: true }, seed);

describe('results', () => {
  for (const seed of [1, 2, 3]) {
    it(`[MATCH-REQ-5] seed ${seed}: a policy run under the match rules measures what play-stream measures`, () => {
      const events = [...MIXED(seed), alloc(9000, 5), realloc(9000, 30), realloc(9000, 0), free(-1)];
      const round = buddyRound(events);
      for (const name of ['buddy-lowest', 'buddy-lifo']) {
        const ours = playPolicy(round, name);
        const theirs = runBuddy(events, name, { buddy: { maxOrder: 12, minOrder: 2 } });
        if (!ours.ok || !theirs.ok) throw new Error('refused');
        const { policy: _p, unit: _u, minOrder: _mi, maxOrder: _ma, peakInternalBytes, internalBytes: _i, freeBlocksByOrder: _f, ...summary } = theirs.value;
        expect(ours.value.summary).toEqual(summary);
        expect(ours.value.peakInternalBytes).toBe(peakInternalBytes);
      }
    });
  }

  for (const seed of [4, 5]) {
    it(`[MATCH-CLAIR-1] seed ${seed}: the clairvoyant reference is never worse than the best built-in policy`, () => {
      const events = MIXED(seed);
      const round = buddyRound(events);
      const best = Math.max(...['buddy-lowest', 'buddy-lifo'].map((n) => {
        const r = playPolicy(round, n);
        return r.ok ? r.value.card.score : -1;
      }));
      const clair = playClairvoyant(round, events);
      expect(clair.ok && clair.value.card.score).toBeGreaterThanOrEqual(best);
      expect(clair.ok && clair.value.summary.peakHeap).toBeGreaterThanOrEqual(measureStream(events).peakLive);
    });
  }

  it('[MATCH-RES-1] [MATCH-RES-2] the results put the player beside every policy, the clairvoyant and the lower bound', () => {
    const events = MIXED(6);
    let s = startMatch(buddyRound(events), 0);
    if (!s.ok) throw new Error('refused');
    let state: MatchState = s.value;
    // the player follows buddy-lifo's hints, so the player's numbers must be buddy-lifo's
    while (state.pending) {
      const target = hintsFor(state).find((h) => h.policy === 'buddy-lifo')?.target;
      if (target === undefined || target === null) throw new Error('no hint');
      s = applyMove(state, { type: 'place', requestId: state.pending.requestId, target, version: state.version }, 0);
      if (!s.ok) throw new Error(s.code);
      state = s.value;
    }
    const results = roundResults(state);
    if (!results.ok) throw new Error(results.code);
    const r = results.value;
    expect(r.policies.map((p) => p.name)).toEqual(['buddy-lowest', 'buddy-lifo']);
    const lifo = r.policies[1];
    expect(r.player.summary).toEqual(lifo?.summary);
    expect(r.player.card).toEqual(lifo?.card);
    expect(r.best.card.score).toBe(Math.max(...r.policies.map((p) => p.card.score)));
    expect(r.relative.delta).toBe(r.player.card.score - r.best.card.score);
    expect(r.clairvoyant.card.score).toBeGreaterThanOrEqual(r.best.card.score);
    expect(r.lowerBound.peakLive).toBe(measureStream(events).peakLive);
    expect(r.player.timeline).toHaveLength(events.length);
    expect(r.clairvoyant.timeline).toHaveLength(events.length);

    // [MATCH-RES-3] The same contenders, computed once for the round's fixed stream, give the same results.
    const contenders = fixedStreamContenders(state.config);
    if (!contenders?.ok) throw new Error('a fixed stream has contenders to share');
    expect(roundResults(state, { timeline: true }, contenders.value)).toEqual(results);
  });

  it('[MATCH-RES-3] a round against an adversary has no contenders to share', () => {
    const adversary = LEVELS.find((l) => l.config.source.source === 'adaptive');
    expect(adversary).toBeDefined();
    expect(fixedStreamContenders(adversary!.config)).toBeNull();
  });
});
