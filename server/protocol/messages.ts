// The protocol's message table: every message a client sends (docs/PROTOCOL.md,
// "Messages a client sends"), with who may send it, where, and its shape in the
// `validate.ts` shape language. Rooms validate from this table; the payload types
// are derived from the shapes, so the client takes them with `import type` and a
// field changed here is a type error at every sender. The answers a client receives
// are typed at the end.
//
// Runtime imports stay within `shared/` and `./validate.ts` (no Colyseus, no Node):
// the table is data, and a type import of it must cost a client bundle nothing.

import { TIME_ALLOWANCES } from '../../shared/match/time-allowance.ts';
import type { Outcome } from '../../shared/core/outcome.ts';
import { STUDENT_ID_MODES } from '../../shared/classroom/student-id.ts';
import { ROSTER_PAGE_MAX, ROSTER_SEARCH_MAX, ROSTER_SORTS } from '../../shared/classroom/roster.ts';
import { parseMessage, type MessageCode, type Parsed, type Shape } from './validate.ts';

/** The largest address or slab/arena id a move may name. */
const MAX_TARGET = 2 ** 48;
/** Versions and request ids are counters; nothing legitimate comes near this. */
const MAX_COUNT = 2 ** 31;

/** Who may send a message: a player at their heap, or the class's host. */
export type Sender = 'player' | 'host';
/** Which rooms take a message. */
export type RoomName = 'practice' | 'classroom';

export interface MessageSpec {
  readonly sender: Sender;
  readonly rooms: readonly RoomName[];
  readonly shape: Shape;
}

const EMPTY = {} as const;
/** What the projector shows (`host:project`): the leaderboard, one student's heap, the best and worst beside a policy's, the class figures. */
export const PROJECTIONS = ['board', 'heap', 'compare', 'figures'] as const;
export type ProjectionShow = (typeof PROJECTIONS)[number];
const VERSION = { type: 'int', min: 0, max: MAX_COUNT } as const;

/** Every client→server message by type. The keys are the wire names. */
export const CLIENT_MESSAGES = {
  place: {
    sender: 'player',
    rooms: ['practice', 'classroom'],
    shape: { requestId: { type: 'int', min: 0, max: MAX_COUNT }, target: { type: 'int', min: -1, max: MAX_TARGET }, version: VERSION },
  },
  coalesce: {
    sender: 'player',
    rooms: ['practice', 'classroom'],
    shape: { target: { type: 'int', min: 0, max: MAX_TARGET, optional: true }, version: VERSION },
  },
  release: {
    sender: 'player',
    rooms: ['practice', 'classroom'],
    shape: { target: { type: 'int', min: 0, max: MAX_TARGET }, version: VERSION },
  },
  pause: { sender: 'player', rooms: ['practice'], shape: EMPTY },
  resume: { sender: 'player', rooms: ['practice'], shape: EMPTY },
  // A built-in round's id (shared/levels/rounds.ts) or one the host made (POST /api/classes/:code/rounds).
  'host:start': { sender: 'host', rooms: ['classroom'], shape: { round: { type: 'string', maxLength: 64 } } },
  'host:pause': { sender: 'host', rooms: ['classroom'], shape: EMPTY },
  'host:resume': { sender: 'host', rooms: ['classroom'], shape: EMPTY },
  'host:end': { sender: 'host', rooms: ['classroom'], shape: EMPTY },
  // Closes the class for good (server/rooms/class-closing.ts).
  'host:close': { sender: 'host', rooms: ['classroom'], shape: EMPTY },
  'host:extend': { sender: 'host', rooms: ['classroom'], shape: { seconds: { type: 'int', min: 1, max: 600 } } },
  'host:kick': { sender: 'host', rooms: ['classroom'], shape: { playerId: { type: 'string', maxLength: 64 }, bar: { type: 'boolean', optional: true } } },
  'host:lock': { sender: 'host', rooms: ['classroom'], shape: { value: { type: 'boolean' } } },
  'host:late-join': { sender: 'host', rooms: ['classroom'], shape: { value: { type: 'boolean' } } },
  'host:leaderboard': { sender: 'host', rooms: ['classroom'], shape: { mode: { type: 'enum', values: ['shown', 'hidden', 'anonymous'] } } },
  'host:student-id': { sender: 'host', rooms: ['classroom'], shape: { ask: { type: 'enum', values: STUDENT_ID_MODES } } },
  'host:project': {
    sender: 'host',
    rooms: ['classroom'],
    shape: { show: { type: 'enum', values: PROJECTIONS }, playerId: { type: 'string', maxLength: 64, optional: true }, named: { type: 'boolean', optional: true } },
  },
  // The podium reveal at the end of a session (shared/score SC-10): a countdown, then third, second, first on every screen.
  'host:podium': { sender: 'host', rooms: ['classroom'], shape: EMPTY },
  'host:time': { sender: 'host', rooms: ['classroom'], shape: { playerId: { type: 'string', maxLength: 64 }, allowance: { type: 'enum', values: TIME_ALLOWANCES } } },
  // A finished student's round, sent back to the host as `replay` to step through (issue 14, item 7).
  'host:replay': { sender: 'host', rooms: ['classroom'], shape: { playerId: { type: 'string', maxLength: 64 } } },
  // The host's page of the roster (shared/classroom/SPEC.md CLASS-ROSTER): their view carries only these students.
  'host:page': {
    sender: 'host',
    rooms: ['classroom'],
    shape: {
      offset: { type: 'int', min: 0, max: 100_000 },
      limit: { type: 'int', min: 1, max: ROSTER_PAGE_MAX },
      sort: { type: 'enum', values: ROSTER_SORTS },
      search: { type: 'string', maxLength: ROSTER_SEARCH_MAX },
      open: { type: 'string', maxLength: 64, optional: true },
    },
  },
} as const satisfies Readonly<Record<string, MessageSpec>>;

type Table = typeof CLIENT_MESSAGES;

/** The wire name of a client→server message. */
export type ClientMessageType = keyof Table;

/** The body of message `T`, as the room accepts it. */
export type ClientMessage<T extends ClientMessageType> = Parsed<Table[T]['shape']>;

/** Every client→server message's body, by type (for a typed sender: `send<T>(type: T, body: ClientMessages[T])`). */
export type ClientMessages = { [T in ClientMessageType]: ClientMessage<T> };

/** The messages one room takes. */
export type RoomMessageType<R extends RoomName> = { [T in ClientMessageType]: R extends Table[T]['rooms'][number] ? T : never }[ClientMessageType];

/** The messages a host sends (all of them classroom messages). */
export type HostMessageType = { [T in ClientMessageType]: Table[T]['sender'] extends 'host' ? T : never }[ClientMessageType];

/** The wire names of the messages a room takes, in table order. */
export function messagesOf<R extends RoomName>(room: R): RoomMessageType<R>[] {
  return (Object.keys(CLIENT_MESSAGES) as ClientMessageType[]).filter((t): t is RoomMessageType<R> => (CLIENT_MESSAGES[t].rooms as readonly RoomName[]).includes(room));
}

/** Checks a message of type `type` against its shape in the table. */
export function parseClientMessage<T extends ClientMessageType>(type: T, raw: unknown): Outcome<ClientMessage<T>, MessageCode> {
  return parseMessage(CLIENT_MESSAGES[type].shape as Table[T]['shape'], raw);
}

// ---- join options (checked in onCreate / onAuth, not messages) ------------------

/** `client.create('practice', options)`: a level id, the warm-up when left out. */
export const PRACTICE_JOIN_SHAPE = {
  level: { type: 'string', maxLength: 64, optional: true },
  /** An assignment's id (its link) and which of its rounds, played under the student's class identity: their token, or a nickname (and identifier) to join the class with. */
  assignment: { type: 'string', maxLength: 64, optional: true },
  round: { type: 'int', min: 0, max: 49, optional: true },
  token: { type: 'string', maxLength: 200, optional: true },
  nickname: { type: 'string', maxLength: 200, optional: true },
  studentId: { type: 'string', maxLength: 200, optional: true },
  /** false: no clock for this player (a comfort setting, shared/match MATCH-TIME-5): no request of theirs goes to the fallback. */
  clock: { type: 'boolean', optional: true },
} as const;
export type PracticeJoinOptions = Parsed<typeof PRACTICE_JOIN_SHAPE>;

/** `client.joinById(roomId, options)` for a classroom: the host's key, or a student's code with a nickname or rejoin token. */
export const CLASSROOM_JOIN_SHAPE = {
  code: { type: 'string', maxLength: 16, optional: true },
  hostKey: { type: 'string', maxLength: 200, optional: true },
  nickname: { type: 'string', maxLength: 200, optional: true },
  token: { type: 'string', maxLength: 200, optional: true },
  /** The private identifier a class may ask for (shared/classroom/student-id.ts). */
  studentId: { type: 'string', maxLength: 200, optional: true },
} as const;
export type ClassroomJoinOptions = Parsed<typeof CLASSROOM_JOIN_SHAPE>;

// ---- answers (server → client) --------------------------------------------------

/** `refused`: nothing changed; `message` is meant for the player. */
export interface RefusalMessage {
  readonly code: string;
  readonly message: string;
}

/** `ack` (classroom): the move is stored. */
export interface AckMessage {
  readonly version: number;
}

/** `welcome` (classroom): who the server took the client for; `token` only on a student's first join. */
export type WelcomeMessage =
  | { readonly role: 'student'; readonly playerId: string; readonly nickname: string; readonly code: string; readonly token?: string }
  | { readonly role: 'host'; readonly code: string; readonly sessionId: string };

/** `kicked` (classroom): the host removed this student; `barred` keeps them out. */
export interface KickedMessage {
  readonly barred: boolean;
}

/** `closed` (classroom): the class is closed for good, by the host or after its idle time; the connection closes next (code 4411). */
export interface ClassClosed {
  readonly by: 'host' | 'idle';
  readonly message: string;
}

/** `replay` (classroom, to the host who sent `host:replay`): a student's finished round, its results JSON as `results` sends it to them, in words about the student (SC-11). */
export interface ReplayMessage {
  readonly playerId: string;
  readonly nickname: string;
  /** The round's title. */
  readonly title: string;
  readonly results: string;
}

/** Every server→client message's body, by type (`results` is the results JSON as a string). */
export interface ServerMessages {
  readonly refused: RefusalMessage;
  readonly ack: AckMessage;
  readonly welcome: WelcomeMessage;
  readonly kicked: KickedMessage;
  readonly closed: ClassClosed;
  readonly results: string;
  readonly replay: ReplayMessage;
}
