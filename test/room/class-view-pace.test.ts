// How often a running round's class views reach whom (server/rooms/class-round.ts): the
// hosts' whole board at most once a second; what every student sees of the class (their
// rank, the board's top rows) at most every five seconds, since each publication costs
// every student a write; and a mover's own rank with their move, in the write that answers
// it. The server's wall clock is driven by the test, so "a second later" is exact.

import { describe, expect, it, vi } from 'vitest';
import type { Room } from '@colyseus/sdk';
import { drivenClassroom } from './classroom-server.ts';
import type { ClassroomState } from '../../server/state/classroom-state.ts';
import { COUNT_IN_MS } from '../../shared/match/count-in.ts';
import { BUDDY_PEAKS_ID } from '../../shared/levels/rounds.ts';
import { chooseTarget, ownHeap } from '../server/classroom-driver.ts';

const driven = drivenClassroom();
const { clock } = driven;

type ClassRoom = Room<unknown, ClassroomState>;

/** Places the student's pending request at the first free block that fits and waits until their heap shows it. */
async function placeOne(student: ClassRoom): Promise<void> {
  const heap = ownHeap(student)!;
  const target = chooseTarget(heap);
  if (target === null) throw new Error('no free block fits');
  const version = heap.version;
  student.send('place', { requestId: heap.pending.id, target, version });
  await vi.waitFor(() => expect(ownHeap(student)?.version).toBe(version + 1));
}

const ownInfo = (student: ClassRoom, nickname: string) => [...student.state.players.values()].find((p) => p.nickname === nickname);

describe('the pace of a running round’s class views', () => {
  it('publishes the hosts’ board each second, the students’ ranks and top rows every five, and a mover’s own rank with their move', async () => {
    const created = (await driven.server().http.post('/api/classes')).data as { code: string; hostKey: string; roomId: string };
    const host = await driven.server().sdk.joinById<ClassroomState>(created.roomId, { hostKey: created.hostKey });
    const ada = await driven.server().sdk.joinById<ClassroomState>(created.roomId, { code: created.code, nickname: 'Ada' });
    const bob = await driven.server().sdk.joinById<ClassroomState>(created.roomId, { code: created.code, nickname: 'Bob' });
    await vi.waitFor(() => expect(host.state.players.size).toBe(2));

    const startedAt = clock.wall;
    host.send('host:start', { round: BUDDY_PEAKS_ID });
    for (const student of [ada, bob]) await vi.waitFor(() => expect(ownHeap(student)?.phase).toBe('waiting'));
    clock.wall = startedAt + COUNT_IN_MS;
    for (const student of [ada, bob]) await vi.waitFor(() => expect(ownHeap(student)?.phase).toBe('playing'));

    // Ada plays; a second after the round's start was published, the hosts' board ranks her.
    await placeOne(ada);
    clock.wall = startedAt + 4000;
    await vi.waitFor(() => expect(host.state.figures.board.map((r) => r.name)).toEqual(['Ada']));
    // The students' part waits for its five seconds: Bob's next answer comes after any patch
    // sent him before it, and no top row or rank has reached either student.
    await placeOne(bob);
    expect(bob.state.leaderboard.length).toBe(0);
    expect(ownInfo(ada, 'Ada')?.rank).toBe(0);

    // Ada's next move brings her own rank, as the class was last ranked.
    await placeOne(ada);
    expect(ownInfo(ada, 'Ada')?.rank).toBe(1);
    expect(bob.state.leaderboard.length).toBe(0);

    // Five seconds after the last publication for everyone, the students have the board and their ranks.
    clock.wall = startedAt + 5000;
    await vi.waitFor(() => expect(bob.state.leaderboard.map((r) => r.name).sort()).toEqual(['Ada', 'Bob']));
    await vi.waitFor(() => expect(ownInfo(bob, 'Bob')?.rank).toBeGreaterThan(0));
    for (const room of [ada, bob, host]) await room.leave();
  });
});
