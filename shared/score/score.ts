// The one score function (DESIGN §2.4), the same for a human and for every
// built-in policy: utilization in points, minus penalties for failed requests and
// for requests the round's fallback policy had to place. Also the score relative
// to the best built-in policy on the same stream. Rules: shared/score/SPEC.md.

import { utilization } from '../core/metrics.ts';
import { playerWords, type PlayerWords } from './player-words.ts';

/** What a round's play produced, as the score reads it. */
export interface ScoreInput {
  readonly peakLive: number;
  readonly peakHeap: number;
  /** Requests that could not be met. */
  readonly failures: number;
  /** Requests placed by the fallback policy because the player ran out of time. */
  readonly fallbacks: number;
}

export interface ScoreCard {
  /** The score: points − penalties, never below 0. */
  readonly score: number;
  /** round(1000 × utilization). */
  readonly points: number;
  readonly failurePenalty: number;
  readonly fallbackPenalty: number;
  readonly utilization: number;
}

/** [SC-1] points for full utilization. */
export const MAX_POINTS = 1000;
/** [SC-2] points lost per failed request. */
export const FAILURE_PENALTY = 100;
/** [SC-3] points lost per request the fallback policy placed. */
export const FALLBACK_PENALTY = 25;

/** [SC-1..4] The score and its parts. */
export function scoreRound(input: ScoreInput): ScoreCard {
  const u = utilization(input.peakLive, input.peakHeap);
  const points = Math.round(MAX_POINTS * u);
  const failurePenalty = FAILURE_PENALTY * input.failures;
  const fallbackPenalty = FALLBACK_PENALTY * input.fallbacks;
  return { score: Math.max(0, points - failurePenalty - fallbackPenalty), points, failurePenalty, fallbackPenalty, utilization: u };
}

/** One term of a score, as the results screen lists it: signed points and the figures behind them. */
export interface ScoreTerm {
  readonly term: 'utilization' | 'failures' | 'fallbacks' | 'floor';
  /** Points this term adds (negative: a penalty). The terms of a score sum to it. */
  readonly points: number;
  /** What the term counts: failed requests, fallback placements (absent for utilization and the floor). */
  readonly count?: number;
  /** In words, with the round's figures. */
  readonly text: string;
}

/**
 * [SC-9] The score broken into its terms, from the one score function: utilization points,
 * each penalty with its count, and, when the penalties would take the score below 0, the
 * floor that lifts it back. The terms' points sum to the score. [SC-11] `who` played: the
 * reader by default ("made for you"), or a student the host watches ("made for Ada").
 */
export function scoreTerms(input: ScoreInput, who: PlayerWords = playerWords()): ScoreTerm[] {
  const card = scoreRound(input);
  const percent = Math.round(card.utilization * 1000) / 10;
  const terms: ScoreTerm[] = [
    {
      term: 'utilization',
      points: card.points,
      text: input.peakHeap === 0
        ? `${card.points} for utilization: the heap never held a byte`
        : `${card.points} for utilization: ${MAX_POINTS} × ${input.peakLive} B peak live ÷ ${input.peakHeap} B peak heap (${percent}%)`,
    },
    {
      term: 'failures',
      points: 0 - card.failurePenalty,
      count: input.failures,
      text: `−${card.failurePenalty} for ${input.failures} failed malloc${input.failures === 1 ? '' : 's'} (${FAILURE_PENALTY} each)`,
    },
    {
      term: 'fallbacks',
      points: 0 - card.fallbackPenalty,
      count: input.fallbacks,
      text: `−${card.fallbackPenalty} for ${input.fallbacks} placement${input.fallbacks === 1 ? '' : 's'} made for ${who.name} when time ran out (${FALLBACK_PENALTY} each)`,
    },
  ];
  const below = card.points - card.failurePenalty - card.fallbackPenalty;
  if (below < 0) terms.push({ term: 'floor', points: -below, text: `+${-below}: a score never goes below 0` });
  return terms;
}

export interface RelativeScore {
  /** score − best built-in score (negative: behind the best policy). */
  readonly delta: number;
  /** score / best built-in score (1 when both are 0). */
  readonly ratio: number;
}

/** [SC-5] A score against the best built-in policy's score on the same stream. */
export function relativeScore(score: number, bestBuiltIn: number): RelativeScore {
  return { delta: score - bestBuiltIn, ratio: bestBuiltIn === 0 ? (score === 0 ? 1 : Infinity) : score / bestBuiltIn };
}

/** [SC-6] Stars earned: how many of the three ascending thresholds the score reaches. */
export function starsFor(score: number, thresholds: readonly [number, number, number]): 0 | 1 | 2 | 3 {
  return thresholds.filter((t) => score >= t).length as 0 | 1 | 2 | 3;
}
