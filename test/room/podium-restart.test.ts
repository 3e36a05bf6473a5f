// The podium reveal survives a server restart (issue 14, item 10; DESIGN §6 "nobody is
// stranded"): the host starts it, the server goes down mid-reveal, and the class room a
// new server re-creates from the same store shows the podium as it was: the places already
// up stay up, the countdown does not start again, and the rest comes up on time. A new
// round puts it away, and that too holds across a restart. The store and the wall clock are
// handed in and driven by the test; a restart drops the class's live room and lets the
// lookup re-create it from the store.

import { describe, expect, it, vi } from 'vitest';
import type { Room } from '@colyseus/sdk';
import { drivenClassroom } from './classroom-server.ts';
import type { ClassroomState } from '../../server/state/classroom-state.ts';

type ClassRoom = Room<unknown, ClassroomState>;

const driven = drivenClassroom();
const { clock } = driven;

/** The class's room, found (after a restart: re-created from the store) by its code, joined as the host. */
async function hostOf(code: string, hostKey: string): Promise<ClassRoom> {
  const { roomId } = (await driven.server().http.get(`/api/classes/${code}`)).data as { roomId: string };
  return driven.server().sdk.joinById<ClassroomState>(roomId, { hostKey });
}

/**
 * The class's process goes down: its live room is gone with everything held in memory, and
 * only what the store kept is left for the next lookup (a restarted server's first request)
 * to re-create the room from, as after kill -9 (test/server/recovery.test.ts does that).
 */
async function restart(roomId: string, clients: readonly Room[]): Promise<void> {
  await Promise.all(clients.map((c) => c.leave(true).catch(() => undefined)));
  await driven.server().getRoomById(roomId)?.disconnect();
  await vi.waitFor(() => expect(driven.server().getRoomById(roomId)).toBeUndefined());
}

/** Places the student's first request of the warm-up (1 buddy unit) at `target`. */
async function placeFirst(room: Room, target: number): Promise<void> {
  const heap = () => [...(room.state as { heaps: Map<string, { version: number; hasPending: boolean; pending: { id: number } }> }).heaps.values()][0];
  await vi.waitFor(() => expect(heap()?.hasPending).toBe(true));
  room.send('place', { requestId: heap()!.pending.id, target, version: heap()!.version });
  await vi.waitFor(() => expect(heap()?.version).toBe(1));
}

type Podium = [stage: string, count: number, revealed: number, names: string[]];
const podiumOf = (room: ClassRoom): Podium => [room.state.podium.stage, room.state.podium.count, room.state.podium.revealed, [...room.state.podium.rows].map((r) => r.name)];

describe('the podium reveal across a server restart', () => {
  it('comes back as it was: revealed places stay up, no second countdown; a new round\'s clearing holds too', async () => {
    const created = (await driven.server().http.post('/api/classes')).data as { code: string; hostKey: string; roomId: string };
    let host = await hostOf(created.code, created.hostKey);
    const join = (nickname: string) => driven.server().sdk.joinById<ClassroomState>(created.roomId, { code: created.code, nickname });
    const students = [await join('Ada'), await join('Bo')];
    host.send('host:start', { round: 'warm-up' });
    await vi.waitFor(() => expect(host.state.phase).toBe('playing'));
    // Ada's block at 0 keeps her heap small; Bo's at 7 spreads his over all 8 units: two places.
    await placeFirst(students[0]!, 0);
    await placeFirst(students[1]!, 7);
    host.send('host:end', {});
    await vi.waitFor(() => expect([...host.state.totals].map((r) => [r.name, r.rank])).toEqual([['Ada', 1], ['Bo', 2]]));

    // The countdown (3 s), then the lowest place: Bo.
    host.send('host:podium', {});
    await vi.waitFor(() => expect(podiumOf(host)).toEqual(['countdown', 3, 0, ['Ada', 'Bo']]));
    clock.wall += 3000;
    await vi.waitFor(() => expect(podiumOf(host)).toEqual(['reveal', 0, 1, ['Ada', 'Bo']]));

    // The server goes down mid-reveal and comes back a second later.
    await restart(created.roomId, [host, ...students]);
    clock.wall += 1000;
    host = await hostOf(created.code, created.hostKey);
    await vi.waitFor(() => expect(podiumOf(host)).toEqual(['reveal', 0, 1, ['Ada', 'Bo']]));
    // A student's screen reads the same podium from the state.
    const cy = await join('Cy');
    await vi.waitFor(() => expect(podiumOf(cy)).toEqual(['reveal', 0, 1, ['Ada', 'Bo']]));
    clock.wall += 1000;
    await vi.waitFor(() => expect(podiumOf(host)).toEqual(['done', 0, 2, ['Ada', 'Bo']]));
    await vi.waitFor(() => expect(podiumOf(cy)).toEqual(['done', 0, 2, ['Ada', 'Bo']]));

    // After the reveal: a restart brings the whole podium back, shown.
    await restart(created.roomId, [host, cy]);
    clock.wall += 60_000;
    host = await hostOf(created.code, created.hostKey);
    await vi.waitFor(() => expect(podiumOf(host)).toEqual(['done', 0, 2, ['Ada', 'Bo']]));

    // A new round puts the podium away, and a restart does not bring it back.
    host.send('host:start', { round: 'warm-up' });
    await vi.waitFor(() => expect([host.state.phase, host.state.podium.stage]).toEqual(['playing', '']));
    await restart(created.roomId, [host]);
    host = await hostOf(created.code, created.hostKey);
    await vi.waitFor(() => expect(host.state.phase).toBe('playing'));
    expect(podiumOf(host)).toEqual(['', 0, 0, []]);
  });
});
