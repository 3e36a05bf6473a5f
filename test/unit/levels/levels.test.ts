import { describe, expect, it } from 'vitest';
import { LEVELS, findLevel, levelPar, starThresholds } from '../../../shared/levels/levels.ts';
import { playReference } from '../../../shared/levels/reference.ts';
import { engineOf, startMatch } from '../../../shared/match/match.ts';
import { resultOf } from '../../../shared/match/contenders.ts';
import { playClairvoyant } from '../../../shared/match/clairvoyant.ts';
import { policyResults } from '../../../shared/match/results.ts';
import { bestOf } from '../../../shared/match/contenders.ts';
import { buildEngine } from '../../../shared/match/build.ts';
import { starsFor } from '../../../shared/score/score.ts';
import { createPolicy, policiesFor } from '../../../shared/match/kinds.ts';
import { playOut, policyChooser } from '../../../shared/match/engine.ts';
import type { StreamEvent } from '../../../shared/core/stream.ts';

/** [LV-PLAY-2] The most identical requests (same size and tag) a level may ask for in a row. */
const MOST_IDENTICAL_IN_A_ROW = 8;

/** The longest run of allocations with the same size and tag, frees in between not breaking it. */
function longestRunOfIdenticalRequests(events: readonly StreamEvent[]): number {
  let longest = 0;
  let run = 0;
  let last: string | null = null;
  for (const event of events) {
    if (event.op === 'free') continue;
    const key = `${event.op} ${event.size} ${event.op === 'alloc' ? (event.tag ?? '') : ''}`;
    run = key === last ? run + 1 : 1;
    last = key;
    longest = Math.max(longest, run);
  }
  return longest;
}

describe('the level curriculum', () => {
  it('[LV-ORDER-1] has at least 15 levels with unique ids, found by id; unknown ids are refused', () => {
    expect(LEVELS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(LEVELS.map((l) => l.id)).size).toBe(LEVELS.length);
    expect(findLevel('best-fit')).toMatchObject({ ok: true, value: { id: 'best-fit' } });
    expect(findLevel('nope')).toMatchObject({ ok: false, code: 'level/unknown' });
    expect(LEVELS[0]?.id).toBe('bump-ramp');
    expect(LEVELS.findIndex((l) => l.id === 'first-fit')).toBeLessThan(LEVELS.findIndex((l) => l.id === 'buddy-walkthrough'));
    expect(LEVELS[LEVELS.length - 1]?.id).toBe('adaptive-boss');
  });

  it('[LV-STAR-1] puts one star at 80% of par, two at par, three a third of the way to perfect but never above the reference', () => {
    expect(starThresholds(600, 1000)).toEqual([480, 600, 734]);
    expect(starThresholds(600, 700)).toEqual([480, 600, 700]);
    expect(starThresholds(600, 600)).toEqual([480, 600, 600]);
    expect(starThresholds(1000, 1000)).toEqual([800, 1000, 1000]);
    expect(starThresholds(0, 1000)).toEqual([0, 0, 334]);
  });

  it('[LV-REF-1] refuses a reference that makes an illegal move or stops before the round ends', () => {
    const firstFit = LEVELS.find((l) => l.id === 'first-fit');
    if (!firstFit) throw new Error('the first-fit level is missing');
    expect(playReference(firstFit.config, [0, 0])).toMatchObject({ ok: false, code: 'reference/invalid' });
    expect(playReference(firstFit.config, firstFit.reference.slice(0, 2))).toMatchObject({ ok: false, code: 'reference/invalid' });
    expect(playReference(firstFit.config, [...firstFit.reference, 0])).toMatchObject({ ok: false, code: 'reference/invalid' });
  });

  for (const level of LEVELS) {
    it(`[LV-PAR-1] [LV-WIN-1] [LV-PLAY-1] ${level.id}: starts, has a par, and the best policy and the clairvoyant earn a star`, () => {
      expect(level.explanation.length).toBeGreaterThan(60);
      expect(level.tips.length).toBeGreaterThan(0);
      const started = startMatch(level.config, 0);
      expect(started.ok).toBe(true);
      const par = levelPar(level);
      if (!par.ok) throw new Error(`${par.code}: ${par.message}`);
      const policies = policyResults(level.config);
      if (!policies.ok) throw new Error(policies.message);
      const best = bestOf(policies.value);
      expect(starsFor(best.card.score, par.value.stars)).toBeGreaterThanOrEqual(1);
      const built = buildEngine(level.config);
      if (!built.ok) throw new Error(built.message);
      const engine = built.value.engine;
      while (engine.advance()) engine.failPending();
      const clairvoyant = playClairvoyant(level.config, engine.events);
      if (!clairvoyant.ok) throw new Error(clairvoyant.message);
      expect(starsFor(clairvoyant.value.card.score, par.value.stars)).toBeGreaterThanOrEqual(1);
      expect(engine.totals.requests).toBeLessThanOrEqual(level.config.source.source === 'adaptive' ? 100 : 40);
      expect(engine.totals.requests).toBeGreaterThan(0);
    });

    it(`[LV-PLAY-2] ${level.id}: asks for at most ${MOST_IDENTICAL_IN_A_ROW} identical requests in a row, whichever policy plays`, () => {
      for (const policy of policiesFor(level.config.kind)) {
        const built = buildEngine(level.config);
        if (!built.ok) throw new Error(built.message);
        const engine = built.value.engine;
        const chooser = createPolicy(level.config.kind, policy.name);
        if (!chooser.ok) throw new Error(chooser.message);
        playOut(engine, policyChooser(engine, chooser.value), policy.name);
        expect(longestRunOfIdenticalRequests(engine.events), `${level.id} under ${policy.name}`).toBeLessThanOrEqual(MOST_IDENTICAL_IN_A_ROW);
      }
    });

    it(`[LV-REF-1] [LV-STAR-1] ${level.id}: the reference solution replays to the end and earns three stars`, () => {
      const played = playReference(level.config, level.reference);
      if (!played.ok) throw new Error(played.message);
      const result = resultOf('reference', 'player', engineOf(played.value));
      const par = levelPar(level);
      if (!par.ok) throw new Error(par.message);
      expect(par.value.reference).toBe(result.card.score);
      expect(starsFor(result.card.score, par.value.stars)).toBe(3);
      expect(result.card.score).toBeGreaterThanOrEqual(par.value.score);
    });
  }
});

describe('the rounds a room can start', () => {
  it('lists the class rounds first, then every level, and resolves each to a config that starts', async () => {
    const { ROUND_CHOICES, resolveRound } = await import('../../../shared/levels/rounds.ts');
    expect(ROUND_CHOICES.slice(0, 3)).toEqual(['warm-up', 'buddy-peaks', 'fair-duel']);
    expect(ROUND_CHOICES.slice(3)).toEqual(LEVELS.map((l) => l.id));
    for (const id of ROUND_CHOICES) {
      const round = resolveRound(id);
      if (!round.ok) throw new Error(round.message);
      expect(startMatch(round.value.config, 0).ok).toBe(true);
    }
    expect(resolveRound('nope')).toMatchObject({ ok: false, code: 'level/unknown' });
  });
});
