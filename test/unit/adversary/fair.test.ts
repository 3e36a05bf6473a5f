import { describe, it, expect } from 'vitest';
import { fairSizes } from '../../../shared/adversary/fair.ts';
import { playPolicy } from '../../../shared/match/results.ts';
import { applyMove, hintsFor, startMatch, type MatchState, type RoundConfig } from '../../../shared/match/match.ts';
import { lectureHeapConfig } from '../../../shared/freelist/index.ts';
import type { SizeDistribution } from '../../../shared/streams/sizes.ts';

const SIZES: SizeDistribution = { kind: 'uniform', min: 1, max: 64 };

/** The competitive round of the tests: sizes 1..64, a 16 KiB live budget, 6000 requests, a menu of 4. */
function fairRound(seed: number, order: 'adversary' | 'random', liveBudget = 16384, requests = 6000): RoundConfig {
  return {
    kind: 'freelist',
    options: lectureHeapConfig(null),
    source: { source: 'fair', liveBudget, requests, sizes: SIZES, menu: 4, order },
    seed,
    timePerRequestMs: null,
    fallback: 'first-fit-address',
  };
}

function fragmentation(config: RoundConfig, policy: string): number {
  const run = playPolicy(config, policy);
  if (!run.ok) throw new Error(run.message);
  expect(run.value.summary.peakLive).toBeLessThanOrEqual(16384);
  return run.value.summary.fragmentation;
}

const SEEDS = [1, 2, 3];
const ORDINARY = ['first-fit-address', 'best-fit', 'worst-fit', 'next-fit'];

describe('the fair adversary', () => {
  it('[ADV-FAIR-1] every player with the same seed gets the same multiset of sizes; the order is the seeded one', () => {
    const a = fairSizes({ requests: 50, sizes: SIZES }, 7);
    expect(fairSizes({ requests: 50, sizes: SIZES }, 7)).toEqual(a);
    // two players with different heaps still see the same multiset
    const asked = (policy: string) => {
      const config = fairRound(7, 'adversary', 256, 50);
      let s = startMatch(config, 0);
      const sizes: number[] = [];
      while (s.ok && s.value.pending) {
        const state: MatchState = s.value;
        const pending = state.pending;
        if (!pending) break;
        sizes.push(pending.size);
        const target = hintsFor(state).find((h) => h.policy === policy)?.target;
        if (target === undefined || target === null) throw new Error('no hint');
        s = applyMove(state, { type: 'place', requestId: pending.requestId, target, version: state.version }, 0);
      }
      return sizes;
    };
    const byFirst = asked('first-fit-address');
    const byWorst = asked('worst-fit');
    expect([...byFirst].sort((x, y) => x - y)).toEqual([...a].sort((x, y) => x - y));
    expect([...byWorst].sort((x, y) => x - y)).toEqual([...a].sort((x, y) => x - y));
    expect(byFirst).not.toEqual(byWorst); // the menu reacts to each heap
    expect(byFirst).not.toEqual(a); // and is not the plain order
  });

  it('[ADV-FAIR-4] the random order plays the sizes in plain seeded order', () => {
    const config = fairRound(3, 'random', 256, 40);
    let s = startMatch(config, 0);
    const sizes: number[] = [];
    while (s.ok && s.value.pending) {
      const state = s.value;
      const pending = state.pending;
      if (!pending) break;
      sizes.push(pending.size);
      const target = hintsFor(state).find((h) => h.policy === 'best-fit')?.target ?? 0;
      s = applyMove(state, { type: 'place', requestId: pending.requestId, target, version: state.version }, 0);
    }
    expect(sizes).toEqual(fairSizes({ requests: 40, sizes: SIZES }, 3));
  });

  it(`[ADV-FAIR-5] seeds ${SEEDS.join(', ')}: first, best, worst and next fit are hurt clearly more by the fair adversary than by plain random order`, () => {
    for (const policy of ORDINARY) {
      const fair = SEEDS.map((seed) => fragmentation(fairRound(seed, 'adversary'), policy));
      const plain = SEEDS.map((seed) => fragmentation(fairRound(seed, 'random'), policy));
      for (const [i, f] of fair.entries()) expect(f, `${policy} seed ${SEEDS[i]}`).toBeGreaterThan((plain[i] ?? 0) + 0.05);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(mean(fair), policy).toBeGreaterThan(1.1 * mean(plain));
    }
  }, 60_000);

  it(`[ADV-FAIR-6] seeds ${SEEDS.join(', ')}: placement skill pays — aligned fit ends with at least 20% less fragmentation than address-ordered first fit`, () => {
    for (const seed of SEEDS) {
      const aligned = fragmentation(fairRound(seed, 'adversary'), 'aligned-fit');
      const first = fragmentation(fairRound(seed, 'adversary'), 'first-fit-address');
      expect(aligned, `seed ${seed}: aligned ${aligned}, first fit ${first}`).toBeLessThanOrEqual(0.8 * first); // measured: 0.70-0.75
    }
  }, 60_000);
});
