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
import { engineOf, isStopped, requestsPlayed, type MatchState } from './match.ts';
import { playResting, roundPace } from './pace.ts';
import type { RoundConfig } from './round-config.ts';
import { playClairvoyant } from './clairvoyant.ts';
import { debriefRound } from './debrief.ts';
import { playerWords } from '../score/player-words.ts';
import { fixedStream, isFixedSource } from './sources.ts';
import type { StreamEvent } from '../core/stream.ts';

export interface RoundResults {
  readonly player: ContenderResult;
  readonly policies: readonly ContenderResult[];
  /**
   * The best built-in policy by score (ties: the first listed); for a match stopped early, the
   * round's reference policy on the same part of the round ([MATCH-RES-4]).
   */
  readonly best: ContenderResult;
  readonly clairvoyant: ContenderResult;
  /**
   * [MATCH-CLAIR-3] Whether the clairvoyant scores above every built-in policy: only then is
   * it a target of its own (otherwise it is just the best policy again, and not shown apart).
   */
  readonly clairvoyantBetter: boolean;
  /** [MATCH-DEBRIEF-2] One or two sentences tying the outcome to what happened in the run. */
  readonly debrief: string;
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

/** Everyone the player is compared with: every built-in policy and the clairvoyant reference. */
export interface Contenders {
  readonly policies: readonly ContenderResult[];
  readonly clairvoyant: ContenderResult;
  /** The policy the player is measured against, when it is not simply the best listed ([MATCH-RES-4]). */
  readonly reference?: string;
}

/**
 * [MATCH-RES-3] On a fixed stream every player of the round meets the same contenders
 * (the policies play the round's stream, and so does the clairvoyant): computed once,
 * they serve every player's results. Null for a round against an adversary.
 */
export function fixedStreamContenders(config: RoundConfig, options: RunOptions = { timeline: true }): Outcome<Contenders, string> | null {
  if (!isFixedSource(config.source)) return null;
  const stream = fixedStream(config.source, config.seed);
  return stream.ok ? playContenders(config, stream.value, options) : stream;
}

/** How the results are made: with timelines or not, and for whom their words are written. */
export interface ResultsOptions extends RunOptions {
  /** [SC-11] The nickname of who played, when someone else (the host) reads the results; absent: the player reads them ("you"). */
  readonly player?: string;
}

/**
 * [MATCH-RES-1] [MATCH-RES-2] The results of a round, the player beside everyone else;
 * `contenders` from fixedStreamContenders spares computing them again for each player.
 */
export function roundResults(state: MatchState, options: ResultsOptions = { timeline: true }, contenders?: Contenders): Outcome<RoundResults, string> {
  const engine = engineOf(state);
  const player = resultOf('you', 'player', engine);
  const others = contenders ? succeed(contenders)
    : isStopped(state) ? contendersAt(state.config, requestsPlayed(state), engine.events, options)
    : playContenders(state.config, engine.events, options);
  if (!others.ok) return others;
  const { policies, clairvoyant, reference } = others.value;
  const best = policies.find((p) => p.name === reference) ?? bestOf(policies);
  const clairvoyantBetter = clairvoyant.card.score > bestOf(policies).card.score;
  return succeed({
    player: options.timeline ? player : { ...player, timeline: [] },
    policies,
    best,
    clairvoyant,
    clairvoyantBetter,
    debrief: debriefRound(state, { player, best, clairvoyant, clairvoyantBetter, who: playerWords(options.player) }),
    lowerBound: { peakLive: measureStream(engine.events).peakLive },
    relative: relativeScore(player.card.score, best.card.score),
  });
}

function playContenders(config: RoundConfig, events: readonly StreamEvent[], options: RunOptions): Outcome<Contenders, string> {
  const policies = policyResults(config, options);
  if (!policies.ok) return policies;
  const clairvoyant = playClairvoyant(config, events, options);
  if (!clairvoyant.ok) return clairvoyant;
  return succeed({ policies: policies.value, clairvoyant: clairvoyant.value });
}

/**
 * [MATCH-RES-4] The contenders of a match stopped early after `played` requests: each
 * built-in policy plays its own run of the round (the same fixed stream, or its own
 * adversary) until it has dealt with as many requests, and stops there as the player did;
 * the clairvoyant plays the `events` the player met. The reference named is the round's
 * best policy over the whole round ([MATCH-PACE-1]), as the live board measured.
 * On a fixed stream these depend only on `played`, so players stopped at the same point share them.
 */
export function contendersAt(config: RoundConfig, played: number, events: readonly StreamEvent[], options: RunOptions = { timeline: true }): Outcome<Contenders, string> {
  const pace = roundPace(config);
  if (!pace.ok) return pace;
  const policies: ContenderResult[] = [];
  for (const maker of policiesFor(config.kind)) {
    const built = buildEngine(config, options);
    if (!built.ok) return built;
    const { engine } = built.value;
    playResting(engine, policyChooser(engine, maker.create()), maker.name, (dealt) => dealt < played);
    engine.stop();
    const result = resultOf(maker.name, 'policy', engine);
    policies.push({ ...result, timeline: [...result.timeline] });
  }
  const clairvoyant = playClairvoyant(config, events, options);
  if (!clairvoyant.ok) return clairvoyant;
  return succeed({ policies, clairvoyant: clairvoyant.value, reference: pace.value.policy });
}
