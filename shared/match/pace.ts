// The pace a live class is measured against (SPEC [MATCH-PACE-1..3], shared/score/SPEC.md
// [SC-7]): the round's reference policy — the built-in policy with the best score over the
// whole round — and its score at every point of the round, indexed by how many requests it
// has dealt with. A student who has dealt with d requests is compared with the reference's
// score after the same d requests, so a student far into the stream and one who has just
// begun stand on the same footing. Computed once per round; every student reads it.

import { invariant, succeed, type Outcome } from '../core/outcome.ts';
import { relativeScore, scoreRound } from '../score/score.ts';
import { buildEngine } from './build.ts';
import { policyChooser, type Chooser, type RoundEngine } from './engine.ts';
import { policiesFor } from './kinds.ts';
import { isStopped, requestsPlayed, type MatchState } from './match.ts';
import type { RoundConfig } from './round-config.ts';

export interface RoundPace {
  /** The reference: the built-in policy with the best score over the whole round (ties: the first listed). */
  readonly policy: string;
  /**
   * [MATCH-PACE-1] Entry d: the reference's score once it has dealt with d requests, resting
   * before its next one (frees in between done). The last entry is its score over the whole round.
   */
  readonly scores: readonly number[];
}

/** Where a player stands against the pace ([SC-7]). */
export interface Standing {
  /** Requests the player has dealt with. */
  readonly played: number;
  /** The player's score on the part played ([SC-1..4]). */
  readonly score: number;
  /** The reference policy's score on the same part. */
  readonly reference: number;
  /** score − reference: 0 plays as well as the round's best policy, above 0 better. */
  readonly vsBest: number;
}

/** [MATCH-PACE-1] Every built-in policy plays the round by itself; the best one's scores are the pace. */
export function roundPace(config: RoundConfig): Outcome<RoundPace, string> {
  let pace: RoundPace | null = null;
  for (const maker of policiesFor(config.kind)) {
    const built = buildEngine(config);
    if (!built.ok) return built;
    const { engine } = built.value;
    const scores: number[] = [];
    playResting(engine, policyChooser(engine, maker.create()), maker.name, (played, score) => {
      while (scores.length <= played) scores.push(score);
      return true;
    });
    if (pace === null || finalOf(scores) > finalOf(pace.scores)) pace = { policy: maker.name, scores };
  }
  invariant(pace !== null, `the ${config.kind} kind has no built-in policies`);
  return succeed(pace);
}

/**
 * [MATCH-PACE-2] The reference's score at the point a player has reached: after the same
 * number of requests; a player whose stream has ended (not stopped early) meets the
 * reference's score over the whole round, as the end-of-round results do.
 */
export function referenceFor(pace: RoundPace, state: MatchState): number {
  if (state.finished && !isStopped(state)) return finalOf(pace.scores);
  const scores = pace.scores;
  return scores[Math.min(requestsPlayed(state), scores.length - 1)] ?? finalOf(scores);
}

/** [SC-7] A player's score on the part played, against the reference's on the same part. */
export function standingOf(pace: RoundPace, state: MatchState): Standing {
  const score = scoreRound({ peakLive: state.summary.peakLive, peakHeap: state.summary.peakHeap, failures: state.totals.failures, fallbacks: state.totals.fallbacks }).score;
  const reference = referenceFor(pace, state);
  return { played: requestsPlayed(state), score, reference, vsBest: relativeScore(score, reference).delta };
}

/**
 * Plays `engine` with `choose`, calling `atRest(played, score)` each time it rests: before
 * each request is dealt with and at the end. `atRest` returns false to leave the engine
 * resting there (its pending request unplayed).
 */
export function playResting(engine: RoundEngine, choose: Chooser, name: string, atRest: (played: number, score: number) => boolean): void {
  for (let request = engine.advance(); ; request = engine.advance()) {
    if (!atRest(engine.totals.requests - (request ? 1 : 0), engineScore(engine)) || !request) return;
    const target = choose(engine.allocator, request);
    if (target === null) engine.failPending();
    else {
      const placed = engine.place(target);
      invariant(placed.ok, `${name} chose ${target} for request ${request.requestId} and was refused`);
    }
  }
}

function engineScore(engine: RoundEngine): number {
  const { peakLive, peakHeap } = engine.summary();
  const { failures, fallbacks } = engine.totals;
  return scoreRound({ peakLive, peakHeap, failures, fallbacks }).score;
}

function finalOf(scores: readonly number[]): number {
  const last = scores[scores.length - 1];
  invariant(last !== undefined, 'a pace has at least the score before the first request');
  return last;
}
