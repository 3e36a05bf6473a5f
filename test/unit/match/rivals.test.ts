// The rivals on the play screen ([MATCH-RIVAL-1]): every built-in policy stepped along
// the same fixed stream as the player. At the stream's end each rival's figures are the
// policy's own end-of-round results; step for step, a player who always follows one
// policy's hint has that rival's utilization at every moment; adversaries have none.
import { describe, expect, it } from 'vitest';
import { applyMove, engineOf, hintsFor, startMatch, type MatchState } from '../../../shared/match/match.ts';
import { policyResults } from '../../../shared/match/results.ts';
import { Rivals } from '../../../shared/match/rivals.ts';
import { LEVELS } from '../../../shared/levels/levels.ts';
import type { RoundConfig } from '../../../shared/match/match.ts';

const fixedLevels = LEVELS.filter((l) => Rivals.of(l.config) !== null);

function started(config: RoundConfig): MatchState {
  const m = startMatch(config, 0);
  if (!m.ok) throw new Error(m.message);
  return m.value;
}

describe('rivals on the same stream [MATCH-RIVAL-1]', () => {
  it('exist for the curriculum levels with a fixed stream, of every kind', () => {
    expect(new Set(fixedLevels.map((l) => l.config.kind))).toEqual(new Set(['freelist', 'buddy', 'slab', 'arena']));
  });

  for (const level of fixedLevels) {
    it(`${level.id}: at the stream's end each rival has its policy's own results`, () => {
      const rivals = Rivals.of(level.config)!;
      const results = policyResults(level.config);
      if (!results.ok) throw new Error(results.message);
      expect(rivals.at(Number.MAX_SAFE_INTEGER)).toEqual(results.value.map((r) => ({
        policy: r.name,
        utilization: r.summary.utilization,
        failures: r.summary.failures,
      })));
    });
  }

  it('step for step: following first fit\'s hint keeps the player level with the first-fit rival', () => {
    const level = LEVELS.find((l) => l.id === 'first-fit')!;
    const rivals = Rivals.of(level.config)!;
    let m = started(level.config);
    let steps = 0;
    while (m.pending) {
      const events = engineOf(m).events.length;
      const mine = m.summary.peakHeap ? m.summary.peakLive / m.summary.peakHeap : 1;
      const firstFit = rivals.at(events).find((r) => r.policy === 'first-fit-address')!;
      expect(firstFit.utilization, `after ${events} events`).toBeCloseTo(mine, 12);
      const target = hintsFor(m).find((h) => h.policy === 'first-fit-address')?.target;
      if (target === undefined || target === null) throw new Error('first fit has no hint');
      const next = applyMove(m, { type: 'place', requestId: m.pending.requestId, target, version: m.version }, 0);
      if (!next.ok) throw new Error(next.message);
      m = next.value;
      steps++;
    }
    expect(steps).toBeGreaterThan(5);
  });

  it('never go back: asking for an earlier moment gives the figures where they stand', () => {
    const level = LEVELS.find((l) => l.id === 'first-fit')!;
    const rivals = Rivals.of(level.config)!;
    const late = rivals.at(12);
    expect(rivals.at(3)).toEqual(late);
  });

  it('do not exist against an adversary (each policy meets a stream of its own)', () => {
    const adaptive = LEVELS.find((l) => l.config.source.source === 'adaptive');
    expect(adaptive).toBeDefined();
    expect(Rivals.of(adaptive!.config)).toBeNull();
  });
});
