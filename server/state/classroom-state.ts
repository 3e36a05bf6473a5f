// Colyseus state for a classroom session. Shared fields (the session's phase and
// settings, the leaderboard's top rows as the host allows it) go to everyone; fields
// tagged `.view()` reach only the clients whose StateView holds them: a student's own
// player entry (their rank and figure) and heap, and, for the host (and projector),
// every player, every heap and the class figures (the whole board among them).
// Counts, ranks and scores are `number`s: as few bytes as their value needs (a uint32 took 4).

import { schema, t, type ArraySchema, type SchemaType } from '@colyseus/schema';
import { MatchState, RegionState } from './match-state.ts';

export const PlayerInfo = schema({
  playerId: t.string(),
  nickname: t.string(),
  connected: t.boolean(),
  /** Score on the part played of the current (or last) round. */
  score: t.number(),
  /** Score − the round's best policy's score on the same part (shared/score SC-7): what the board ranks by. */
  vsBest: t.number(),
  /** 0 until the player has played a request (SC-8). */
  rank: t.number(),
  placed: t.number(),
  finished: t.boolean(),
  /** The time accommodation the host gave (shared/match MATCH-TIME-5): standard, x1.5, x2 or none. */
  timeAllowance: t.string(),
}, 'PlayerInfo');
export type PlayerInfo = SchemaType<typeof PlayerInfo>;

export const LeaderRow = schema({
  rank: t.number(),
  /** The nickname, or "Player N" when the host shows the board anonymously. */
  name: t.string(),
  score: t.number(),
  /** The figure the board ranks by (shared/score SC-7). */
  vsBest: t.number(),
}, 'LeaderRow');
export type LeaderRow = SchemaType<typeof LeaderRow>;

/** Makes a synced array of rows equal `rows`, touching only the fields that differ (so an unchanged board sends nothing). */
function syncRows<R extends object>(array: ArraySchema<R>, rows: readonly { readonly [K in keyof R]?: R[K] }[], create: () => R): void {
  while (array.length > rows.length) array.pop();
  rows.forEach((r, i) => {
    const row = array[i] ?? create();
    for (const key of Object.keys(r) as (keyof R)[]) {
      const value = r[key] as R[keyof R];
      if (row[key] !== value) row[key] = value;
    }
    if (i >= array.length) array.push(row);
  });
}

/** Makes the synced board equal `rows`. */
export function syncLeaderboard(board: ArraySchema<LeaderRow>, rows: readonly { readonly rank: number; readonly name: string; readonly score: number; readonly vsBest: number }[]): void {
  syncRows(board, rows, () => new LeaderRow());
}

/** A row of the session's totals across its rounds (the podium): shown as the leaderboard is. */
export const TotalRow = schema({
  rank: t.number(),
  name: t.string(),
  /** The sum of the student's scores over the session's finished rounds (the CSV's `total`). */
  total: t.number(),
  /** How many rounds the student has a result in. */
  rounds: t.number(),
}, 'TotalRow');
export type TotalRow = SchemaType<typeof TotalRow>;

/** Makes the synced totals equal `rows`. */
export function syncTotals(totals: ArraySchema<TotalRow>, rows: readonly { readonly rank: number; readonly name: string; readonly total: number; readonly rounds: number }[]): void {
  syncRows(totals, rows, () => new TotalRow());
}

/**
 * The podium reveal the host started (`host:podium`, shared/score SC-10): the places' rows
 * frozen when it started, a countdown, then how many places are shown, from the lowest.
 */
export const PodiumReveal = schema({
  /** '' (none) | 'countdown' | 'reveal' | 'done' */
  stage: t.string(),
  /** The countdown's number (3, 2, 1) while counting down, else 0. */
  count: t.number(),
  /** How many of the podium's places are shown, from the lowest (SC-10). */
  revealed: t.number(),
  /** Everyone on the podium (ranks 1 to 3 of the totals, ties included), as the board's mode names them. */
  rows: t.array(TotalRow),
}, 'PodiumReveal');
export type PodiumReveal = SchemaType<typeof PodiumReveal>;

export const ClassFigures = schema({
  /** The whole board (at most BOARD_ROWS rows, class-figures.ts); everyone else has its top rows, `leaderboard`. */
  board: t.array(LeaderRow),
  /** Players per utilization decile (0-10%, …, 90-100%). */
  utilizationHistogram: t.array('uint16'),
  /** Where the class placed the most recent request, in 32 bins over the address range. */
  heatMap: t.array('uint16'),
  /** The address range the heat map covers. */
  heatMapBytes: t.float64(),
  /** Which request the heat map shows. */
  heatMapRequest: t.number(),
}, 'ClassFigures');
export type ClassFigures = SchemaType<typeof ClassFigures>;

/** What the host has put on the projector (`host:project`); the projector follows it. */
export const Projection = schema({
  /** 'board' | 'heap' | 'compare' | 'figures' */
  show: t.string(),
  /** 'heap': the student shown. */
  playerId: t.string(),
  /** 'heap': whether the projector shows their name (else "A student"). */
  named: t.boolean(),
  /** 'compare': the class's best and worst students by rank (empty when nobody is ranked yet). */
  bestId: t.string(),
  worstId: t.string(),
  /** 'compare': the built-in policy shown beside them, its heap after as many requests as the best student has met. */
  policy: t.string(),
  requests: t.number(),
  regions: t.array(RegionState),
}, 'Projection');
export type Projection = SchemaType<typeof Projection>;

/** [CLASS-SID-3] What only the host sees of a student: the identifier they gave at join. */
export const PrivateInfo = schema({
  studentId: t.string(),
}, 'PrivateInfo');
export type PrivateInfo = SchemaType<typeof PrivateInfo>;

/**
 * One host's page of the roster (`host:page`; shared/classroom/SPEC.md CLASS-ROSTER): the
 * query as the room took it and the students on the page, in order. The host's view
 * carries these students' entries and heaps, not the whole class's.
 */
export const HostPage = schema({
  offset: t.number(),
  limit: t.number(),
  /** shared/classroom/roster.ts ROSTER_SORTS */
  sort: t.string(),
  search: t.string(),
  /** How many students the search finds. */
  total: t.number(),
  /** The page's students (playerIds), in the sort's order. */
  ids: t.array('string'),
}, 'HostPage');
export type HostPage = SchemaType<typeof HostPage>;

export const ClassroomState = schema({
  code: t.string(),
  /** 'lobby' | 'playing' | 'paused' | 'results' */
  phase: t.string(),
  roundNo: t.number(),
  roundTitle: t.string(),
  /** Wall time the round's whole-round clock runs out while it runs; 0 while paused or without one. */
  roundDeadline: t.float64(),
  /** Milliseconds left on the whole-round clock (frozen while paused); 0 without one. */
  roundRemainingMs: t.float64(),
  /** Wall time a just-started round's 3-2-1 ends ([MATCH-TIME-6]); 0 once it has ended. */
  roundStartsAt: t.float64(),
  locked: t.boolean(),
  lateJoin: t.boolean(),
  /** 'shown' | 'hidden' | 'anonymous' */
  leaderboardMode: t.string(),
  playerCount: t.number(),
  /** How many students have finished the round: the projector's "N of M done", whatever page a host holds. */
  finishedCount: t.number(),
  /** What new students are asked for at join: 'none' | 'id' | 'email' (shared/classroom/student-id.ts). */
  askStudentId: t.string(),
  /** The board's top rows (at most SHARED_BOARD_ROWS, class-figures.ts): every client's. A student's own row is their PlayerInfo. */
  leaderboard: t.array(LeaderRow),
  /** The session's totals across its finished rounds, ranked, ties sharing a rank (for the podium). */
  totals: t.array(TotalRow),
  /** The podium reveal at the end of a session, on every screen. */
  podium: t.ref(PodiumReveal),
  players: t.map(PlayerInfo).view(),
  /** Each student's private identifier, by playerId: in the host's view only. */
  privateInfo: t.map(PrivateInfo).view(),
  heaps: t.map(MatchState).view(),
  figures: t.ref(ClassFigures).view(),
  projection: t.ref(Projection).view(),
  /** Each host client's page of the roster, by the client's sessionId: in that client's view only. */
  hostPages: t.map(HostPage).view(),
}, 'ClassroomState');
export type ClassroomState = SchemaType<typeof ClassroomState>;
