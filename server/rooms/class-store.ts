// What a classroom keeps in storage beyond its move logs, and how it reads it back:
// the session's settings (JSON on the session record), each round's record (the
// config, title and whether hints show), and the last round rebuilt after a restart
// by replaying every player's stored log (shared/match replayMatch).

import { replayMatch, type LoggedMove, type MatchState, type RoundConfig } from '../../shared/match/match.ts';
import type { PlayerRecord, Storage } from '../storage/storage.ts';
import type { StudentIdMode } from '../../shared/classroom/student-id.ts';
import type { BoardMode } from './class-figures.ts';
import { DEFAULT_PROJECTION, type ProjectionChoice } from './class-projection.ts';
import type { StoredPodium } from './podium-reveal.ts';

export interface SessionSettings {
  locked: boolean;
  lateJoin: boolean;
  leaderboardMode: BoardMode;
  /** Milliseconds the session's clock has spent paused (match time = wall time - this). */
  pausedMs: number;
  /** Whether the host has paused the round (a restarted server comes back paused). */
  paused: boolean;
  /** What the projector shows (`host:project`). */
  projection: ProjectionChoice;
  /** What new students are asked for at join (`host:student-id`; shared/classroom CLASS-SID-1). */
  askStudentId: StudentIdMode;
  /** When the running round's whole-round clock runs out, in the class's match time; null without one (server/rooms/round-clock.ts). */
  roundEndsAt: number | null;
  /** The class's last activity (wall ms) as last written (server/rooms/class-closing.ts); null before any was. */
  lastActiveAt: number | null;
  /** The podium reveal the host started (`host:podium`), until a new round or another projector choice puts it away; null: none. */
  podium: StoredPodium | null;
}

const DEFAULT_SETTINGS: SessionSettings = { locked: false, lateJoin: true, leaderboardMode: 'shown', pausedMs: 0, paused: false, projection: DEFAULT_PROJECTION, askStudentId: 'none', roundEndsAt: null, lastActiveAt: null, podium: null };

/** A session's settings from its stored JSON, defaults filled in. */
export function readSettings(json: string): SessionSettings {
  return { ...DEFAULT_SETTINGS, ...(JSON.parse(json) as Partial<SessionSettings>) };
}

/** A round as its record keeps it. */
export interface StoredRound {
  readonly config: RoundConfig;
  readonly title: string;
  readonly hints: boolean;
  /** The round's id in the class's catalogue (built-in, or the host's own); absent in rounds stored before ids were kept. */
  readonly roundId?: string;
}

/** The round record's `config` field. */
export function writeRound(round: StoredRound): string {
  return JSON.stringify(round);
}

/** The last round, rebuilt: its number, how it was started, when, whether it ended, and each player's match as the log left it. */
export interface RestoredRound extends StoredRound {
  readonly roundNo: number;
  readonly startedAt: number;
  readonly ended: boolean;
  readonly matches: ReadonlyMap<string, MatchState>;
}

/**
 * Replays the session's last round for `players`, each from their own seat's start
 * (a late joiner's match began when they joined, not when the round did). A player with
 * no seat and no move who joined after the round started gets no heap in a round that
 * has ended (they never played it). A log that does not replay is a bug: it is logged
 * as an error with the player and the refusal, and that player gets no heap.
 */
export async function restoreLastRound(storage: Storage, sessionId: string, players: Iterable<PlayerRecord>): Promise<RestoredRound | null> {
  const rounds = await storage.listRounds(sessionId);
  const last = rounds[rounds.length - 1];
  if (!last) return null;
  const saved = JSON.parse(last.config) as StoredRound;
  const moves = await storage.listMoves(sessionId, last.roundNo);
  const seats = new Map((await storage.listSeats(sessionId, last.roundNo)).map((seat) => [seat.playerId, seat.startedAt]));
  const matches = new Map<string, MatchState>();
  for (const player of players) {
    const log = moves.filter((m) => m.playerId === player.playerId).map((m) => JSON.parse(m.move) as LoggedMove);
    const seatStart = seats.get(player.playerId);
    const joinedLate = seatStart === undefined && log.length === 0 && player.joinedAt > last.startedAt;
    if (joinedLate && last.endedAt !== null) continue;
    const replayed = replayMatch(saved.config, seatStart ?? last.startedAt, log);
    if (replayed.ok) matches.set(player.playerId, replayed.value);
    else console.error(`restore: the log of player ${player.playerId} in round ${last.roundNo} of session ${sessionId} does not replay (${replayed.code}: ${replayed.message})`);
  }
  return { ...saved, roundNo: last.roundNo, startedAt: last.startedAt, ended: last.endedAt !== null, matches };
}
