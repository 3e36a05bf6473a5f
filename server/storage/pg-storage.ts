// The shared store for a deployment of several processes: PostgreSQL through the
// `pg` package, chosen when DATABASE_URL is set (server/storage/open.ts). It keeps
// the same records and answers as the SQLite store (the contract tests in
// test/server/storage.test.ts run against both).
//
// The schema grows by numbered migrations, recorded in `schema_migrations`; a
// process applies the ones its database lacks, one process at a time (an advisory
// lock), before its first query. Timestamps are BIGINT (milliseconds), which `pg`
// returns as strings: the row mappers turn them back into numbers.
//
// Invariant: at most one OPEN session per join code (a partial unique index), so two
// processes that draw the same code cannot both open it; the second insert fails
// with `DuplicateCodeError` and the caller draws again.

import { isTimeAllowance } from '../../shared/match/time-allowance.ts';
import pg from 'pg';
import { GroupCommit } from './group-commit.ts';
import { DuplicateCodeError, type AssignmentRecord, type AttemptRecord, type HostRoundRecord, type LessonPlanRecord, type MoveRecord, type PlayerRecord, type ResultRecord, type RoundRecord, type SeatRecord, type SessionRecord, type Storage } from './storage.ts';

/** A schema change: applied once, in order of `version`, inside one transaction. */
interface Migration {
  readonly version: number;
  readonly sql: string;
}

/** Append-only: a deployed migration is never edited; a change is a new version. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE sessions (
  id TEXT PRIMARY KEY, code TEXT NOT NULL, host_key_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL, status TEXT NOT NULL, settings TEXT NOT NULL
);
CREATE UNIQUE INDEX sessions_open_code ON sessions(code) WHERE status = 'open';
CREATE TABLE players (
  session_id TEXT NOT NULL, player_id TEXT NOT NULL, nickname TEXT NOT NULL,
  token_hash TEXT NOT NULL, joined_at BIGINT NOT NULL, barred BOOLEAN NOT NULL,
  PRIMARY KEY (session_id, player_id)
);
CREATE TABLE rounds (
  session_id TEXT NOT NULL, round_no INTEGER NOT NULL, config TEXT NOT NULL,
  started_at BIGINT NOT NULL, ended_at BIGINT,
  PRIMARY KEY (session_id, round_no)
);
CREATE TABLE moves (
  session_id TEXT NOT NULL, round_no INTEGER NOT NULL, player_id TEXT NOT NULL,
  seq INTEGER NOT NULL, move TEXT NOT NULL, at BIGINT NOT NULL,
  PRIMARY KEY (session_id, round_no, player_id, seq)
);
CREATE TABLE results (
  session_id TEXT NOT NULL, round_no INTEGER NOT NULL, player_id TEXT NOT NULL, result TEXT NOT NULL,
  PRIMARY KEY (session_id, round_no, player_id)
);`,
  },
  {
    version: 2,
    // A kicked player's token opens nothing; each player's seat in a round starts when they join it.
    sql: `
ALTER TABLE players ADD COLUMN kicked BOOLEAN NOT NULL DEFAULT FALSE;
CREATE TABLE seats (
  session_id TEXT NOT NULL, round_no INTEGER NOT NULL, player_id TEXT NOT NULL, started_at BIGINT NOT NULL,
  PRIMARY KEY (session_id, round_no, player_id)
);`,
  },
  {
    version: 3,
    // The rounds a class's host makes (issue #14): their JSON settings, started by id.
    sql: `
CREATE TABLE host_rounds (
  session_id TEXT NOT NULL, round_id TEXT NOT NULL, settings TEXT NOT NULL, created_at BIGINT NOT NULL,
  PRIMARY KEY (session_id, round_id)
);`,
  },
  {
    version: 4,
    // The private identifier a class may ask its students for (student ID or e-mail).
    sql: `ALTER TABLE players ADD COLUMN student_id TEXT NOT NULL DEFAULT '';`,
  },
  {
    version: 5,
    // Lesson plans: an ordered list of a class's rounds (shared/levels/lesson-plan.ts).
    sql: `
CREATE TABLE lesson_plans (
  session_id TEXT NOT NULL, plan_id TEXT NOT NULL, plan TEXT NOT NULL, created_at BIGINT NOT NULL,
  PRIMARY KEY (session_id, plan_id)
);`,
  },
  {
    version: 6,
    // Assignments (a lesson plan as homework) and every finished attempt at their rounds.
    sql: `
CREATE TABLE assignments (
  id TEXT PRIMARY KEY, session_id TEXT NOT NULL, assignment TEXT NOT NULL, created_at BIGINT NOT NULL
);
CREATE TABLE attempts (
  assignment_id TEXT NOT NULL, round_index INTEGER NOT NULL, player_id TEXT NOT NULL, finished_at BIGINT NOT NULL, result TEXT NOT NULL
);
CREATE INDEX attempts_by_assignment ON attempts(assignment_id);`,
  },
  {
    version: 7,
    // A student's time accommodation (shared/match MATCH-TIME-5), kept across rejoins and restarts.
    sql: `ALTER TABLE players ADD COLUMN time_allowance TEXT NOT NULL DEFAULT 'standard';`,
  },
];

/** Any number pg hands back as a string (BIGINT) or a number. */
const num = (v: string | number): number => Number(v);
const numOrNull = (v: string | number | null): number | null => (v === null ? null : Number(v));

interface SessionRow { id: string; code: string; host_key_hash: string; created_at: string; status: string; settings: string }
interface PlayerRow { session_id: string; player_id: string; nickname: string; token_hash: string; joined_at: string; barred: boolean; kicked: boolean; student_id: string; time_allowance: string }
interface SeatRow { session_id: string; round_no: number; player_id: string; started_at: string }
interface RoundRow { session_id: string; round_no: number; config: string; started_at: string; ended_at: string | null }
interface MoveRow { session_id: string; round_no: number; player_id: string; seq: number; move: string; at: string }
interface HostRoundRow { session_id: string; round_id: string; settings: string; created_at: string }
interface PlanRow { session_id: string; plan_id: string; plan: string; created_at: string }
interface AssignmentRow { id: string; session_id: string; assignment: string; created_at: string }
interface AttemptRow { assignment_id: string; round_index: number; player_id: string; finished_at: string; result: string }
interface ResultRow { session_id: string; round_no: number; player_id: string; result: string }

const toSession = (r: SessionRow): SessionRecord => ({
  id: r.id, code: r.code, hostKeyHash: r.host_key_hash, createdAt: num(r.created_at),
  status: r.status === 'closed' ? 'closed' : 'open', settings: r.settings,
});
const toPlayer = (r: PlayerRow): PlayerRecord => ({
  sessionId: r.session_id, playerId: r.player_id, nickname: r.nickname, tokenHash: r.token_hash, joinedAt: num(r.joined_at), barred: r.barred, kicked: r.kicked, studentId: r.student_id,
  ...(isTimeAllowance(r.time_allowance) && r.time_allowance !== 'standard' ? { timeAllowance: r.time_allowance } : {}),
});
const toSeat = (r: SeatRow): SeatRecord => ({ sessionId: r.session_id, roundNo: r.round_no, playerId: r.player_id, startedAt: num(r.started_at) });
const toRound = (r: RoundRow): RoundRecord => ({ sessionId: r.session_id, roundNo: r.round_no, config: r.config, startedAt: num(r.started_at), endedAt: numOrNull(r.ended_at) });
const toMove = (r: MoveRow): MoveRecord => ({ sessionId: r.session_id, roundNo: r.round_no, playerId: r.player_id, seq: r.seq, move: r.move, at: num(r.at) });
const toHostRound = (r: HostRoundRow): HostRoundRecord => ({ sessionId: r.session_id, roundId: r.round_id, settings: r.settings, createdAt: num(r.created_at) });
const toPlan = (r: PlanRow): LessonPlanRecord => ({ sessionId: r.session_id, planId: r.plan_id, plan: r.plan, createdAt: num(r.created_at) });
const toAssignment = (r: AssignmentRow): AssignmentRecord => ({ id: r.id, sessionId: r.session_id, assignment: r.assignment, createdAt: num(r.created_at) });
const toAttempt = (r: AttemptRow): AttemptRecord => ({ assignmentId: r.assignment_id, roundIndex: r.round_index, playerId: r.player_id, finishedAt: num(r.finished_at), result: r.result });
const toResult = (r: ResultRow): ResultRecord => ({ sessionId: r.session_id, roundNo: r.round_no, playerId: r.player_id, result: r.result });

/** An arbitrary key for pg_advisory_xact_lock: "only one process migrates at a time". */
const MIGRATION_LOCK = 0x6d616c6c;
/** PostgreSQL's error code for a unique constraint violation. */
const UNIQUE_VIOLATION = '23505';

function isUniqueViolationOn(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === UNIQUE_VIOLATION && e.constraint === constraint;
}

/** Applies the migrations `client`'s database lacks, under a lock so concurrent processes take turns. */
export async function migrate(client: pg.PoolClient): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, Date.now()]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return Math.max(0, ...MIGRATIONS.map((m) => m.version));
}

export class PgStorage implements Storage {
  private readonly pool: pg.Pool;
  /** Settles once the schema is current; every query waits for it. */
  private readonly ready: Promise<void>;

  constructor(connectionString: string, poolSize = 10) {
    this.pool = new pg.Pool({ connectionString, max: poolSize });
    // An idle connection that drops (the database restarted) is replaced on next use; it must not crash the process.
    this.pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
    this.ready = this.withClient(async (client) => {
      await migrate(client);
    });
    // A failed migration surfaces on the first query; this only keeps it from being an unhandled rejection meanwhile.
    this.ready.catch(() => undefined);
  }

  private async withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  }

  private async query<R extends pg.QueryResultRow>(text: string, values: readonly unknown[] = []): Promise<R[]> {
    await this.ready;
    return (await this.pool.query<R>(text, values as unknown[])).rows;
  }

  async createSession(s: SessionRecord): Promise<void> {
    try {
      await this.query('INSERT INTO sessions (id, code, host_key_hash, created_at, status, settings) VALUES ($1, $2, $3, $4, $5, $6)',
        [s.id, s.code, s.hostKeyHash, s.createdAt, s.status, s.settings]);
    } catch (error) {
      if (isUniqueViolationOn(error, 'sessions_open_code')) throw new DuplicateCodeError(s.code);
      throw error;
    }
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const [row] = await this.query<SessionRow>('SELECT * FROM sessions WHERE id = $1', [id]);
    return row ? toSession(row) : null;
  }

  async findOpenSessionByCode(code: string): Promise<SessionRecord | null> {
    const [row] = await this.query<SessionRow>("SELECT * FROM sessions WHERE code = $1 AND status = 'open'", [code]);
    return row ? toSession(row) : null;
  }

  async listOpenSessions(): Promise<SessionRecord[]> {
    return (await this.query<SessionRow>("SELECT * FROM sessions WHERE status = 'open' ORDER BY created_at, id")).map(toSession);
  }

  async listSessionsByCode(code: string): Promise<SessionRecord[]> {
    return (await this.query<SessionRow>('SELECT * FROM sessions WHERE code = $1 ORDER BY created_at DESC, id DESC', [code])).map(toSession);
  }

  async updateSession(id: string, changes: Partial<Pick<SessionRecord, 'status' | 'settings'>>): Promise<void> {
    if (changes.status !== undefined) await this.query('UPDATE sessions SET status = $1 WHERE id = $2', [changes.status, id]);
    if (changes.settings !== undefined) await this.query('UPDATE sessions SET settings = $1 WHERE id = $2', [changes.settings, id]);
  }

  async savePlayer(p: PlayerRecord): Promise<void> {
    await this.query(`INSERT INTO players (session_id, player_id, nickname, token_hash, joined_at, barred, kicked, student_id, time_allowance) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      ON CONFLICT (session_id, player_id) DO UPDATE SET nickname = excluded.nickname, token_hash = excluded.token_hash, barred = excluded.barred, kicked = excluded.kicked, student_id = excluded.student_id,
      time_allowance = excluded.time_allowance`,
    [p.sessionId, p.playerId, p.nickname, p.tokenHash, p.joinedAt, p.barred, p.kicked ?? false, p.studentId ?? '', p.timeAllowance ?? 'standard']);
  }

  async listPlayers(sessionId: string): Promise<PlayerRecord[]> {
    return (await this.query<PlayerRow>('SELECT * FROM players WHERE session_id = $1 ORDER BY joined_at, player_id COLLATE "C"', [sessionId])).map(toPlayer);
  }

  async startRound(r: RoundRecord): Promise<void> {
    await this.query('INSERT INTO rounds (session_id, round_no, config, started_at, ended_at) VALUES ($1, $2, $3, $4, $5)',
      [r.sessionId, r.roundNo, r.config, r.startedAt, r.endedAt]);
  }

  async endRound(sessionId: string, roundNo: number, endedAt: number): Promise<void> {
    await this.query('UPDATE rounds SET ended_at = $1 WHERE session_id = $2 AND round_no = $3 AND ended_at IS NULL', [endedAt, sessionId, roundNo]);
  }

  async listRounds(sessionId: string): Promise<RoundRecord[]> {
    return (await this.query<RoundRow>('SELECT * FROM rounds WHERE session_id = $1 ORDER BY round_no', [sessionId])).map(toRound);
  }

  async saveHostRound(r: HostRoundRecord): Promise<void> {
    await this.query(`INSERT INTO host_rounds (session_id, round_id, settings, created_at) VALUES ($1, $2, $3, $4)
      ON CONFLICT (session_id, round_id) DO UPDATE SET settings = excluded.settings`, [r.sessionId, r.roundId, r.settings, r.createdAt]);
  }

  async listHostRounds(sessionId: string): Promise<HostRoundRecord[]> {
    return (await this.query<HostRoundRow>('SELECT * FROM host_rounds WHERE session_id = $1 ORDER BY created_at, round_id COLLATE "C"', [sessionId])).map(toHostRound);
  }

  async saveLessonPlan(p: LessonPlanRecord): Promise<void> {
    await this.query(`INSERT INTO lesson_plans (session_id, plan_id, plan, created_at) VALUES ($1, $2, $3, $4)
      ON CONFLICT (session_id, plan_id) DO UPDATE SET plan = excluded.plan`, [p.sessionId, p.planId, p.plan, p.createdAt]);
  }

  async listLessonPlans(sessionId: string): Promise<LessonPlanRecord[]> {
    return (await this.query<PlanRow>('SELECT * FROM lesson_plans WHERE session_id = $1 ORDER BY created_at, plan_id COLLATE "C"', [sessionId])).map(toPlan);
  }

  async createAssignment(a: AssignmentRecord): Promise<void> {
    await this.query('INSERT INTO assignments (id, session_id, assignment, created_at) VALUES ($1, $2, $3, $4)', [a.id, a.sessionId, a.assignment, a.createdAt]);
  }

  async getAssignment(id: string): Promise<AssignmentRecord | null> {
    const [row] = await this.query<AssignmentRow>('SELECT * FROM assignments WHERE id = $1', [id]);
    return row ? toAssignment(row) : null;
  }

  async listAssignments(sessionId: string): Promise<AssignmentRecord[]> {
    return (await this.query<AssignmentRow>('SELECT * FROM assignments WHERE session_id = $1 ORDER BY created_at, id COLLATE "C"', [sessionId])).map(toAssignment);
  }

  async saveAttempt(a: AttemptRecord): Promise<void> {
    await this.query('INSERT INTO attempts (assignment_id, round_index, player_id, finished_at, result) VALUES ($1, $2, $3, $4, $5)',
      [a.assignmentId, a.roundIndex, a.playerId, a.finishedAt, a.result]);
  }

  async listAttempts(assignmentId: string): Promise<AttemptRecord[]> {
    return (await this.query<AttemptRow>('SELECT * FROM attempts WHERE assignment_id = $1 ORDER BY round_index, player_id COLLATE "C", finished_at', [assignmentId])).map(toAttempt);
  }

  async startSeat(seat: SeatRecord): Promise<void> {
    await this.query('INSERT INTO seats (session_id, round_no, player_id, started_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [seat.sessionId, seat.roundNo, seat.playerId, seat.startedAt]);
  }

  async listSeats(sessionId: string, roundNo: number): Promise<SeatRecord[]> {
    return (await this.query<SeatRow>('SELECT * FROM seats WHERE session_id = $1 AND round_no = $2 ORDER BY player_id COLLATE "C"', [sessionId, roundNo])).map(toSeat);
  }

  /** Settles once the move is committed, in one statement with the others asked for meanwhile (group-commit.ts). */
  appendMove(m: MoveRecord): Promise<void> {
    return this.moves.add(m);
  }

  /** The moves gathered while the last batch was written: one INSERT of many rows, one round trip, all or none. */
  private readonly moves = new GroupCommit<MoveRecord>({
    all: (moves) => this.insertMoves(moves),
    one: (m) => this.insertMoves([m]),
    maxBatch: 1000,
  });

  private async insertMoves(moves: readonly MoveRecord[]): Promise<void> {
    const rows = moves.map((_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`);
    await this.query(`INSERT INTO moves (session_id, round_no, player_id, seq, move, at) VALUES ${rows.join(', ')}`,
      moves.flatMap((m) => [m.sessionId, m.roundNo, m.playerId, m.seq, m.move, m.at]));
  }

  async listMoves(sessionId: string, roundNo: number): Promise<MoveRecord[]> {
    // COLLATE "C": byte order, as SQLite sorts text, so both stores list moves alike.
    return (await this.query<MoveRow>('SELECT * FROM moves WHERE session_id = $1 AND round_no = $2 ORDER BY player_id COLLATE "C", seq', [sessionId, roundNo])).map(toMove);
  }

  async saveResults(results: readonly ResultRecord[]): Promise<void> {
    await this.ready;
    await this.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        for (const r of results) {
          await client.query(`INSERT INTO results (session_id, round_no, player_id, result) VALUES ($1, $2, $3, $4)
            ON CONFLICT (session_id, round_no, player_id) DO UPDATE SET result = excluded.result`, [r.sessionId, r.roundNo, r.playerId, r.result]);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    });
  }

  async listResults(sessionId: string): Promise<ResultRecord[]> {
    return (await this.query<ResultRow>('SELECT * FROM results WHERE session_id = $1 ORDER BY round_no, player_id COLLATE "C"', [sessionId])).map(toResult);
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.moves.drain();
    await this.pool.end();
  }
}
