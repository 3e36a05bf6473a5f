// The client's one networking module: HTTP calls and Colyseus rooms. Scenes call
// these functions and never touch the SDK or fetch themselves. A student's rejoin
// token is kept in localStorage per class code, so a closed tab (or a restarted
// server) brings them back to the same seat.

import { Client, type Room } from '@colyseus/sdk';
import type { ListedRound } from '../../../server/classroom/round-library.ts';

export type { ListedRound };
import { httpOrigin, serverEndpoint } from './origin.ts';
import { noteJoinedUnder } from './server-restart.ts';

export interface Refusal {
  readonly code: string;
  readonly message: string;
}

export interface Welcome {
  readonly role: 'student' | 'host';
  readonly code: string;
  readonly playerId?: string;
  readonly nickname?: string;
  readonly token?: string;
  readonly sessionId?: string;
}

export interface CreatedClass {
  readonly code: string;
  readonly hostKey: string;
  readonly roomId: string;
}

let sdk: Client | null = null;

function client(): Client {
  sdk ??= new Client(serverEndpoint());
  return sdk;
}

/**
 * Whether a failed join or request is for good (the class is unknown or closed, the key is
 * wrong, the student was removed) rather than a server or network out of reach, which a
 * retry a few seconds later can mend.
 */
export function isFinalRefusal(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /^(class\/(unknown|barred|kicked|code_required|locked|no_late_join)|host\/forbidden|nickname\/[a-z_]+|join\/too_many_attempts)\b/.test(text);
}

/** Turns a failed join or request into words a player can read. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const known = /^([a-z_]+\/[a-z_]+):\s*(.*)$/s.exec(text);
  if (known) return known[2] || known[1] || text;
  if (/fetch|network|ECONNREFUSED|Failed to/i.test(text)) return 'cannot reach the game server; check the connection';
  return text;
}

/** An HTTP call answered with JSON; a refusal (`{ code, message }`) is thrown as "code: message". A `json` body is sent as application/json. */
export async function requestJson<T>(method: string, path: string, headers: Record<string, string> = {}, json?: unknown): Promise<T> {
  const sent = json === undefined ? {} : { body: JSON.stringify(json), headers: { ...headers, 'content-type': 'application/json' } };
  const res = await fetch(`${httpOrigin()}${path}`, { method, headers, ...sent });
  if (!res.ok) throw await refusalError(res);
  return (await res.json().catch(() => ({}))) as T;
}

/** A failed response's refusal as the error the calls throw ("code: message", the server's words). */
export async function refusalError(res: Response): Promise<Error> {
  const body = (await res.json().catch(() => ({}))) as Partial<Refusal>;
  return new Error(`${body.code ?? 'server/error'}: ${body.message ?? res.statusText}`);
}

/** The path of a class's host-only HTTP routes (`/api/classes/CODE/…`). */
export function classPath(code: string, rest: string): string {
  return `/api/classes/${encodeURIComponent(code)}/${rest}`;
}

/** Hands `blob` to the browser as a file download named `name`. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

export async function joinPractice(level?: string, options: { readonly clock?: boolean } = {}): Promise<Room> {
  return client().create('practice', { ...(level ? { level } : {}), ...(options.clock === false ? { clock: false } : {}) });
}

/**
 * The join link the server gave for each class code (`joinUrl`: PUBLIC_URL, or an address
 * phones can reach when this page was opened at localhost); joinLink falls back to this page's origin.
 */
const joinUrls = new Map<string, string>();

function noteJoinUrl(found: { readonly code: string; readonly joinUrl?: string }): void {
  if (typeof found.joinUrl === 'string' && /^https?:\/\//.test(found.joinUrl)) joinUrls.set(found.code, found.joinUrl);
}

/** Looks a class up by code: its live room (restored by the server when it had none), its join link, the server's boot id. */
async function findClass(code: string): Promise<{ code: string; roomId: string; bootId?: unknown }> {
  const found = await requestJson<{ code: string; roomId: string; joinUrl?: string; bootId?: unknown }>('GET', `/api/classes/${encodeURIComponent(code)}`);
  noteJoinUrl(found);
  return found;
}

export async function createClass(): Promise<CreatedClass> {
  const created = await requestJson<CreatedClass & { joinUrl?: string }>('POST', '/api/classes');
  noteJoinUrl(created);
  return created;
}

function tokenKey(code: string): string {
  return `mallocade:token:${code}`;
}

export function savedToken(code: string): string | null {
  try {
    return window.localStorage.getItem(tokenKey(code));
  } catch {
    return null;
  }
}

function saveToken(code: string, token: string): void {
  try {
    window.localStorage.setItem(tokenKey(code), token);
  } catch {
    // private mode: the player can still rejoin within the reconnection grace period
  }
}

/** The class `code` was closed (`closed`): its seat can never be opened again, and the code may go to another class. */
export function forgetClass(code: string): void {
  forgetToken(code);
}

/** The words of a `closed` message (the class is closed for good), or null for anything else. */
export function closedWords(payload: unknown): string | null {
  const message = (payload as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message !== '' ? message : null;
}

function forgetToken(code: string): void {
  try {
    window.localStorage.removeItem(tokenKey(code));
  } catch {
    // storage is switched off: nothing was kept
  }
}

function waitForWelcome(room: Room): Promise<Welcome> {
  return new Promise((resolve) => {
    const stop = room.onMessage('welcome', (welcome: Welcome) => {
      stop();
      resolve(welcome);
    });
  });
}

/**
 * Joins a class as a student: with the saved token when this browser was here before, else
 * as a newcomer with a nickname and, when the class asks for one, the private student ID or e-mail.
 */
export async function joinClass(code: string, nickname: string, studentId = ''): Promise<{ room: Room; welcome: Welcome }> {
  const found = await findClass(code);
  const token = savedToken(found.code);
  const newcomer = { code: found.code, nickname, ...(studentId.trim() ? { studentId } : {}) };
  let room: Room;
  try {
    room = await client().joinById(found.roomId, token ? { code: found.code, token } : newcomer);
  } catch (error) {
    // Kicked (not barred): the old seat is gone for good; this browser may join again as someone new.
    if (!token || !/^class\/kicked\b/.test(error instanceof Error ? error.message : String(error))) throw error;
    forgetToken(found.code);
    room = await client().joinById(found.roomId, newcomer);
  }
  noteJoinedUnder(room, found.bootId);
  const welcome = await waitForWelcome(room);
  if (welcome.token) saveToken(found.code, welcome.token);
  return { room, welcome };
}

/** An assignment as its link shows it (GET /api/assignments/:id). */
export interface AssignmentInfo {
  readonly id: string;
  readonly code: string;
  readonly title: string;
  /** Wall time (ms) after which an attempt is late. */
  readonly deadline: number;
  readonly askStudentId: 'none' | 'id' | 'email';
  readonly rounds: readonly { readonly id: string; readonly title: string; readonly description: string; readonly requests: number }[];
}

/** One round of an assignment to play, and the names a browser new to the class joins it with. */
export interface AssignmentRound {
  readonly info: AssignmentInfo;
  readonly round: number;
  readonly nickname?: string;
  readonly studentId?: string;
}

export async function findAssignment(id: string): Promise<AssignmentInfo> {
  return requestJson<AssignmentInfo>('GET', `/api/assignments/${encodeURIComponent(id)}`);
}

/** Whether this browser is already one of the class's students (it keeps their token). */
export function isClassMember(code: string): boolean {
  return savedToken(code) !== null;
}

/**
 * Opens round `round` of an assignment in a practice room, as this browser's student of
 * the class (their token), or as a new one (nickname, and the identifier the class asks for).
 */
export async function joinAssignmentRound(assignment: AssignmentInfo, round: number, newcomer: { readonly nickname?: string; readonly studentId?: string } = {}): Promise<Room> {
  const token = savedToken(assignment.code);
  const who = token ? { token } : { ...(newcomer.nickname ? { nickname: newcomer.nickname } : {}), ...(newcomer.studentId ? { studentId: newcomer.studentId } : {}) };
  const room = await client().create('practice', { assignment: assignment.id, round, ...who });
  void waitForWelcome(room).then((welcome) => {
    if (welcome.token) saveToken(assignment.code, welcome.token);
  });
  return room;
}

/** Joins a class as its host (dashboard or projector). */
export async function hostClass(code: string, hostKey: string): Promise<{ room: Room; welcome: Welcome }> {
  const found = await findClass(code);
  const room = await client().joinById(found.roomId, { hostKey });
  noteJoinedUnder(room, found.bootId);
  return { room, welcome: await waitForWelcome(room) };
}

/** The results CSV of a class, as a file the browser downloads. */
export async function downloadResults(code: string, hostKey: string): Promise<void> {
  const res = await fetch(`${httpOrigin()}${classPath(code, 'results.csv')}`, { headers: { 'x-host-key': hostKey } });
  if (!res.ok) throw new Error('host/forbidden: the results could not be fetched');
  saveFile(await res.blob(), `mallocade-${code}-results.csv`);
}

/** Every round the class can start (built-in first, then the host's), as GET /api/classes/:code/rounds lists them. */
export async function listRounds(code: string, hostKey: string): Promise<ListedRound[]> {
  const body = await requestJson<{ rounds: ListedRound[] }>('GET', classPath(code, 'rounds'), { 'x-host-key': hostKey });
  return body.rounds;
}

/** Saves a round of the host's own (JSON round settings); the server refuses bad settings in the engine's words. */
export async function saveRound(code: string, hostKey: string, settings: unknown): Promise<ListedRound> {
  return requestJson<ListedRound>('POST', classPath(code, 'rounds'), { 'x-host-key': hostKey }, settings);
}

/** The link a student opens to join (the QR code encodes it). */
export function joinLink(code: string): string {
  return joinUrls.get(code) ?? `${window.location.origin}/?join=${encodeURIComponent(code)}`;
}
