// The default store: an embedded SQLite file (Node's built-in node:sqlite, so no
// native addon to compile), ./data/mallocade.db
// unless MALLOCADE_DB says otherwise. WAL journaling: a committed write survives a
// crash of the process (kill -9 included). Writes are append-only except for the
// few status fields; nothing saved is ever deleted. At most one open session per
// join code (a partial unique index), as in the PostgreSQL store.

import { isTimeAllowance } from '../../shared/match/time-allowance.ts';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DuplicateCodeError, type AssignmentRecord, type AttemptRecord, type HostRoundRecord, type LessonPlanRecord, type MoveRecord, type PlayerRecord, type ResultRecord, type RoundRecord, type SeatRecord, type SessionRecord, type Storage } from './storage.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY, code TEXT NOT NULL, host_key_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL, status TEXT NOT NULL, settings TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_code ON sessions(code, status);
CREATE UNIQUE INDEX IF NOT EXISTS sessions_open_code ON sessions(code) WHERE status = 'open';
CREATE TABLE IF NOT EXISTS players (
  session_id TEXT NOT NULL, player_id TEXT NOT NULL, nickname TEXT NOT NULL,
  token_hash TEXT NOT NULL, joined_at INTEGER NOT NULL, barred INTEGER NOT NULL,
  PRIMARY KEY (session_id, player_id)
);
CREATE TABLE IF NOT EXISTS rounds (
  session_id TEXT NOT NULL, round_no INTEGER NOT NULL, config TEXT NOT NULL,
  started_at INTEGER NOT NULL, ended_at INTEGER,
  PRIMARY KEY (session_id, round_no)
);
CREATE TABLE IF NOT EXISTS moves (
  session_id TEXT NOT NULL, round_no INTEGER NOT NULL, player_id TEXT NOT NULL,
  seq INTEGER NOT NULL, move TEXT NOT NULL, at INTEGER NOT NULL,
  PRIMARY KEY (session_id, round_no, player_id, seq)
);
CREATE TABLE IF NOT EXISTS seats (
  session_id TEXT NOT NULL, round_no INTEGER NOT NULL, player_id TEXT NOT NULL, started_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, round_no, player_id)
);
CREATE TABLE IF NOT EXISTS host_rounds (
  session_id TEXT NOT NULL, round_id TEXT NOT NULL, settings TEXT NOT NULL, created_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, round_id)
);
CREATE TABLE IF NOT EXISTS lesson_plans (
  session_id TEXT NOT NULL, plan_id TEXT NOT NULL, plan TEXT NOT NULL, created_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, plan_id)
);
CREATE TABLE IF NOT EXISTS assignments (
  id TEXT PRIMARY KEY, session_id TEXT NOT NULL, assignment TEXT NOT NULL, created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS attempts (
  assignment_id TEXT NOT NULL, round_index INTEGER NOT NULL, player_id TEXT NOT NULL, finished_at INTEGER NOT NULL, result TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS attempts_by_assignment ON attempts(assignment_id);
CREATE TABLE IF NOT EXISTS results (
  session_id TEXT NOT NULL, round_no INTEGER NOT NULL, player_id TEXT NOT NULL, result TEXT NOT NULL,
  PRIMARY KEY (session_id, round_no, player_id)
);
`;

interface SessionRow { id: string; code: string; host_key_hash: string; created_at: number; status: string; settings: string }
interface PlayerRow { session_id: string; player_id: string; nickname: string; token_hash: string; joined_at: number; barred: number; kicked: number; student_id: string; time_allowance: string }
interface SeatRow { session_id: string; round_no: number; player_id: string; started_at: number }
interface RoundRow { session_id: string; round_no: number; config: string; started_at: number; ended_at: number | null }
interface MoveRow { session_id: string; round_no: number; player_id: string; seq: number; move: string; at: number }
interface HostRoundRow { session_id: string; round_id: string; settings: string; created_at: number }
interface PlanRow { session_id: string; plan_id: string; plan: string; created_at: number }
interface AssignmentRow { id: string; session_id: string; assignment: string; created_at: number }
interface AttemptRow { assignment_id: string; round_index: number; player_id: string; finished_at: number; result: string }
interface ResultRow { session_id: string; round_no: number; player_id: string; result: string }

const toSession = (r: SessionRow): SessionRecord => ({
  id: r.id, code: r.code, hostKeyHash: r.host_key_hash, createdAt: r.created_at,
  status: r.status === 'closed' ? 'closed' : 'open', settings: r.settings,
});
const toPlayer = (r: PlayerRow): PlayerRecord => ({
  sessionId: r.session_id, playerId: r.player_id, nickname: r.nickname, tokenHash: r.token_hash, joinedAt: r.joined_at, barred: r.barred === 1, kicked: r.kicked === 1, studentId: r.student_id,
  ...(isTimeAllowance(r.time_allowance) && r.time_allowance !== 'standard' ? { timeAllowance: r.time_allowance } : {}),
});
const toSeat = (r: SeatRow): SeatRecord => ({ sessionId: r.session_id, roundNo: r.round_no, playerId: r.player_id, startedAt: r.started_at });
const toRound = (r: RoundRow): RoundRecord => ({ sessionId: r.session_id, roundNo: r.round_no, config: r.config, startedAt: r.started_at, endedAt: r.ended_at });
const toMove = (r: MoveRow): MoveRecord => ({ sessionId: r.session_id, roundNo: r.round_no, playerId: r.player_id, seq: r.seq, move: r.move, at: r.at });
const toHostRound = (r: HostRoundRow): HostRoundRecord => ({ sessionId: r.session_id, roundId: r.round_id, settings: r.settings, createdAt: r.created_at });
const toPlan = (r: PlanRow): LessonPlanRecord => ({ sessionId: r.session_id, planId: r.plan_id, plan: r.plan, createdAt: r.created_at });
const toAssignment = (r: AssignmentRow): AssignmentRecord => ({ id: r.id, sessionId: r.session_id, assignment: r.assignment, createdAt: r.created_at });
const toAttempt = (r: AttemptRow): AttemptRecord => ({ assignmentId: r.assignment_id, roundIndex: r.round_index, playerId: r.player_id, finishedAt: r.finished_at, result: r.result });
const toResult = (r: ResultRow): ResultRecord => ({ sessionId: r.session_id, roundNo: r.round_no, playerId: r.player_id, result: r.result });

/** A column added after a database file was first made: added once, to files that lack it. */
function addColumnIfMissing(db: DatabaseSync, table: string, column: string, definition: string): void {
  const columns = db.prepare(`PRAGMA table_info(${table})`).all() as unknown as { name: string }[];
  if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
}

export function defaultDatabasePath(): string {
  return process.env.MALLOCADE_DB ?? path.resolve('data', 'mallocade.db');
}

export class SqliteStorage implements Storage {
  private readonly db: DatabaseSync;
  /** Prepared once: a move is appended on every acknowledged placement, the hot path. */
  private readonly insertMove: ReturnType<DatabaseSync['prepare']>;

  constructor(file: string = defaultDatabasePath()) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new DatabaseSync(file);
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    this.db.exec(SCHEMA);
    addColumnIfMissing(this.db, 'players', 'kicked', 'INTEGER NOT NULL DEFAULT 0');
    addColumnIfMissing(this.db, 'players', 'student_id', "TEXT NOT NULL DEFAULT ''");
    addColumnIfMissing(this.db, 'players', 'time_allowance', "TEXT NOT NULL DEFAULT 'standard'");
    this.insertMove = this.db.prepare('INSERT INTO moves (session_id, round_no, player_id, seq, move, at) VALUES (?, ?, ?, ?, ?, ?)');
  }

  async createSession(s: SessionRecord): Promise<void> {
    try {
      this.db.prepare('INSERT INTO sessions (id, code, host_key_hash, created_at, status, settings) VALUES (?, ?, ?, ?, ?, ?)')
        .run(s.id, s.code, s.hostKeyHash, s.createdAt, s.status, s.settings);
    } catch (error) {
      if (error instanceof Error && error.message.includes('UNIQUE constraint failed: sessions.code')) throw new DuplicateCodeError(s.code);
      throw error;
    }
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const row = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as unknown as SessionRow | undefined;
    return row ? toSession(row) : null;
  }

  async findOpenSessionByCode(code: string): Promise<SessionRecord | null> {
    const row = this.db.prepare("SELECT * FROM sessions WHERE code = ? AND status = 'open'").get(code) as unknown as SessionRow | undefined;
    return row ? toSession(row) : null;
  }

  async listOpenSessions(): Promise<SessionRecord[]> {
    return (this.db.prepare("SELECT * FROM sessions WHERE status = 'open' ORDER BY created_at").all() as unknown as SessionRow[]).map(toSession);
  }

  async listSessionsByCode(code: string): Promise<SessionRecord[]> {
    return (this.db.prepare('SELECT * FROM sessions WHERE code = ? ORDER BY created_at DESC, id DESC').all(code) as unknown as SessionRow[]).map(toSession);
  }

  async updateSession(id: string, changes: Partial<Pick<SessionRecord, 'status' | 'settings'>>): Promise<void> {
    if (changes.status !== undefined) this.db.prepare('UPDATE sessions SET status = ? WHERE id = ?').run(changes.status, id);
    if (changes.settings !== undefined) this.db.prepare('UPDATE sessions SET settings = ? WHERE id = ?').run(changes.settings, id);
  }

  async savePlayer(p: PlayerRecord): Promise<void> {
    this.db.prepare(`INSERT INTO players (session_id, player_id, nickname, token_hash, joined_at, barred, kicked, student_id, time_allowance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (session_id, player_id) DO UPDATE SET nickname = excluded.nickname, token_hash = excluded.token_hash, barred = excluded.barred, kicked = excluded.kicked, student_id = excluded.student_id,
      time_allowance = excluded.time_allowance`)
      .run(p.sessionId, p.playerId, p.nickname, p.tokenHash, p.joinedAt, p.barred ? 1 : 0, p.kicked ? 1 : 0, p.studentId ?? '', p.timeAllowance ?? 'standard');
  }

  async listPlayers(sessionId: string): Promise<PlayerRecord[]> {
    return (this.db.prepare('SELECT * FROM players WHERE session_id = ? ORDER BY joined_at, player_id').all(sessionId) as unknown as PlayerRow[]).map(toPlayer);
  }

  async startRound(r: RoundRecord): Promise<void> {
    this.db.prepare('INSERT INTO rounds (session_id, round_no, config, started_at, ended_at) VALUES (?, ?, ?, ?, ?)')
      .run(r.sessionId, r.roundNo, r.config, r.startedAt, r.endedAt);
  }

  async endRound(sessionId: string, roundNo: number, endedAt: number): Promise<void> {
    this.db.prepare('UPDATE rounds SET ended_at = ? WHERE session_id = ? AND round_no = ? AND ended_at IS NULL').run(endedAt, sessionId, roundNo);
  }

  async listRounds(sessionId: string): Promise<RoundRecord[]> {
    return (this.db.prepare('SELECT * FROM rounds WHERE session_id = ? ORDER BY round_no').all(sessionId) as unknown as RoundRow[]).map(toRound);
  }

  async saveHostRound(r: HostRoundRecord): Promise<void> {
    this.db.prepare(`INSERT INTO host_rounds (session_id, round_id, settings, created_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (session_id, round_id) DO UPDATE SET settings = excluded.settings`).run(r.sessionId, r.roundId, r.settings, r.createdAt);
  }

  async listHostRounds(sessionId: string): Promise<HostRoundRecord[]> {
    return (this.db.prepare('SELECT * FROM host_rounds WHERE session_id = ? ORDER BY created_at, round_id').all(sessionId) as unknown as HostRoundRow[]).map(toHostRound);
  }

  async saveLessonPlan(p: LessonPlanRecord): Promise<void> {
    this.db.prepare(`INSERT INTO lesson_plans (session_id, plan_id, plan, created_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (session_id, plan_id) DO UPDATE SET plan = excluded.plan`).run(p.sessionId, p.planId, p.plan, p.createdAt);
  }

  async listLessonPlans(sessionId: string): Promise<LessonPlanRecord[]> {
    return (this.db.prepare('SELECT * FROM lesson_plans WHERE session_id = ? ORDER BY created_at, plan_id').all(sessionId) as unknown as PlanRow[]).map(toPlan);
  }

  async createAssignment(a: AssignmentRecord): Promise<void> {
    this.db.prepare('INSERT INTO assignments (id, session_id, assignment, created_at) VALUES (?, ?, ?, ?)').run(a.id, a.sessionId, a.assignment, a.createdAt);
  }

  async getAssignment(id: string): Promise<AssignmentRecord | null> {
    const row = this.db.prepare('SELECT * FROM assignments WHERE id = ?').get(id) as unknown as AssignmentRow | undefined;
    return row ? toAssignment(row) : null;
  }

  async listAssignments(sessionId: string): Promise<AssignmentRecord[]> {
    return (this.db.prepare('SELECT * FROM assignments WHERE session_id = ? ORDER BY created_at, id').all(sessionId) as unknown as AssignmentRow[]).map(toAssignment);
  }

  async saveAttempt(a: AttemptRecord): Promise<void> {
    this.db.prepare('INSERT INTO attempts (assignment_id, round_index, player_id, finished_at, result) VALUES (?, ?, ?, ?, ?)')
      .run(a.assignmentId, a.roundIndex, a.playerId, a.finishedAt, a.result);
  }

  async listAttempts(assignmentId: string): Promise<AttemptRecord[]> {
    return (this.db.prepare('SELECT * FROM attempts WHERE assignment_id = ? ORDER BY round_index, player_id, finished_at').all(assignmentId) as unknown as AttemptRow[]).map(toAttempt);
  }

  async startSeat(seat: SeatRecord): Promise<void> {
    this.db.prepare('INSERT INTO seats (session_id, round_no, player_id, started_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(seat.sessionId, seat.roundNo, seat.playerId, seat.startedAt);
  }

  async listSeats(sessionId: string, roundNo: number): Promise<SeatRecord[]> {
    return (this.db.prepare('SELECT * FROM seats WHERE session_id = ? AND round_no = ? ORDER BY player_id').all(sessionId, roundNo) as unknown as SeatRow[]).map(toSeat);
  }

  /**
   * Written at once, in its own commit: moves mostly come one per turn of the event loop, so
   * gathering them as PostgreSQL does (group-commit.ts, to save round trips) cost SQLite a
   * transaction and a turn more than it saved: 826-941 µs a move against 750 in `npm run load`
   * on a quiet machine.
   */
  async appendMove(m: MoveRecord): Promise<void> {
    this.insertMove.run(m.sessionId, m.roundNo, m.playerId, m.seq, m.move, m.at);
  }

  async listMoves(sessionId: string, roundNo: number): Promise<MoveRecord[]> {
    return (this.db.prepare('SELECT * FROM moves WHERE session_id = ? AND round_no = ? ORDER BY player_id, seq').all(sessionId, roundNo) as unknown as MoveRow[]).map(toMove);
  }

  async saveResults(results: readonly ResultRecord[]): Promise<void> {
    const insert = this.db.prepare(`INSERT INTO results (session_id, round_no, player_id, result) VALUES (?, ?, ?, ?)
      ON CONFLICT (session_id, round_no, player_id) DO UPDATE SET result = excluded.result`);
    this.db.exec('BEGIN');
    try {
      for (const r of results) insert.run(r.sessionId, r.roundNo, r.playerId, r.result);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async listResults(sessionId: string): Promise<ResultRecord[]> {
    return (this.db.prepare('SELECT * FROM results WHERE session_id = ? ORDER BY round_no, player_id').all(sessionId) as unknown as ResultRow[]).map(toResult);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
