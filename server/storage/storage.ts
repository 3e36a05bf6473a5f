// The storage interface: sessions, players, rounds, move logs and results. Rooms
// talk to this, never to a database, so the embedded SQLite store (the default)
// can be swapped for a shared database when several processes serve one deployment.
// Every write is durable when its promise resolves: a move is acknowledged only after.

import type { TimeAllowance } from '../../shared/match/time-allowance.ts';

export interface SessionRecord {
  readonly id: string;
  readonly code: string;
  /** SHA-256 of the host key; the key itself is never stored. */
  readonly hostKeyHash: string;
  readonly createdAt: number;
  /** 'open' while the class runs, 'closed' once the host ends it. */
  readonly status: 'open' | 'closed';
  /** Session settings (lock, leaderboard mode, …) as JSON. */
  readonly settings: string;
}

export interface PlayerRecord {
  readonly sessionId: string;
  readonly playerId: string;
  readonly nickname: string;
  /** SHA-256 of the player's rejoin token. */
  readonly tokenHash: string;
  readonly joinedAt: number;
  readonly barred: boolean;
  /** Removed by the host without a bar: their token opens nothing; they may join again as a new player. Absent: false. */
  readonly kicked?: boolean;
  /** The private identifier the host asked for at join (student ID or e-mail; shared/classroom CLASS-SID). Absent: ''. */
  readonly studentId?: string;
  /** The time accommodation the host gave ([MATCH-TIME-5]), kept across rejoins and restarts. Absent: standard. */
  readonly timeAllowance?: TimeAllowance;
}

/** When a player's seat in a round began: their match started then (a late joiner after the round), and replays from then. */
export interface SeatRecord {
  readonly sessionId: string;
  readonly roundNo: number;
  readonly playerId: string;
  /** Match time at which the player's match started. */
  readonly startedAt: number;
}

export interface RoundRecord {
  readonly sessionId: string;
  readonly roundNo: number;
  /** The round config (kind, options, stream source, seed, timing) as JSON. */
  readonly config: string;
  readonly startedAt: number;
  readonly endedAt: number | null;
}

export interface MoveRecord {
  readonly sessionId: string;
  readonly roundNo: number;
  readonly playerId: string;
  /** Per player and round, from 0 upwards, gap-free. */
  readonly seq: number;
  /** The move as the match rules logged it, as JSON. */
  readonly move: string;
  readonly at: number;
}

export interface ResultRecord {
  readonly sessionId: string;
  readonly roundNo: number;
  readonly playerId: string;
  /** The player's result (figures, score, rank) as JSON. */
  readonly result: string;
}

/** A round a class's host made (JSON settings, shared/match/round-settings.ts), startable by its id. */
export interface HostRoundRecord {
  readonly sessionId: string;
  /** Unique within the session, and never a built-in round's id. */
  readonly roundId: string;
  /** The round settings as the host gave them, as JSON. */
  readonly settings: string;
  readonly createdAt: number;
}

/** A lesson plan saved in a class: its title and the ids of its rounds, in order (shared/levels/lesson-plan.ts). */
export interface LessonPlanRecord {
  readonly sessionId: string;
  readonly planId: string;
  /** `{ title, rounds: [round id, …] }` as JSON; every id is a round the class can start. */
  readonly plan: string;
  readonly createdAt: number;
}

/** A lesson plan given to a class as homework (server/classroom/assignments.ts). */
export interface AssignmentRecord {
  /** Unique across sessions: the link students open names it. */
  readonly id: string;
  readonly sessionId: string;
  /** `{ planId, title, rounds: [round id, …], deadline }` as JSON. */
  readonly assignment: string;
  readonly createdAt: number;
}

/** One finished attempt of one assignment round by one student. */
export interface AttemptRecord {
  readonly assignmentId: string;
  readonly roundIndex: number;
  readonly playerId: string;
  readonly finishedAt: number;
  /** The result (figures, score, whether it was late) as JSON. */
  readonly result: string;
}

/**
 * `createSession` refused: another open session already has this join code (the
 * store, shared by every process of a deployment, keeps open codes unique).
 */
export class DuplicateCodeError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(`an open session already has the code ${code}`);
    this.name = 'DuplicateCodeError';
    this.code = code;
  }
}

export interface Storage {
  /** Rejects with DuplicateCodeError when an open session already has `session.code`. */
  createSession(session: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  findOpenSessionByCode(code: string): Promise<SessionRecord | null>;
  listOpenSessions(): Promise<SessionRecord[]>;
  /** Every session that had `code`, open or closed, newest first (a closed class's results stay downloadable). */
  listSessionsByCode(code: string): Promise<SessionRecord[]>;
  updateSession(id: string, changes: Partial<Pick<SessionRecord, 'status' | 'settings'>>): Promise<void>;

  savePlayer(player: PlayerRecord): Promise<void>;
  listPlayers(sessionId: string): Promise<PlayerRecord[]>;

  startRound(round: RoundRecord): Promise<void>;
  endRound(sessionId: string, roundNo: number, endedAt: number): Promise<void>;
  listRounds(sessionId: string): Promise<RoundRecord[]>;

  /** Stores a round the host made (a second save under the same id replaces it). */
  saveHostRound(round: HostRoundRecord): Promise<void>;
  /** The session's host rounds, oldest first. */
  listHostRounds(sessionId: string): Promise<HostRoundRecord[]>;

  /** Stores a lesson plan (a second save under the same id replaces it). */
  saveLessonPlan(plan: LessonPlanRecord): Promise<void>;
  /** The session's lesson plans, oldest first. */
  listLessonPlans(sessionId: string): Promise<LessonPlanRecord[]>;

  createAssignment(assignment: AssignmentRecord): Promise<void>;
  getAssignment(id: string): Promise<AssignmentRecord | null>;
  /** The session's assignments, oldest first. */
  listAssignments(sessionId: string): Promise<AssignmentRecord[]>;
  /** Keeps a finished attempt (every attempt is kept). */
  saveAttempt(attempt: AttemptRecord): Promise<void>;
  /** An assignment's attempts, by round, student, then time. */
  listAttempts(assignmentId: string): Promise<AttemptRecord[]>;

  /** Records the start of a player's seat in a round (once; a second start for the same seat is ignored). */
  startSeat(seat: SeatRecord): Promise<void>;
  listSeats(sessionId: string, roundNo: number): Promise<SeatRecord[]>;

  appendMove(move: MoveRecord): Promise<void>;
  listMoves(sessionId: string, roundNo: number): Promise<MoveRecord[]>;

  saveResults(results: readonly ResultRecord[]): Promise<void>;
  listResults(sessionId: string): Promise<ResultRecord[]>;

  close(): Promise<void>;
}
