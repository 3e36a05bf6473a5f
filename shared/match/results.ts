// End-of-round results (SPEC §Results): the player beside every built-in policy of
// the kind and the clairvoyant reference, each played under the same rules on the
// same source and seed, with score cards and timelines; and the lower bound.

import type { Policy } from '../core/allocator.ts';
import { refuse, succeed, type Outcome } from '../core/outcome.ts';
import { relativeScore, type RelativeScore } from '../score/score.ts';
import { measureStream } from '../streams/measure.ts';
import { playOut, policyChooser } from './engine.ts';
import { buildEngine } from './build.ts';
import { bestOf, resultOf, type ContenderResult, type RunOptions } from './contenders.ts';
import { createPolicy, policiesFor } from './kinds.ts';
import { engineOf, type MatchState, type RoundConfig } from './match.ts';
import { playClairvoyant } from './clairvoyant.ts';

export interface RoundResults {
  readonly player: ContenderResult;
  readonly policies: readonly ContenderResult[];
  /** The best built-in policy by score (ties: the first listed). */
  readonly best: ContenderResult;
  readonly clairvoyant: ContenderResult;
  /** Peak live bytes of the stream the player faced: no heap can be smaller. */
  readonly lowerBound: { readonly peakLive: number };
  readonly relative: RelativeScore;
}

/** [MATCH-RES-1] The named built-in policy plays the whole round by itself. */
export function playPolicy(config: RoundConfig, policyName: string, options: RunOptions = {}): Outcome<ContenderResult, string> {
  const policy = createPolicy(config.kind, policyName);
  if (!policy.ok) return policy;
  return playWith(config, policy.value, options);
}

/** Any policy (built-in or not) plays the whole round by itself. */
export function playWith(config: RoundConfig, policy: Policy, options: RunOptions = {}): Outcome<ContenderResult, string> {
  const built = buildEngine(config, options);
  if (!built.ok) return built;
  const { engine } = built.value;
  playOut(engine, policyChooser(engine, policy), policy.name);
  return succeed(resultOf(policy.name, 'policy', engine));
}

/** [MATCH-RES-1] Every built-in policy of the round's kind, in the registry's order. */
export function policyResults(config: RoundConfig, options: RunOptions = {}): Outcome<ContenderResult[], string> {
  const results: ContenderResult[] = [];
  for (const maker of policiesFor(config.kind)) {
    const played = playWith(config, maker.create(), options);
    if (!played.ok) return played;
    results.push(played.value);
  }
  return results.length > 0 ? succeed(results) : refuse('policy/unknown', `the ${config.kind} kind has no built-in policies`);
}

/** [MATCH-RES-1] [MATCH-RES-2] The results of a round, the player beside everyone else. */
export function roundResults(state: MatchState, options: RunOptions = { timeline: true }): Outcome<RoundResults, string> {
  const engine = engineOf(state);
  const player = resultOf('you', 'player', engine);
  const policies = policyResults(state.config, options);
  if (!policies.ok) return policies;
  const best = bestOf(policies.value);
  const clairvoyant = playClairvoyant(state.config, engine.events, options);
  if (!clairvoyant.ok) return clairvoyant;
  return succeed({
    player: options.timeline ? player : { ...player, timeline: [] },
    policies: policies.value,
    best,
    clairvoyant: clairvoyant.value,
    lowerBound: { peakLive: measureStream(engine.events).peakLive },
    relative: relativeScore(player.card.score, best.card.score),
  });
}
