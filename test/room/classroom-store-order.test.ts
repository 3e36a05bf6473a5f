// The classroom shows a move only once it is stored: the seat decides, the room
// writes the move, and only then is the synced state changed and the move acked. A
// write that fails changes nothing and the mover is refused. Driven through a store
// whose appendMove can be held open or made to fail.

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ColyseusTestServer } from '@colyseus/testing';
import type { Room } from '@colyseus/sdk';
import { ClassroomRoom } from '../../server/rooms/ClassroomRoom.ts';
import { bootClassroom } from './classroom-server.ts';
import { createServices } from '../../server/services.ts';
import { SqliteStorage } from '../../server/storage/sqlite-storage.ts';
import type { MoveRecord } from '../../server/storage/storage.ts';
import type { ClassroomState } from '../../server/state/classroom-state.ts';

/** A store whose move writes can be held open (until `release()`) or made to fail. */
class ControlledStorage extends SqliteStorage {
  mode: 'pass' | 'hold' | 'reject' = 'pass';
  readonly attempts: MoveRecord[] = [];
  private readonly waiting: (() => void)[] = [];

  override async appendMove(move: MoveRecord): Promise<void> {
    this.attempts.push(move);
    if (this.mode === 'reject') throw new Error('the disk is full');
    if (this.mode === 'hold') await new Promise<void>((resolve) => this.waiting.push(resolve));
    await super.appendMove(move);
  }

  /** Lets every held write through. */
  release(): void {
    for (const go of this.waiting.splice(0)) go();
  }
}

const storage = new ControlledStorage(':memory:');
const services = createServices({ storage: () => storage });
let colyseus: ColyseusTestServer;

beforeAll(async () => {
  colyseus = await bootClassroom(services, 2622);
});
afterAll(async () => {
  await colyseus.shutdown();
});

interface Answer { type: 'ack' | 'refused'; code?: string }

/** A class with a host and one student in the warm-up round; the server's room, and the student's first pending request. */
async function studentInRound(): Promise<{ room: ClassroomRoom; student: Room<unknown, ClassroomState>; host: Room<unknown, ClassroomState>; answers: Answer[] }> {
  const created = (await colyseus.http.post('/api/classes')).data as { code: string; hostKey: string; roomId: string };
  const host = await colyseus.sdk.joinById<ClassroomState>(created.roomId, { hostKey: created.hostKey });
  const student = await colyseus.sdk.joinById<ClassroomState>(created.roomId, { code: created.code, nickname: 'Ada' });
  const answers: Answer[] = [];
  student.onMessage('ack', () => answers.push({ type: 'ack' }));
  student.onMessage('refused', (r: { code: string }) => answers.push({ type: 'refused', code: r.code }));
  host.send('host:start', { round: 'warm-up' });
  await vi.waitFor(() => expect([...student.state.heaps.values()][0]?.pending.size).toBe(1));
  await vi.waitFor(() => expect([...host.state.heaps.values()][0]?.pending.size).toBe(1));
  return { room: colyseus.getRoomById(created.roomId), student, host, answers };
}

/** The student's heap as the server syncs it (what every client's patch is made from). */
function syncedHeap(room: ClassroomRoom) {
  const heap = [...room.state.heaps.values()][0];
  if (!heap) throw new Error('no heap synced');
  return heap;
}

describe('classroom: a move is shown only once it is stored', () => {
  it('keeps the synced state unchanged while the write is pending, then shows it and acks', async () => {
    const { room, student, host, answers } = await studentInRound();
    storage.mode = 'hold';
    const writes = storage.attempts.length;
    student.send('place', { requestId: 0, target: 0, version: 0 });
    await vi.waitFor(() => expect(storage.attempts.length).toBe(writes + 1));
    expect(syncedHeap(room).version).toBe(0);
    expect(syncedHeap(room).pending.id).toBe(0);
    expect(answers).toEqual([]);

    storage.mode = 'pass';
    storage.release();
    await vi.waitFor(() => expect(answers).toEqual([{ type: 'ack' }]));
    expect(syncedHeap(room).version).toBe(1);
    await vi.waitFor(() => expect([...student.state.heaps.values()][0]?.version).toBe(1));
    await vi.waitFor(() => expect([...host.state.heaps.values()][0]?.version).toBe(1));
    await student.leave();
    await host.leave();
  });

  it('answers a stored move at once: the patch that shows it, then the ack, without waiting for the patch interval', async () => {
    const { room, student, host } = await studentInRound();
    // No patch tick for a minute: whatever reaches the student now came with the move's answer.
    room.setPatchRate(60_000);
    const seenAtAck: (number | undefined)[] = [];
    student.onMessage('ack', (version: number) => seenAtAck.push(version, [...student.state.heaps.values()][0]?.version));
    student.send('place', { requestId: 0, target: 0, version: 0 });
    await vi.waitFor(() => expect(seenAtAck).toEqual([1, 1]));
    room.setPatchRate(50);
    await student.leave();
    await host.leave();
  });

  it('refuses the move when the write fails, and leaves the state as it was (the same move goes through once the store is back)', async () => {
    const { room, student, host, answers } = await studentInRound();
    storage.mode = 'reject';
    student.send('place', { requestId: 0, target: 0, version: 0 });
    await vi.waitFor(() => expect(answers).toEqual([{ type: 'refused', code: 'server/error' }]));
    expect(syncedHeap(room).version).toBe(0);
    expect(syncedHeap(room).pending.id).toBe(0);

    storage.mode = 'pass';
    student.send('place', { requestId: 0, target: 0, version: 0 });
    await vi.waitFor(() => expect(answers.at(-1)).toEqual({ type: 'ack' }));
    expect(syncedHeap(room).version).toBe(1);
    expect(storage.attempts.at(-1)).toMatchObject({ seq: 0 });
    await student.leave();
    await host.leave();
  });
});
