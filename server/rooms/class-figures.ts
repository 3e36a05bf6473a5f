// The class-wide pictures a classroom publishes, as pure functions of the players'
// figures: each student's standing from their match, the ranked leaderboard as the
// host shows it, the utilization histogram, and the heat map of where the class put
// the most recent request. No Colyseus here: the room copies the answers into state.

import { rankByScore, rankPlayed } from '../../shared/score/rank.ts';
import { countsTowardTotal } from '../../shared/score/podium.ts';
import { requestsPlayed, type MatchState } from '../../shared/match/match.ts';
import { standingOf as paceStanding, type RoundPace } from '../../shared/match/pace.ts';

/** How the host shows the leaderboard. */
export type BoardMode = 'shown' | 'hidden' | 'anonymous';

/** Rows the board shows at most (the host's and the projector's). */
export const BOARD_ROWS = 50;
/**
 * Rows of the board every student is sent: what a student's screen shows of it (the top
 * few; their own rank and figure are in their own PlayerInfo). All fifty went to every
 * student, about 400 bytes a second each in a class of 300.
 */
export const SHARED_BOARD_ROWS = 5;
/** Bins of the heat map over the class's address range. */
export const HEAT_BINS = 32;
/** Bins of the utilization histogram: deciles. */
const DECILES = 10;

/** A student's figures in the current (or last) round, as the board and the host see them. */
export interface Standing {
  /** The score on the part played (shared/score SC-1..4). */
  readonly score: number;
  /** The score against the round's pace on the same part (SC-7): what the board ranks by. */
  readonly vsBest: number;
  /** Requests dealt with: a student with none is not ranked (SC-8). */
  readonly played: number;
  readonly utilization: number;
  readonly failures: number;
  readonly placed: number;
  readonly finished: boolean;
}

/** A student's standing from their match, against the round's pace (none: the figure stays 0). */
export function standingOf(match: MatchState, pace: RoundPace | null): Standing {
  const standing = pace ? paceStanding(pace, match) : null;
  return {
    score: standing?.score ?? 0,
    vsBest: standing?.vsBest ?? 0,
    played: requestsPlayed(match),
    utilization: match.summary.utilization,
    failures: match.totals.failures,
    placed: match.totals.placed,
    finished: match.finished,
  };
}

export interface BoardEntry {
  readonly playerId: string;
  readonly nickname: string;
  readonly score: number;
  readonly vsBest: number;
  readonly played: number;
}

export interface BoardRow {
  readonly rank: number;
  /** The nickname, or "Player N" when the board is anonymous. */
  readonly name: string;
  readonly score: number;
  readonly vsBest: number;
}

/**
 * Ranks the players who have played by their figure against the pace (SC-7, SC-8: equal
 * figures share a rank, ties listed by name; a player who has not played has no rank) and
 * the rows the board shows: the first 50, none when hidden, "Player N" when anonymous.
 */
export function classBoard(entries: readonly BoardEntry[], mode: BoardMode): { readonly ranks: ReadonlyMap<string, number>; readonly rows: readonly BoardRow[] } {
  const ranked = rankPlayed(entries, (e) => e.vsBest, (e) => e.nickname, (e) => e.played);
  const ranks = new Map(ranked.map(({ entry, rank }) => [entry.playerId, rank]));
  const shown = mode === 'hidden' ? [] : ranked.slice(0, BOARD_ROWS);
  const rows = shown.map(({ entry, rank }, i) => ({ rank, name: mode === 'anonymous' ? `Player ${i + 1}` : entry.nickname, score: entry.score, vsBest: entry.vsBest }));
  return { ranks, rows };
}

/** One student's stored result in one round, as the session's totals read it. */
export interface RoundScore {
  readonly playerId: string;
  readonly nickname: string;
  readonly score: number;
  /** Requests dealt with (unknown in results stored before they were counted). */
  readonly played?: number;
}

/** A row of the session's totals: the podium's. */
export interface TotalRow {
  readonly rank: number;
  readonly name: string;
  /** The sum of the student's scores over the session's finished rounds (the CSV's `total`). */
  readonly total: number;
  /** How many of the session's rounds the student has a result in. */
  readonly rounds: number;
}

/** One student's sum over the session's finished rounds: what the room keeps between rounds, one entry a student. */
export interface PlayerTotal {
  readonly nickname: string;
  readonly total: number;
  /** How many rounds the sum has a result from. */
  readonly rounds: number;
}

/**
 * Each student's scores summed over the rounds they played a request in ([SC-10]: sitting
 * through a round scores nothing), by playerId: one entry a student however many rounds
 * the session has played, so a room holds the sums, not every round's results.
 */
export function sumByPlayer(results: Iterable<RoundScore>): Map<string, PlayerTotal> {
  const byPlayer = new Map<string, PlayerTotal>();
  for (const r of results) {
    if (!countsTowardTotal(r.played)) continue;
    const sum = byPlayer.get(r.playerId) ?? { nickname: r.nickname, total: 0, rounds: 0 };
    byPlayer.set(r.playerId, { nickname: r.nickname || sum.nickname, total: sum.total + r.score, rounds: sum.rounds + 1 });
  }
  return byPlayer;
}

/**
 * The session's totals across its finished rounds (`sumByPlayer`), ranked (equal totals
 * share a rank: ties are ties, [SC-8]'s ranking), at most BOARD_ROWS rows, shown as the
 * leaderboard is (hidden: none; anonymous: "Player N").
 */
export function classTotals(totals: ReadonlyMap<string, PlayerTotal>, mode: BoardMode): TotalRow[] {
  if (mode === 'hidden') return [];
  const ranked = rankByScore([...totals.values()], (e) => e.total, (e) => e.nickname).slice(0, BOARD_ROWS);
  return ranked.map(({ entry, rank }, i) => ({ rank, name: mode === 'anonymous' ? `Player ${i + 1}` : entry.nickname, total: entry.total, rounds: entry.rounds }));
}

/** Players per utilization decile (0-10%, …, 90-100%; 100% counts in the last). */
export function utilizationHistogram(utilizations: Iterable<number>): number[] {
  const histogram = new Array<number>(DECILES).fill(0);
  for (const u of utilizations) {
    const decile = Math.max(0, Math.min(DECILES - 1, Math.floor(u * DECILES)));
    histogram[decile] = (histogram[decile] ?? 0) + 1;
  }
  return histogram;
}

/** Where each student put the most recent request: what the heat map shows. */
export class Heat {
  private request = -1;
  private readonly targets = new Map<string, number>();

  /** The request shown; -1 before any. */
  get requestId(): number {
    return this.request;
  }

  /** A student put `requestId` at `target`: a newer request starts afresh, an older one changes nothing. */
  note(playerId: string, requestId: number, target: number): void {
    if (requestId < this.request) return;
    if (requestId > this.request) {
      this.request = requestId;
      this.targets.clear();
    }
    this.targets.set(playerId, target);
  }

  /** Where the students put the request shown. */
  places(): IterableIterator<number> {
    return this.targets.values();
  }
}

/** The heat map: the targets counted in 32 bins over [0, extent) (extent at least 1); a target past the range counts in the last bin. */
export function heatMapBins(targets: Iterable<number>, extent: number): number[] {
  const bytes = Math.max(1, extent);
  const bins = new Array<number>(HEAT_BINS).fill(0);
  for (const address of targets) {
    const bin = Math.max(0, Math.min(HEAT_BINS - 1, Math.floor((address / bytes) * HEAT_BINS)));
    bins[bin] = (bins[bin] ?? 0) + 1;
  }
  return bins;
}

/** The class's address range: the end of the furthest region over every heap (at least 1). */
export function classExtent(heaps: Iterable<readonly { readonly start: number; readonly size: number }[]>): number {
  let extent = 1;
  for (const heap of heaps) for (const r of heap) extent = Math.max(extent, r.start + r.size);
  return extent;
}
