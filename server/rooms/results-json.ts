// The `results` message's JSON: a finished round's results (shared/match/results.ts) with
// every timeline thinned for the wire, the replay's config and log, and any extras (a
// level's par and stars). Most of it — every built-in policy, the best one and the
// clairvoyant, each with its timeline — is the same for every student of a fixed-stream
// round (the shared contenders, contenders-cache.ts): that part is written once per
// contenders and spliced into each student's JSON, so a class of 300 finishing together
// serializes it once, not 300 times.

import type { Contenders, RoundResults } from '../../shared/match/results.ts';

/** At most this many timeline points per contender go to the client. */
const TIMELINE_POINTS = 120;

function thin<T>(points: readonly T[]): T[] {
  if (points.length <= TIMELINE_POINTS) return [...points];
  const step = points.length / TIMELINE_POINTS;
  const out: T[] = [];
  for (let i = 0; i < TIMELINE_POINTS; i++) {
    const p = points[Math.floor(i * step)];
    if (p !== undefined) out.push(p);
  }
  const last = points[points.length - 1];
  if (last !== undefined) out.push(last);
  return out;
}

type Contender = RoundResults['player'];

const thinned = (c: Contender): Contender => ({ ...c, timeline: thin(c.timeline) });

/** The contenders' part of the JSON (`"policies":…,"best":…,"clairvoyant":…`), by the contenders it was written from. */
const written = new WeakMap<Contenders, string>();

/** `r`'s policies, best and clairvoyant as JSON members, written once for `shared` when they came from it. */
function contendersMembers(r: RoundResults, shared: Contenders | undefined): string {
  const cached = shared ? written.get(shared) : undefined;
  if (cached !== undefined) return cached;
  const members = JSON.stringify({ policies: r.policies.map(thinned), best: thinned(r.best), clairvoyant: thinned(r.clairvoyant) }).slice(1, -1);
  if (shared) written.set(shared, members);
  return members;
}

/**
 * The results message for one player: `results` (computed with `shared` contenders, or its
 * own when undefined) thinned, with `extras` (the replay, a level's par and stars) beside them.
 */
export function resultsJson(results: RoundResults, shared: Contenders | undefined, extras: Readonly<Record<string, unknown>>): string {
  const { policies: _policies, best: _best, clairvoyant: _clairvoyant, ...own } = results;
  const ownJson = JSON.stringify({ ...own, player: thinned(results.player), ...extras });
  return `{${contendersMembers(results, shared)},${ownJson.slice(1)}`;
}
