// The contenders of fixed-stream rounds (every built-in policy and the clairvoyant
// reference, shared/match/results.ts [MATCH-RES-3]) computed once per round config and
// shared by every seat that finishes such a round: a class of hundreds finishing
// together computes them once, not once per student, and practice games of a level
// after the first find them ready. A small least-recently-used map keyed by the config.

import { fixedStreamContenders, type Contenders } from '../../shared/match/results.ts';
import type { RoundConfig } from '../../shared/match/match.ts';

/** Round configs kept at once (a class plays a handful; practice, the curriculum's twenty). */
const LIMIT = 48;
const cache = new Map<string, Contenders | null>();

/** The shared contenders of `config`'s round, or undefined when it meets an adversary (each player's are their own). */
export function sharedContenders(config: RoundConfig): Contenders | undefined {
  const key = JSON.stringify(config);
  let value = cache.get(key);
  if (value === undefined) {
    const made = fixedStreamContenders(config, { timeline: true });
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
