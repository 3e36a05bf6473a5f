// Drives a classroom from outside, as a real client does (docs/PROTOCOL.md): the HTTP
// API, SDK rooms for the host and the students, a student's own heap from the synced
// state, a legal spot for the pending request, and a move that waits for its answer.
// Shared by the recovery test (test/server/recovery.test.ts) and the load script
// (test/bench/load.ts); it knows no rule of the game beyond "a free block that fits".

import { Client, type Room } from '@colyseus/sdk';
import type { SchemaConstructor } from '@colyseus/sdk/serializer/SchemaSerializer';
import type { ClassroomState } from '../../server/state/classroom-state.ts';
import type { MatchState, RegionState } from '../../server/state/match-state.ts';

export interface CreatedClass {
  readonly code: string;
  readonly hostKey: string;
  readonly roomId: string;
  readonly sessionId: string;
}

export interface StudentWelcome {
  readonly role: 'student';
  readonly playerId: string;
  readonly nickname: string;
  readonly code: string;
  /** Only on a first join: what brings the student back to the same seat. */
  readonly token?: string;
}

export type ClassRoom = Room<unknown, ClassroomState>;

/** The answer to a move: `ack` once it is stored, or `refused` with a code. */
export type MoveAnswer =
  | { readonly type: 'ack'; readonly version: number }
  | { readonly type: 'refused'; readonly code: string; readonly message: string };

const welcomes = new WeakMap<object, Promise<unknown>>();

/**
 * An SDK client that listens for `welcome` before the room connects, so the message
 * that follows the join at once is never missed.
 */
export class ClassClient extends Client {
  protected override createRoom<T>(roomName: string, rootSchema?: SchemaConstructor<T>) {
    const room = super.createRoom<T>(roomName, rootSchema);
    welcomes.set(room, new Promise((resolve) => room.onMessage('welcome', resolve)));
    return room;
  }
}

async function readJson<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function createClass(httpUrl: string): Promise<CreatedClass> {
  return readJson<CreatedClass>(await fetch(`${httpUrl}/api/classes`, { method: 'POST' }), 'create a class');
}

/** The room of the open session with `code` (after a restart, the server re-creates it from storage). */
export async function findClass(httpUrl: string, code: string): Promise<string> {
  return (await readJson<{ roomId: string }>(await fetch(`${httpUrl}/api/classes/${code}`), `find class ${code}`)).roomId;
}

export async function joinAsHost(client: ClassClient, roomId: string, hostKey: string): Promise<ClassRoom> {
  return client.joinById<ClassroomState>(roomId, { hostKey });
}

export async function joinAsStudent(
  client: ClassClient,
  roomId: string,
  options: { readonly code: string; readonly nickname: string } | { readonly code: string; readonly token: string },
): Promise<{ readonly room: ClassRoom; readonly welcome: StudentWelcome }> {
  const room = await client.joinById<ClassroomState>(roomId, options);
  const welcome = welcomes.get(room);
  if (!welcome) throw new Error('join through a ClassClient to receive the welcome');
  return { room, welcome: (await welcome) as StudentWelcome };
}

/** A student's own heap: the one entry of `heaps` their view holds. */
export function ownHeap(room: ClassRoom): MatchState | undefined {
  const heaps = room.state?.heaps;
  if (!heaps || heaps.size !== 1) return undefined;
  return heaps.values().next().value;
}

/** Bytes a request of `size` takes: a buddy block is the next power of two (unit 1, as the built-in rounds have). */
function blockBytes(kind: string, size: number): number {
  return kind === 'buddy' ? 2 ** Math.ceil(Math.log2(Math.max(1, size))) : size;
}

/**
 * A legal target for the pending request: the start of the first free region that
 * fits it (a free buddy block starts at a multiple of its size, so it is aligned for
 * any smaller block); null when nothing is pending or nothing fits.
 */
export function chooseTarget(heap: MatchState): number | null {
  if (!heap.hasPending) return null;
  const need = blockBytes(heap.kind, heap.pending.size);
  const fits = (r: RegionState): boolean => r.state === 'free' && r.size >= need;
  return heap.regions.find(fits)?.start ?? null;
}

/** Where a bench or test places next on any kind: the first hint on slab and arena (a slab or arena id), else chooseTarget; -1 when nothing fits. */
export function chooseAnyTarget(heap: MatchState): number {
  if (heap.kind === 'slab' || heap.kind === 'arena') return heap.hints[0]?.target ?? -1;
  return chooseTarget(heap) ?? -1;
}

/** Whether the heap shows a request the student can place now (the last answer's state has arrived). */
export function isReadyToPlace(heap: MatchState | undefined, ackedVersion: number): heap is MatchState {
  return heap !== undefined && heap.phase === 'playing' && heap.hasPending && heap.version >= ackedVersion;
}

/** Live blocks as `start:size#id`, in address order: what a heap holds, in a form tests compare. */
export function liveBlocks(heap: MatchState): string[] {
  return heap.regions.filter((r) => r.state === 'live').map((r) => `${r.start}:${r.size}#${r.id}`);
}

/** Calls `onAnswer` with every `ack` and `refused` the room receives (a client with one move in flight knows whose it is). */
export function listenForAnswers(room: ClassRoom, onAnswer: (answer: MoveAnswer) => void): void {
  room.onMessage('ack', (version: number) => onAnswer({ type: 'ack', version }));
  room.onMessage('refused', (m: { code: string; message: string }) => onAnswer({ type: 'refused', code: m.code, message: m.message }));
}

/** Resolves once `isDone` holds for the room's state, checked after every patch; rejects after `timeoutMs`. */
export async function waitForState(room: ClassRoom, isDone: () => boolean, timeoutMs = 10_000, what = 'the state'): Promise<void> {
  if (isDone()) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      room.onStateChange.remove(check);
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    function check(): void {
      if (!isDone()) return;
      clearTimeout(timer);
      room.onStateChange.remove(check);
      resolve();
    }
    room.onStateChange(check);
  });
}
