// A level's reference solution (SPEC [LV-REF-1]): the moves a player can make to
// reach three stars, stored with the level as plain data and replayed through the
// match rules like any player's moves. A number places the pending request at that
// target (an address, or a slab/arena id); the other moves coalesce or give back.

import { refuse, succeed, type Outcome } from '../core/outcome.ts';
import { applyMove, startMatch, type MatchState, type RoundConfig } from '../match/match.ts';

export type ReferenceMove = number | { readonly coalesce: number | null } | { readonly release: number };

/**
 * [LV-REF-1] Plays `moves` on a fresh round (the clock never runs out: every move is at
 * time 0). A move the rules refuse, or moves left over or missing at the end, is
 * `reference/invalid`: a level whose reference does not replay is a bug the tests catch.
 */
export function playReference(config: RoundConfig, moves: readonly ReferenceMove[]): Outcome<MatchState, 'reference/invalid'> {
  const started = startMatch(config, 0);
  if (!started.ok) return refuse('reference/invalid', `the round does not start: ${started.message}`);
  let state = started.value;
  for (const [i, move] of moves.entries()) {
    const next = applyMove(state, moveFor(state, move), 0);
    if (!next.ok) return refuse('reference/invalid', `reference move ${i} was refused: ${next.code}: ${next.message}`);
    state = next.value;
  }
  if (!state.finished) return refuse('reference/invalid', `the reference stops after ${moves.length} moves with request ${state.pending?.requestId ?? '?'} still waiting`);
  return succeed(state);
}

function moveFor(state: MatchState, move: ReferenceMove): Parameters<typeof applyMove>[1] {
  if (typeof move === 'number') return { type: 'place', requestId: state.pending?.requestId ?? -1, target: move, version: state.version };
  if ('coalesce' in move) return { type: 'coalesce', target: move.coalesce, version: state.version };
  return { type: 'release', target: move.release, version: state.version };
}
