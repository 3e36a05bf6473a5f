// What the projector shows and the heaps it puts on the wall, read from the synced class
// state (the host's `host:project` choice, server/rooms/class-projection.ts): the screen
// (the join code, the board, the podium, one student's heap, the best and the worst beside
// a built-in policy's, the class figures), and each heap as a labelled address line. All
// heaps of a comparison share one scale, so a taller heap is a longer line. Pure: plain
// objects in, plain data out; every number comes from the server.

import { lineUpAreas } from '../../../../shared/match/kind-view.ts';
import { policyLabel } from '../../../../shared/match/kinds.ts';
import { decodeRegions } from '../../net/synced.ts';
import type { HeapLine } from '../../views/heap-line.ts';
import { podiumOn } from './podium-reveal.ts';
import { boardMode, classPhase, figureText, heapLineOf, heapLineOfRegions, isRoundOn, playerRows, type ClassStateLike, type PlayerRow, type ProjectionLike } from './class-state.ts';

export type ProjectionShow = 'board' | 'heap' | 'compare' | 'figures';
const SHOWS: readonly ProjectionShow[] = ['board', 'heap', 'compare', 'figures'];

/** What the projector's screen is: a problem, the lobby's join screen, the board, the podium, the session's podium reveal, or what the host put up. */
export type WallScreen = 'problem' | 'join' | 'board' | 'podium' | 'reveal' | 'heap' | 'compare' | 'figures';

/** One heap on the wall: who it is, a line under the name, and the address line. */
export interface WallHeap {
  readonly label: string;
  readonly caption: string;
  readonly line: HeapLine;
}

/** The host's choice, the board when unknown. */
export function projectionShow(state: ClassStateLike | undefined): ProjectionShow {
  const show = state?.projection?.show;
  return SHOWS.find((s) => s === show) ?? 'board';
}

/**
 * The projector's screen. What the host put up shows once there is something to show
 * (the student's heap this round, a round for the comparison and the figures); before,
 * and for the board, the screen follows the round: join code, board, podium. The podium
 * reveal the host started (`host:podium`) shows between rounds over any of these.
 */
export function wallScreen(state: ClassStateLike | undefined, problem: boolean): WallScreen {
  if (problem) return 'problem';
  const phase = classPhase(state);
  if (podiumOn(state) && !isRoundOn(phase)) return 'reveal';
  const show = projectionShow(state);
  const played = (state?.roundNo ?? 0) > 0;
  if (show === 'heap' && state?.heaps?.get(state.projection?.playerId ?? '')) return 'heap';
  if ((show === 'compare' || show === 'figures') && played) return show;
  if (isRoundOn(phase)) return 'board';
  return phase === 'results' ? 'podium' : 'join';
}

function rowOf(state: ClassStateLike | undefined, playerId: string): PlayerRow | undefined {
  return playerRows(state).find((p) => p.playerId === playerId);
}

/** "3 of 8 requests placed" or "done: 8 requests". */
function progressText(state: ClassStateLike, playerId: string): string {
  const meters = state.heaps?.get(playerId)?.meters;
  const placed = meters?.placed ?? 0;
  const total = meters?.total ?? 0;
  return rowOf(state, playerId)?.finished ? `done: ${placed} placed` : `${placed} placed of ${total} so far`;
}

/** A student's heap as the host put it up: named, or "A student" (never a name the host chose to hide). */
export function spotlightHeap(state: ClassStateLike | undefined, playerId: string, named: boolean): WallHeap | null {
  const match = state?.heaps?.get(playerId);
  if (!state || !match) return null;
  const row = rowOf(state, playerId);
  const label = named && row ? `${row.nickname}'s heap` : "A student's heap";
  const standing = row && row.rank > 0 ? ` · ${figureText(row.vsBest)} vs best` : '';
  return { label, caption: `${progressText(state, playerId)}${standing}`, line: heapLineOf(match) };
}

/** The reference policy's heap from the Projection: what it is after as many requests as the best student. */
function referenceHeap(projection: ProjectionLike): WallHeap | null {
  if (!projection.policy) return null;
  return {
    label: `${policyLabel(projection.policy)} on the same round`,
    caption: `after ${projection.requests} ${projection.requests === 1 ? 'request' : 'requests'}`,
    line: heapLineOfRegions(lineUpAreas(decodeRegions(projection.regions))),
  };
}

/**
 * [Show on projector: best and worst] The class's best and worst heaps (one when they are the
 * same student) and the reference policy's, on one scale. Names as the leaderboard shows them:
 * "Best student" and "Worst student" while the board is anonymous or hidden.
 */
export function comparisonHeaps(state: ClassStateLike | undefined): WallHeap[] {
  const projection = state?.projection;
  if (!state || !projection) return [];
  const named = boardMode(state) === 'shown';
  const heaps: WallHeap[] = [];
  const ids = projection.bestId === projection.worstId ? [['Best', projection.bestId]] : [['Best', projection.bestId], ['Worst', projection.worstId]];
  for (const [which, id] of ids) {
    const heap = id ? spotlightHeap(state, id, named) : null;
    if (!heap) continue;
    heaps.push({ ...heap, label: named ? `${which}: ${heap.label.replace(/'s heap$/, '')}` : `${which} student` });
  }
  const reference = referenceHeap(projection);
  if (reference) heaps.push(reference);
  const extent = Math.max(1, ...heaps.map((h) => h.line.extent ?? h.line.breakAt));
  return heaps.map((h) => ({ ...h, line: { ...h.line, extent } }));
}
