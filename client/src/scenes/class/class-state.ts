// Reading the synced classroom state (server/state/classroom-state.ts) into the
// plain shapes the classroom views draw: the phase, the leaderboard, the student's
// own entry and heap, the host's player list and heap thumbnails. The inputs are
// typed structurally, so these functions run on plain objects in unit tests too.
// No game rule lives here: every number comes from the server.

import type { RegionView } from '../../../../shared/core/allocator.ts';
import type { ClassroomState } from '../../../../server/state/classroom-state.ts';
import { decodeRegions, type RegionLike } from '../../net/synced.ts';
import type { HeapHint } from '../../views/HeapView.ts';
import type { HeapLine } from '../../views/heap-line.ts';
import { lineUpAreas } from '../../../../shared/match/kind-view.ts';
import { policyLabel } from '../../../../shared/match/kinds.ts';
import { extentOf, heapBreakOf } from '../../../../shared/core/extent.ts';
import type { BoardMode, BoardRow, ClassPhase } from './class-types.ts';

export type { BoardMode, BoardRow, ClassPhase };

/** The parts of a Colyseus MapSchema (or a Map) these readers use. */
export interface MapLike<T> {
  readonly size: number;
  get(key: string): T | undefined;
  entries(): Iterable<[string, T]>;
}

export interface LeaderRowLike {
  readonly rank: number;
  readonly name: string;
  readonly score: number;
  readonly vsBest: number;
}

export interface PlayerInfoLike {
  readonly playerId: string;
  readonly nickname: string;
  readonly connected: boolean;
  readonly score: number;
  /** The score against the best policy on the same requests (shared/score SC-7): what the board ranks by. */
  readonly vsBest: number;
  readonly rank: number;
  readonly placed: number;
  readonly finished: boolean;
  /** The host's time accommodation for them (shared/match/time-allowance.ts; host only). */
  readonly timeAllowance?: string;
}

export type { RegionLike };

export interface MatchLike {
  readonly kind: string;
  readonly phase: string;
  readonly version: number;
  readonly regions: Iterable<RegionLike>;
  readonly hasPending: boolean;
  readonly pending: { readonly id: number; readonly size: number; readonly tag: string; readonly deadline: number } | undefined;
  readonly hints: Iterable<{ readonly policy: string; readonly target: number }>;
  readonly meters: { readonly placed: number; readonly total: number; readonly liveBytes: number; readonly heapBytes: number } | undefined;
}

export interface FiguresLike {
  /** The whole board (the leaderboard has its top rows). */
  readonly board?: Iterable<LeaderRowLike>;
  readonly utilizationHistogram: Iterable<number>;
  readonly heatMap: Iterable<number>;
  readonly heatMapBytes: number;
  readonly heatMapRequest: number;
}

/** The synced Projection (host only), typed structurally. */
export interface ProjectionLike {
  readonly show: string;
  readonly playerId: string;
  readonly named: boolean;
  readonly bestId: string;
  readonly worstId: string;
  readonly policy: string;
  readonly requests: number;
  readonly regions: Iterable<RegionLike>;
}

/** A host's page of the roster (host:page; shared/classroom/SPEC.md CLASS-ROSTER), typed structurally. */
export interface HostPageLike {
  readonly offset: number;
  readonly limit: number;
  readonly sort: string;
  readonly search: string;
  readonly total: number;
  readonly ids: Iterable<string>;
}

export interface ClassStateLike {
  readonly code: string;
  readonly phase: string;
  readonly roundNo: number;
  readonly roundTitle: string;
  /** The whole-round clock (round-clock.ts reads them); absent or 0 without one. */
  readonly roundDeadline?: number;
  readonly roundRemainingMs?: number;
  /** Wall time a just-started round's 3-2-1 ends (MATCH-TIME-6); 0 once it has. */
  readonly roundStartsAt?: number;
  readonly locked: boolean;
  readonly lateJoin: boolean;
  readonly leaderboardMode: string;
  readonly playerCount: number;
  /** The board's top rows (every client's). */
  readonly leaderboard: Iterable<LeaderRowLike>;
  readonly players: MapLike<PlayerInfoLike> | undefined;
  readonly heaps: MapLike<MatchLike> | undefined;
  readonly figures: FiguresLike | undefined;
  /** What the host put on the projector (host only; projection.ts reads it). */
  readonly projection?: ProjectionLike | undefined;
  /** The session's totals across its rounds (the podium's rows, SC-10). */
  readonly totals?: Iterable<{ readonly rank: number; readonly name: string; readonly total: number; readonly rounds: number }>;
  /** The podium reveal the host started (`host:podium`; podium-reveal.ts reads it). */
  readonly podium?: PodiumLike | undefined;
  /** Each host client's page of the roster, by its sessionId (a host sees only its own). */
  readonly hostPages?: MapLike<HostPageLike> | undefined;
  /** How many students have finished the round (the whole class's, whatever page a host holds). */
  readonly finishedCount?: number;
}

/** The synced podium reveal (shared/score SC-10), typed structurally. */
export interface PodiumLike {
  readonly stage: string;
  readonly count: number;
  readonly revealed: number;
  readonly rows: Iterable<{ readonly rank: number; readonly name: string; readonly total: number; readonly rounds: number }>;
}

/** The page of the roster the server gave this host: where it starts, how many the search finds, its students in order. */
export interface RosterPageView {
  readonly offset: number;
  readonly total: number;
  readonly ids: readonly string[];
}

export interface PlayerRow {
  readonly playerId: string;
  readonly nickname: string;
  readonly connected: boolean;
  readonly score: number;
  readonly vsBest: number;
  readonly rank: number;
  readonly placed: number;
  readonly finished: boolean;
}

export interface HeapThumb {
  readonly playerId: string;
  readonly name: string;
  readonly regions: readonly RegionView[];
  /** Bytes the thumbnail spans. */
  readonly extent: number;
  readonly placed: number;
  readonly total: number;
  readonly finished: boolean;
  readonly connected: boolean;
}

export interface ClassFigures {
  readonly histogram: readonly number[];
  readonly heatMap: readonly number[];
  readonly heatMapBytes: number;
  readonly heatMapRequest: number;
}

const PHASES: readonly ClassPhase[] = ['lobby', 'playing', 'paused', 'results'];
const MODES: readonly BoardMode[] = ['shown', 'hidden', 'anonymous'];

export function classPhase(state: ClassStateLike | undefined): ClassPhase {
  const phase = state?.phase;
  return PHASES.find((p) => p === phase) ?? 'lobby';
}

export function boardMode(state: ClassStateLike | undefined): BoardMode {
  const mode = state?.leaderboardMode;
  return MODES.find((m) => m === mode) ?? 'shown';
}

/** Whether a round is under way (students have a heap in front of them). */
export function isRoundOn(phase: ClassPhase): boolean {
  return phase === 'playing' || phase === 'paused';
}

/**
 * The board as the server publishes it: the whole board where the client has it (host,
 * projector), else its top rows, and then, for a student (`ownName`) ranked below them,
 * their own row from their own entry (the server sends a student only the top rows and
 * their own rank). `ownName` marks the viewer's row (never when anonymous).
 */
export function boardRows(state: ClassStateLike | undefined, ownName?: string): BoardRow[] {
  if (!state) return [];
  const anonymous = boardMode(state) === 'anonymous';
  const whole = state.figures?.board ? [...state.figures.board] : [];
  const synced = whole.length > 0 ? whole : [...state.leaderboard];
  const rows = synced.map((r) => ({
    rank: r.rank ?? 0, name: r.name ?? '', score: r.score ?? 0, vsBest: r.vsBest ?? 0, isYou: !anonymous && ownName !== undefined && r.name === ownName,
  }));
  const me = anonymous || ownName === undefined || rows.length === 0 || rows.some((r) => r.isYou) ? null : ownPlayer(state);
  if (me && me.nickname === ownName && me.rank > 0) rows.push({ rank: me.rank, name: me.nickname, score: me.score, vsBest: me.vsBest, isYou: true });
  return rows;
}

/** A student's own entry: the one player the server shows them. */
export function ownPlayer(state: ClassStateLike | undefined, playerId?: string): PlayerInfoLike | null {
  const players = state?.players;
  if (!players) return null;
  if (playerId !== undefined) return players.get(playerId) ?? null;
  for (const [, info] of players.entries()) return info;
  return null;
}

/** A student's own heap: the one match the server shows them. */
export function ownHeap(state: ClassStateLike | undefined, playerId?: string): MatchLike | null {
  const heaps = state?.heaps;
  if (!heaps) return null;
  if (playerId !== undefined && heaps.get(playerId)) return heaps.get(playerId) ?? null;
  for (const [, match] of heaps.entries()) return match;
  return null;
}

/** The synced regions as the engine's RegionView; a slab or arena heap's slabs or arenas lined up end to end. */
export function regionsOf(match: MatchLike): RegionView[] {
  return lineUpAreas(decodeRegions(match.regions));
}

/** The heap view's line, its break where the engine has it (shared/core/extent.ts); no room past it. */
export function heapLineOf(match: MatchLike): HeapLine {
  return heapLineOfRegions(regionsOf(match));
}

/** The heap view's line of regions as the engine's walker gives them. */
export function heapLineOfRegions(regions: readonly RegionView[]): HeapLine {
  const { brk, end } = heapBreakOf(regions);
  return { regions, breakAt: Math.max(1, brk), blockEnd: end, extent: Math.max(1, extentOf(regions)) };
}

/** The policies' suggestions as hint carets ("first fit" at 16); failing policies are left out. */
export function hintsOf(match: MatchLike): HeapHint[] {
  return [...match.hints].filter((h) => h.target >= 0).map((h) => ({ label: policyLabel(h.policy), address: h.target }));
}

/** This host client's page of the roster (`sessionId` is its connection's), or null before the server gave one. */
export function hostPageOf(state: ClassStateLike | undefined, sessionId: string): RosterPageView | null {
  const page = state?.hostPages?.get(sessionId);
  if (!page) return null;
  return { offset: page.offset ?? 0, total: page.total ?? 0, ids: [...(page.ids ?? [])] };
}

/**
 * The students the host's view holds: in the page's order when given (those the view does not
 * hold yet left out), else every one by nickname (case ignored), so a name is easy to find.
 */
export function playerRows(state: ClassStateLike | undefined, order?: readonly string[]): PlayerRow[] {
  const players = state?.players;
  if (!players) return [];
  const rows: PlayerRow[] = [];
  const entries: Iterable<[string, PlayerInfoLike]> = order ? order.flatMap((id) => {
    const p = players.get(id);
    return p ? [[id, p] as [string, PlayerInfoLike]] : [];
  }) : players.entries();
  for (const [, p] of entries) {
    // Schema fields the server has not written yet arrive undefined: read them as zero / false.
    rows.push({
      playerId: p.playerId, nickname: p.nickname ?? '', connected: p.connected === true, score: p.score ?? 0, vsBest: p.vsBest ?? 0, rank: p.rank ?? 0, placed: p.placed ?? 0, finished: p.finished === true,
    });
  }
  if (order) return rows;
  return rows.sort((a, b) => a.nickname.localeCompare(b.nickname, undefined, { sensitivity: 'base' }) || a.playerId.localeCompare(b.playerId));
}

/** One thumbnail per student with a heap this round, in the player list's order (the page's, when given). */
export function heapThumbs(state: ClassStateLike | undefined, order?: readonly string[]): HeapThumb[] {
  const heaps = state?.heaps;
  if (!heaps) return [];
  const thumbs: HeapThumb[] = [];
  for (const player of playerRows(state, order)) {
    const match = heaps.get(player.playerId);
    if (!match) continue;
    const regions = regionsOf(match);
    thumbs.push({
      playerId: player.playerId,
      name: player.nickname,
      regions,
      extent: Math.max(1, extentOf(regions)),
      placed: match.meters?.placed ?? 0,
      total: match.meters?.total ?? 0,
      finished: player.finished,
      connected: player.connected,
    });
  }
  return thumbs;
}

export function classFigures(state: ClassStateLike | undefined): ClassFigures {
  const f = state?.figures;
  return {
    histogram: f ? [...f.utilizationHistogram] : [],
    heatMap: f ? [...f.heatMap] : [],
    heatMapBytes: f?.heatMapBytes ?? 0,
    heatMapRequest: f?.heatMapRequest ?? 0,
  };
}

/**
 * What every board's number is (shared/score/SPEC.md SC-7), said beside it on the student's
 * panel, the host's list and the projector.
 */
export const VS_BEST_CAPTION = 'vs the best policy on the same requests';

/** A board's figure with its sign: "+12", "0", "−40" (a true minus sign, read as "minus"). */
export function figureText(vsBest: number): string {
  if (vsBest > 0) return `+${vsBest}`;
  return vsBest < 0 ? `−${-vsBest}` : '0';
}

/** "rank 2 of 5", or words for no rank yet. */
export function rankText(rank: number, of: number): string {
  return rank > 0 ? `rank ${rank} of ${Math.max(rank, of)}` : 'no rank yet';
}

/** "You: −40 vs best · rank 2 of 5" (SC-7); without the rank while the host hides the board. */
export function standingText(state: ClassStateLike | undefined, me: PlayerInfoLike | null): string {
  if (!me) return '';
  const hidden = boardMode(state) === 'hidden';
  return `You: ${figureText(me.vsBest ?? 0)} vs best${hidden ? '' : ` · ${rankText(me.rank ?? 0, state?.playerCount ?? 0)}`}`;
}

/**
 * How many lines a compact board takes so that LeaderboardView (which keeps the
 * viewer's row on its last line after a "…") shows the top `top` rows and the
 * viewer's own row: all rows when few, else `top`, one more when the viewer is
 * just below, and two more (the "…" and their row) when they are further down.
 */
export function compactBoardLines(rows: readonly BoardRow[], top = 5): number {
  if (rows.length <= top + 1) return rows.length;
  const you = rows.findIndex((r) => r.isYou);
  if (you < top) return top;
  return you === top ? top + 1 : top + 2;
}

// ---- the mirror, checked ----------------------------------------------------------------
// The readers above type the synced state structurally (so tests run them on plain
// objects). This ties them to the server's schema: if a field they read disappears or
// changes type in server/state/classroom-state.ts, `npm run typecheck` fails here.
type Holds<T extends true> = T;
export type ClassStateMirrorsServer = Holds<ClassroomState extends ClassStateLike ? true : false>;
