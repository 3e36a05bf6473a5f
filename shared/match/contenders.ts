// A contender's result: what a player, a built-in policy or the clairvoyant
// reference did in a round, read from its engine and scored by shared/score.

import type { MetricsSummary, TimelinePoint } from '../core/metrics.ts';
import { invariant } from '../core/outcome.ts';
import { scoreRound, type ScoreCard } from '../score/score.ts';
import type { EngineTotals, RoundEngine } from './engine.ts';

export interface ContenderResult {
  /** 'you', a policy's name, or 'clairvoyant'. */
  readonly name: string;
  readonly role: 'player' | 'policy' | 'clairvoyant';
  readonly summary: MetricsSummary;
  readonly totals: EngineTotals;
  readonly card: ScoreCard;
  readonly peakInternalBytes: number;
  /** One point per stream event (empty when not asked for). */
  readonly timeline: readonly TimelinePoint[];
}

export interface RunOptions {
  readonly timeline?: boolean;
}

/** Reads a finished (or unfinished) engine into a result. */
export function resultOf(name: string, role: ContenderResult['role'], engine: RoundEngine): ContenderResult {
  const summary = engine.summary();
  const totals = engine.totals;
  return {
    name,
    role,
    summary,
    totals,
    card: scoreRound({ peakLive: summary.peakLive, peakHeap: summary.peakHeap, failures: totals.failures, fallbacks: totals.fallbacks }),
    peakInternalBytes: engine.peakInternalBytes,
    timeline: engine.timeline ?? [],
  };
}

/** The highest score; ties go to the first listed. */
export function bestOf(results: readonly ContenderResult[]): ContenderResult {
  const [first, ...rest] = results;
  invariant(first, 'bestOf needs at least one result');
  return rest.reduce((best, r) => (r.card.score > best.card.score ? r : best), first);
}
