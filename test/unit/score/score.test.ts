import { describe, it, expect } from 'vitest';
import { relativeScore, scoreRound, scoreTerms, starsFor, type ScoreInput } from '../../../shared/score/score.ts';
import { playerWords } from '../../../shared/score/player-words.ts';

const scoreOf = (input: ScoreInput): number => scoreRound(input).score;
import { createPrng, nextInt } from '../../../shared/core/prng.ts';

describe('score', () => {
  it('[SC-1] points are 1000 × peak live / peak heap, rounded', () => {
    expect(scoreRound({ peakLive: 192, peakHeap: 256, failures: 0, fallbacks: 0 })).toEqual({
      score: 750, points: 750, failurePenalty: 0, fallbackPenalty: 0, utilization: 0.75,
    });
    expect(scoreOf({ peakLive: 2, peakHeap: 3, failures: 0, fallbacks: 0 })).toBe(667);
    expect(scoreOf({ peakLive: 0, peakHeap: 0, failures: 0, fallbacks: 0 })).toBe(1000);
  });

  it('[SC-2] [SC-3] [SC-4] failures cost 100, fallbacks 25, never below 0', () => {
    // best fit gone wrong: 99-byte heap, 99 live at the peak, one failure
    expect(scoreOf({ peakLive: 99, peakHeap: 99, failures: 1, fallbacks: 0 })).toBe(900);
    expect(scoreRound({ peakLive: 50, peakHeap: 100, failures: 1, fallbacks: 2 })).toMatchObject({
      score: 350, points: 500, failurePenalty: 100, fallbackPenalty: 50,
    });
    expect(scoreOf({ peakLive: 10, peakHeap: 100, failures: 3, fallbacks: 0 })).toBe(0);
  });

  it('[SC-5] relative to the best built-in policy', () => {
    expect(relativeScore(600, 800)).toEqual({ delta: -200, ratio: 0.75 });
    expect(relativeScore(900, 800)).toEqual({ delta: 100, ratio: 1.125 });
    expect(relativeScore(0, 0)).toEqual({ delta: 0, ratio: 1 });
  });

  it('[SC-6] stars count the thresholds reached', () => {
    const t = [500, 700, 900] as const;
    expect([499, 500, 699, 700, 900, 1000].map((s) => starsFor(s, t))).toEqual([0, 1, 1, 2, 3, 3]);
  });

  it('[SC-9] the terms of a score sum to it, whatever the figures (seed 9)', () => {
    const prng = createPrng(9);
    for (let i = 0; i < 2000; i++) {
      const peakHeap = nextInt(prng, 0, 4096);
      const input: ScoreInput = { peakHeap, peakLive: nextInt(prng, 0, peakHeap), failures: nextInt(prng, 0, 12), fallbacks: nextInt(prng, 0, 40) };
      const terms = scoreTerms(input);
      expect(terms.reduce((sum, t) => sum + t.points, 0), JSON.stringify(input)).toBe(scoreOf(input));
      expect(terms.some((t) => t.term === 'floor')).toBe(scoreRound(input).points < 100 * input.failures + 25 * input.fallbacks);
    }
  });

  it('[SC-9] each term says its figures: utilization from the peaks, each penalty with its count', () => {
    expect(scoreTerms({ peakLive: 50, peakHeap: 100, failures: 1, fallbacks: 2 })).toEqual([
      { term: 'utilization', points: 500, text: '500 for utilization: 1000 × 50 B peak live ÷ 100 B peak heap (50%)' },
      { term: 'failures', points: -100, count: 1, text: '−100 for 1 failed malloc (100 each)' },
      { term: 'fallbacks', points: -50, count: 2, text: '−50 for 2 placements made for you when time ran out (25 each)' },
    ]);
    // Penalties past the points: the floor lifts the score back to 0.
    expect(scoreTerms({ peakLive: 10, peakHeap: 100, failures: 3, fallbacks: 0 }).map((t) => [t.term, t.points])).toEqual([
      ['utilization', 100], ['failures', -300], ['fallbacks', 0], ['floor', 200],
    ]);
  });

  it('[SC-11] the terms name who played: "you" for the player, the nickname for the host watching them', () => {
    const input: ScoreInput = { peakLive: 50, peakHeap: 100, failures: 0, fallbacks: 1 };
    expect(scoreTerms(input).find((t) => t.term === 'fallbacks')?.text).toBe('−25 for 1 placement made for you when time ran out (25 each)');
    const watched = scoreTerms(input, playerWords('Ada'));
    expect(watched.find((t) => t.term === 'fallbacks')?.text).toBe('−25 for 1 placement made for Ada when time ran out (25 each)');
    expect(watched.map((t) => t.text).join(' ')).not.toMatch(/\byou\b/i);
    expect(watched.map((t) => t.points)).toEqual(scoreTerms(input).map((t) => t.points));
  });

  it('[SC-11] the player\'s words: second person with no nickname (or a blank one), third person with one', () => {
    expect(playerWords()).toEqual({ name: 'you', Name: 'You', possessive: 'your', Possessive: 'Your', are: 'are' });
    expect(playerWords('  ')).toEqual(playerWords());
    expect(playerWords('Grace Hopper')).toEqual({ name: 'Grace Hopper', Name: 'Grace Hopper', possessive: "Grace Hopper's", Possessive: "Grace Hopper's", are: 'is' });
  });
});
