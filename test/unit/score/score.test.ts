import { describe, it, expect } from 'vitest';
import { relativeScore, scoreOf, scoreRound, starsFor } from '../../../shared/score/score.ts';

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
});
