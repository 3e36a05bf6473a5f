// The contenders of fixed-stream rounds (every built-in policy and the clairvoyant
// reference, shared/match/results.ts [MATCH-RES-3]) computed once per round config and
// shared by every seat that finishes such a round: a class of hundreds finishing
// together computes them once, not once per student, and practice games of a level
// after the first find them ready. A round ended early ([MATCH-TIME-2]) is scored on the
// part each student played ([MATCH-RES-4]): on a fixed stream those contenders depend only
// on how many requests were played, so students stopped at the same point share them too.
// A small least-recently-used map keyed by the config (and the point stopped at).

import { contendersAt, fixedStreamContenders, type Contenders } from '../../shared/match/results.ts';
import { engineOf, isStopped, requestsPlayed, type MatchState } from '../../shared/match/match.ts';
import { isFixedSource } from '../../shared/match/sources.ts';

/** Entries kept at once (a class plays a handful of rounds, and an early end adds one per point stopped at; practice, the curriculum's twenty). */
const LIMIT = 160;
const cache = new Map<string, Contenders | null>();

/** The shared contenders of `match`'s round, or undefined when they are that player's own (an adversary, or an adversary round stopped early). */
export function sharedContenders(match: MatchState): Contenders | undefined {
  const config = match.config;
  const stopped = isStopped(match);
  if (stopped && !isFixedSource(config.source)) return undefined;
  const played = stopped ? requestsPlayed(match) : null;
  const key = `${JSON.stringify(config)}#${played ?? 'all'}`;
  let value = cache.get(key);
  if (value === undefined) {
    const made = played === null ? fixedStreamContenders(config, { timeline: true }) : contendersAt(config, played, engineOf(match).events, { timeline: true });
    value = made?.ok ? made.value : null;
  }
  // Most recently used last: the first key is the one to drop.
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return value ?? undefined;
}
