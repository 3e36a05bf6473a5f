// A student's heap in a class round, as the student and the host decode it through their
// filtered views, equals the server's after every move of the round (buddy-peaks, the round
// `npm run load` plays): the heap's lists change by insert, remove and shift
// (server/state/match-state.ts syncList), which must reach a filtered view as they reach a
// practice client (test/room/state-mirror.test.ts).
import { describe, expect, it, vi } from 'vitest';
import type { Room } from '@colyseus/sdk';
import { BUDDY_PEAKS_ID } from '../../server/rooms/rounds.ts';
import type { ClassroomState } from '../../server/state/classroom-state.ts';
import type { MatchState } from '../../server/state/match-state.ts';
import { chooseAnyTarget } from '../server/classroom-driver.ts';
import { drivenClassroom } from './classroom-server.ts';

const driven = drivenClassroom();

type ClassRoom = Room<unknown, ClassroomState>;

/** `heap` as its numbers arrive: the float32 fields rounded as the wire rounds them. */
function onTheWire(heap: MatchState): unknown {
  return JSON.parse(JSON.stringify(heap.toJSON()), (_key, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Math.fround(value) : value));
}

const onlyHeap = (heaps: Map<string, MatchState>): MatchState | undefined => [...heaps.values()][0];

describe('a class seat decodes exactly, move after move', () => {
  it('[MATCH-VIEW-1] the student and the host hold the server\'s heap after every move of a buddy round', async () => {
    const created = (await driven.server().http.post('/api/classes')).data as { code: string; hostKey: string; roomId: string };
    const host = await driven.server().sdk.joinById<ClassroomState>(created.roomId, { hostKey: created.hostKey }) as ClassRoom;
    const student = await driven.server().sdk.joinById<ClassroomState>(created.roomId, { code: created.code, nickname: 'Ada' }) as ClassRoom;
    await vi.waitFor(() => expect(host.state.players.size).toBe(1));
    const refusals: string[] = [];
    student.onMessage('refused', (r: { code: string }) => refusals.push(r.code));
    host.send('host:start', { round: BUDDY_PEAKS_ID });
    const serverRoom = driven.server().getRoomById<ClassroomState>(created.roomId);
    const server = (): MatchState => onlyHeap(serverRoom.state.heaps as unknown as Map<string, MatchState>)!;
    const decoded = (room: ClassRoom): MatchState | undefined => onlyHeap(room.state.heaps as unknown as Map<string, MatchState>);
    await vi.waitFor(() => expect(server()?.hasPending).toBe(true));
    let moves = 0;
    while (server().phase !== 'done' && server().hasPending) {
      const version = server().version;
      const target = chooseAnyTarget(server());
      if (target < 0) break; // nothing fits: the round's peak, where the student would wait for frees
      driven.clock.wall += 100; // the server's clock: its message rate (20 a second) lets the next move in
      student.send('place', { requestId: server().pending.id, target, version });
      await vi.waitFor(() => expect([server().version > version, refusals]).toEqual([true, []]));
      for (const room of [student, host]) {
        await vi.waitFor(() => expect(decoded(room)?.version).toBe(server().version));
        expect(decoded(room)!.toJSON(), `after move ${moves}`).toEqual(onTheWire(server()));
      }
      moves++;
    }
    expect(moves).toBeGreaterThan(20);
  });
});
