// Assignments (homework): the host turns one of the class's lesson plans into an
// assignment with a deadline; students open its link and play its rounds alone, in
// practice rooms, under their class identity (their rejoin token, or a new seat in the
// class with a nickname and the identifier the class asks for). Every finished attempt
// is kept, marked late when it finished after the deadline; the class's CSV lists each
// assignment round after the live rounds, with the student's best on-time attempt (else
// their best late one, marked late).

import { randomBytes } from 'node:crypto';
import { refuse, succeed, type Outcome } from '../../shared/core/outcome.ts';
import { requestsPlayed, type MatchState } from '../../shared/match/match.ts';
import { nicknameKey } from '../../shared/classroom/nickname.ts';
import { checkStudentId } from '../../shared/classroom/student-id.ts';
import { roundPace } from '../../shared/match/pace.ts';
import type { AssignmentRecord, PlayerRecord, SessionRecord, Storage } from '../storage/storage.ts';
import { standingOf } from '../rooms/class-figures.ts';
import { readSettings } from '../rooms/class-store.ts';
import { chooseNickname } from './nicknames.ts';
import { hashSecret, newSecret, secretMatches } from './secrets.ts';
import { findClassRound, listClassRounds, type ListedRound, type StartableRound } from './round-library.ts';
import { listLessonPlans } from './lesson-plans.ts';
import type { GradebookResult, GradebookRound } from './gradebook.ts';

/** An assignment as stored (the record's JSON). */
interface StoredAssignment {
  readonly planId: string;
  readonly title: string;
  readonly rounds: readonly string[];
  /** Wall time (ms) after which an attempt is late. */
  readonly deadline: number;
}

/** What a student's page (and the host) reads of an assignment. */
export interface AssignmentInfo {
  readonly id: string;
  readonly code: string;
  readonly title: string;
  readonly deadline: number;
  /** What a new student must give beside a nickname (CLASS-SID-1). */
  readonly askStudentId: string;
  readonly rounds: readonly ListedRound[];
}

/** One finished attempt's figures, as kept. */
export interface AttemptResult {
  readonly nickname: string;
  readonly utilization: number;
  readonly fragmentation: number;
  readonly failures: number;
  readonly fallbacks: number;
  readonly played: number;
  readonly score: number;
  readonly vsBest: number;
  readonly late: boolean;
}

function parse(record: AssignmentRecord): StoredAssignment {
  return JSON.parse(record.assignment) as StoredAssignment;
}

function info(record: AssignmentRecord, session: SessionRecord, rounds: readonly ListedRound[]): AssignmentInfo {
  const a = parse(record);
  return {
    id: record.id, code: session.code, title: a.title, deadline: a.deadline, askStudentId: readSettings(session.settings).askStudentId,
    rounds: a.rounds.flatMap((id) => rounds.find((r) => r.id === id) ?? []),
  };
}

/** The deadline a host gives: epoch milliseconds or an ISO 8601 date; in the future. */
function readDeadline(raw: unknown, now: number): Outcome<number, 'assignment/invalid'> {
  const at = typeof raw === 'number' ? raw : typeof raw === 'string' ? Date.parse(raw) : NaN;
  if (!Number.isSafeInteger(at)) return refuse('assignment/invalid', 'deadline must be a date (ISO 8601, e.g. "2026-12-12T23:59:00Z") or milliseconds since 1970');
  return at > now ? succeed(at) : refuse('assignment/invalid', 'the deadline has already passed');
}

/** Turns one of the class's lesson plans into an assignment with a deadline. */
export async function createAssignment(storage: Storage, session: SessionRecord, raw: unknown, now: number): Promise<Outcome<AssignmentInfo, string>> {
  const body = (typeof raw === 'object' && raw !== null ? raw : {}) as { planId?: unknown; deadline?: unknown };
  const plan = (await listLessonPlans(storage, session.id)).find((p) => p.id === body.planId);
  if (!plan) return refuse('plan/unknown', 'planId must name one of this class\'s lesson plans');
  const deadline = readDeadline(body.deadline, now);
  if (!deadline.ok) return deadline;
  const record: AssignmentRecord = {
    id: `a-${randomBytes(8).toString('hex')}`, sessionId: session.id, createdAt: now,
    assignment: JSON.stringify({ planId: plan.id, title: plan.title, rounds: plan.rounds.map((r) => r.id), deadline: deadline.value } satisfies StoredAssignment),
  };
  await storage.createAssignment(record);
  return succeed(info(record, session, plan.rounds));
}

/** The class's assignments, oldest first. */
export async function listAssignments(storage: Storage, session: SessionRecord): Promise<AssignmentInfo[]> {
  const rounds = await listClassRounds(storage, session.id);
  return (await storage.listAssignments(session.id)).map((record) => info(record, session, rounds));
}

/** The latest deadline of the class's assignments (wall ms), 0 without any: an idle class stays open until then (server/rooms/class-closing.ts). */
export async function lastDeadline(storage: Storage, sessionId: string): Promise<number> {
  return Math.max(0, ...(await storage.listAssignments(sessionId)).map((record) => parse(record).deadline));
}

/** An assignment by the id in its link, while its class is open. */
export async function findAssignment(storage: Storage, id: string): Promise<Outcome<{ record: AssignmentRecord; session: SessionRecord }, 'assignment/unknown'>> {
  const record = await storage.getAssignment(id);
  const session = record ? await storage.getSession(record.sessionId) : null;
  if (!record || !session || session.status !== 'open') return refuse('assignment/unknown', 'there is no open assignment with that link');
  return succeed({ record, session });
}

export async function assignmentInfo(storage: Storage, id: string): Promise<Outcome<AssignmentInfo, string>> {
  const found = await findAssignment(storage, id);
  if (!found.ok) return found;
  return succeed(info(found.value.record, found.value.session, await listClassRounds(storage, found.value.session.id)));
}

/** Who plays an assignment round: a student of its class by their rejoin token, or a new one (nickname, identifier) given a token. */
export interface AssignmentPlayer {
  readonly player: PlayerRecord;
  /** The new student's rejoin token (their class identity from now on); absent for a returning student. */
  readonly token?: string;
}

export interface AssignmentJoin {
  readonly token?: string;
  readonly nickname?: string;
  readonly studentId?: string;
}

/** A student of the class by token; else a new student of the class, as the class's admission would take them. */
async function assignmentPlayer(storage: Storage, session: SessionRecord, join: AssignmentJoin, now: number): Promise<Outcome<AssignmentPlayer, string>> {
  const players = await storage.listPlayers(session.id);
  if (join.token !== undefined) {
    const known = players.find((p) => secretMatches(join.token, p.tokenHash));
    if (known?.barred || known?.kicked) return refuse('class/barred', 'the host removed you from this class');
    if (known) return succeed({ player: known });
  }
  const settings = readSettings(session.settings);
  if (settings.locked) return refuse('class/locked', 'the host has locked this class');
  const taken = new Set(players.filter((p) => !p.barred && !p.kicked).map((p) => nicknameKey(p.nickname)));
  const name = chooseNickname(join.nickname, (key) => taken.has(key));
  if (!name.ok) return refuse(name.code, name.message);
  const studentId = checkStudentId(join.studentId, settings.askStudentId);
  if (!studentId.ok) return studentId;
  const token = newSecret();
  const player: PlayerRecord = {
    sessionId: session.id, playerId: `p${players.length + 1}-${newSecret().slice(0, 6)}`, nickname: name.nickname,
    tokenHash: hashSecret(token), joinedAt: now, barred: false, studentId: studentId.value,
  };
  await storage.savePlayer(player);
  return succeed({ player, token });
}

/** What a practice room needs to play an assignment round for a student. */
export interface AssignmentSeat extends AssignmentPlayer {
  readonly assignmentId: string;
  /** The class's join code. */
  readonly code: string;
  readonly roundIndex: number;
  readonly round: StartableRound;
  readonly deadline: number;
}

/** Opens round `roundIndex` of assignment `id` for the student `join` names. */
export async function openAssignmentRound(storage: Storage, id: string, roundIndex: number, join: AssignmentJoin, now: number): Promise<Outcome<AssignmentSeat, string>> {
  const found = await findAssignment(storage, id);
  if (!found.ok) return found;
  const { record, session } = found.value;
  const assignment = parse(record);
  const roundId = assignment.rounds[roundIndex];
  if (roundId === undefined) return refuse('assignment/no_round', `this assignment has ${assignment.rounds.length} rounds (0 to ${assignment.rounds.length - 1})`);
  const round = await findClassRound(storage, session.id, roundId);
  if (!round.ok) return round;
  const player = await assignmentPlayer(storage, session, join, now);
  if (!player.ok) return player;
  return succeed({ ...player.value, assignmentId: id, code: session.code, roundIndex, round: round.value, deadline: assignment.deadline });
}

/** Keeps a finished attempt: the student's figures as the class measures them, late when finished after the deadline. */
export async function saveAttempt(storage: Storage, seat: AssignmentSeat, match: MatchState, finishedAt: number): Promise<void> {
  const pace = roundPace(match.config);
  const standing = standingOf(match, pace.ok ? pace.value : null);
  const result: AttemptResult = {
    nickname: seat.player.nickname, utilization: standing.utilization, fragmentation: match.summary.fragmentation, failures: standing.failures,
    fallbacks: match.totals.fallbacks, played: requestsPlayed(match), score: standing.score, vsBest: standing.vsBest, late: finishedAt > seat.deadline,
  };
  await storage.saveAttempt({ assignmentId: seat.assignmentId, roundIndex: seat.roundIndex, playerId: seat.player.playerId, finishedAt, result: JSON.stringify(result) });
}

/** The better of two attempts for the gradebook: on time beats late, then the higher score. */
function better(a: AttemptResult, b: AttemptResult): AttemptResult {
  if (a.late !== b.late) return a.late ? b : a;
  return b.score > a.score ? b : a;
}

/**
 * The class's assignments as gradebook rounds after the live ones (numbered from `firstRoundNo`,
 * titled "Assignment: plan · round"), each student's best attempt as their result there.
 */
export async function assignmentGradebook(storage: Storage, sessionId: string, firstRoundNo: number): Promise<{ rounds: GradebookRound[]; results: GradebookResult[] }> {
  const rounds: GradebookRound[] = [];
  const results: GradebookResult[] = [];
  const titles = new Map((await listClassRounds(storage, sessionId)).map((r) => [r.id, r.title]));
  for (const record of await storage.listAssignments(sessionId)) {
    const assignment = parse(record);
    const best = new Map<string, AttemptResult>();
    for (const attempt of await storage.listAttempts(record.id)) {
      const key = `${attempt.roundIndex}:${attempt.playerId}`;
      const result = JSON.parse(attempt.result) as AttemptResult;
      const kept = best.get(key);
      best.set(key, kept ? better(kept, result) : result);
    }
    assignment.rounds.forEach((roundId, index) => {
      const roundNo = firstRoundNo + rounds.length;
      rounds.push({ roundNo, title: `Assignment: ${assignment.title} · ${titles.get(roundId) ?? roundId}` });
      for (const [key, r] of best) {
        const [at, playerId] = key.split(/:(.*)/s);
        if (Number(at) === index && playerId) results.push({ roundNo, playerId, ...r, rank: 0 });
      }
    });
  }
  return { rounds, results };
}
