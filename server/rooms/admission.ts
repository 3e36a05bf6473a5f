// Who may join a classroom, and as what: the checks a join goes through before a
// seat is given (docs/PROTOCOL.md, "classroom"). The host's key opens the class as
// host; a student needs the class's code and then either a rejoin token (back to
// their seat) or, when the class is open to newcomers, a nickname nobody holds. A
// wrong code or key counts against the address (guessing is slowed to a crawl).
// The room gives the facts in; this module decides and names the refusal.

import { parseMessage } from '../protocol/validate.ts';
import { normalizeJoinCode } from '../protocol/join-code.ts';
import { CLASSROOM_JOIN_SHAPE, type ClassroomJoinOptions } from '../protocol/messages.ts';
import { chooseNickname } from '../classroom/nicknames.ts';
import { secretMatches } from '../classroom/secrets.ts';
import { nicknameKey } from '../../shared/classroom/nickname.ts';
import { checkStudentId, type StudentIdMode } from '../../shared/classroom/student-id.ts';
import type { PlayerRecord, SessionRecord } from '../storage/storage.ts';

/** What a join is admitted as: the host, a returning student (their seat), or a new student (their nickname). */
export type Admission =
  | { readonly role: 'host' }
  | { readonly role: 'student'; readonly playerId: string }
  | { readonly role: 'student'; readonly nickname: string; readonly studentId: string };

/** A refused join: the HTTP-like status the SDK's promise rejects with, and the protocol's code. */
export interface JoinRefusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** The facts about the class a join is checked against. */
export interface ClassDoor {
  readonly session: SessionRecord;
  readonly locked: boolean;
  readonly lateJoin: boolean;
  /** What a new student must give beside a nickname (CLASS-SID-1). */
  readonly askStudentId: StudentIdMode;
  /** Whether a round is running (started and not yet in results). */
  readonly roundRunning: boolean;
  /** The players seated now. */
  readonly seated: () => Iterable<PlayerRecord>;
  /** Every player stored for the session, barred ones included (asked only for an unknown token). */
  readonly stored: () => Promise<readonly PlayerRecord[]>;
  /** Counts a wrong code or key against the joining address; false once it has tried too many. */
  readonly noteBadJoin: () => boolean;
}

const refusal = (status: number, code: string, message: string): { readonly ok: false } & JoinRefusal => ({ ok: false, status, code, message });
const admitted = (value: Admission): { readonly ok: true; readonly value: Admission } => ({ ok: true, value });

/** A wrong code or key: 403, or 429 once the address has tried too many. */
function badJoin(noteBadJoin: () => boolean, code: string, message: string): { readonly ok: false } & JoinRefusal {
  if (!noteBadJoin()) return refusal(429, 'join/too_many_attempts', 'too many wrong codes; wait a minute and try again');
  return refusal(403, code, message);
}

/** What the class's door is opened with: its code, and its host key's stored hash (asked only for a host key). */
export interface DoorKey {
  readonly code: string;
  readonly hostKeyHash: () => Promise<string | null> | string | null;
  readonly noteBadJoin: () => boolean;
}

/**
 * Whether the options open the class at all: the host key opens it as host, the code
 * (read as the HTTP lookup reads it: case, spaces and dashes do not matter) as a student.
 * Asked when a seat is reserved (reservation.ts) and again when it is taken (admitJoin).
 */
export async function openDoor(options: ClassroomJoinOptions, key: DoorKey): Promise<{ readonly ok: true; readonly role: 'host' | 'student' } | ({ readonly ok: false } & JoinRefusal)> {
  if (options.hostKey !== undefined) {
    const hash = await key.hostKeyHash();
    if (hash !== null && secretMatches(options.hostKey, hash)) return { ok: true, role: 'host' };
    return badJoin(key.noteBadJoin, 'host/forbidden', 'that host key does not open this class');
  }
  if (options.code === undefined) return badJoin(key.noteBadJoin, 'class/code_required', 'joining a class needs its code');
  if (normalizeJoinCode(options.code) !== key.code) return badJoin(key.noteBadJoin, 'class/unknown', 'that code does not open this class');
  return { ok: true, role: 'student' };
}

/** Decides what `rawOptions` (the join options) are admitted as, or why not. */
export async function admitJoin(rawOptions: unknown, door: ClassDoor): Promise<{ readonly ok: true; readonly value: Admission } | ({ readonly ok: false } & JoinRefusal)> {
  const parsed = parseMessage(CLASSROOM_JOIN_SHAPE, rawOptions ?? {});
  if (!parsed.ok) return refusal(400, parsed.code, parsed.message);
  const options = parsed.value;
  const opened = await openDoor(options, { code: door.session.code, hostKeyHash: () => door.session.hostKeyHash, noteBadJoin: door.noteBadJoin });
  if (!opened.ok) return opened;
  if (opened.role === 'host') return admitted({ role: 'host' });
  if (options.token !== undefined) {
    for (const record of door.seated()) if (secretMatches(options.token, record.tokenHash)) return admitted({ role: 'student', playerId: record.playerId });
    const removed = (await door.stored()).find((p) => (p.barred || p.kicked) && secretMatches(options.token, p.tokenHash));
    if (removed?.barred) return refusal(403, 'class/barred', 'the host removed you from this class');
    // A kick sticks: the token opens nothing, but the student may join again as someone new.
    if (removed) return refusal(403, 'class/kicked', 'the host removed you from this class; join again with a nickname');
  }
  if (door.locked) return refusal(403, 'class/locked', 'the host has locked this class');
  if (!door.lateJoin && door.roundRunning) return refusal(403, 'class/no_late_join', 'a round is running and the host is not letting anyone join late');
  const taken = new Set([...door.seated()].map((r) => nicknameKey(r.nickname)));
  const name = chooseNickname(options.nickname, (key) => taken.has(key));
  if (!name.ok) return refusal(409, name.code, name.message);
  const studentId = checkStudentId(options.studentId, door.askStudentId);
  if (!studentId.ok) return refusal(400, studentId.code, studentId.message);
  return admitted({ role: 'student', nickname: name.nickname, studentId: studentId.value });
}
