// A class round starts after a visible 3-2-1 ([MATCH-TIME-6]): when the host starts a
// round, every student's heap waits (phase `waiting`) for COUNT_IN_MS while the state
// says when the count ends (`roundStartsAt`, wall time), so screens and the projector
// count down; the per-request clock and the whole-round clock start when it ends, not
// before. The server's wall clock is driven by the test.

import { describe, expect, it, vi } from 'vitest';
import type { Room } from '@colyseus/sdk';
import { drivenClassroom } from './classroom-server.ts';
import type { ClassroomState } from '../../server/state/classroom-state.ts';
import { COUNT_IN_MS } from '../../shared/match/count-in.ts';

const driven = drivenClassroom();
const { port: PORT, clock } = driven;

const ROUND = {
  title: 'A timed ramp',
  kind: 'freelist',
  options: { align: 1, overhead: 0, header: 0, minBlock: 1, growth: 'sbrk', chunk: 1, initial: 0, limit: 4096 },
  source: { source: 'pattern', spec: { pattern: 'ramp', count: 5, sizes: { kind: 'uniform', min: 4, max: 8 } } },
};

interface Heap { phase: string; hasPending: boolean; version: number; pending: { id: number; deadline: number }; meters: { fallbacks: number } }

async function classWithRound(roundClock: unknown): Promise<{ host: Room<unknown, ClassroomState>; student: Room<unknown, ClassroomState>; roundId: string }> {
  const created = (await driven.server().http.post('/api/classes')).data as { code: string; hostKey: string; roomId: string };
  const res = await fetch(`http://localhost:${PORT}/api/classes/${created.code}/rounds`, {
    method: 'POST', headers: { 'x-host-key': created.hostKey, 'content-type': 'application/json' }, body: JSON.stringify({ ...ROUND, clock: roundClock }),
  });
  const { id } = (await res.json()) as { id: string };
  const host = await driven.server().sdk.joinById<ClassroomState>(created.roomId, { hostKey: created.hostKey });
  const student = await driven.server().sdk.joinById<ClassroomState>(created.roomId, { code: created.code, nickname: 'Ada' });
  await vi.waitFor(() => expect(host.state.players.size).toBe(1));
  return { host, student, roundId: id };
}

const heapOf = (room: Room<unknown, ClassroomState>): Heap | undefined => [...room.state.heaps.values()][0] as Heap | undefined;

describe('a class round starts after a 3-2-1 [MATCH-TIME-6]', () => {
  it('[MATCH-TIME-6] the heaps wait through the count, the per-request clock starts when it ends, and its fallback comes 20 s after the count', async () => {
    expect(COUNT_IN_MS).toBe(3000);
    const { host, student, roundId } = await classWithRound({ per: 'request', seconds: 20 });
    const startedAt = clock.wall;
    host.send('host:start', { round: roundId });
    await vi.waitFor(() => expect(heapOf(student)?.hasPending).toBe(true));
    expect(student.state.roundStartsAt).toBe(startedAt + COUNT_IN_MS);
    expect(heapOf(student)!.phase).toBe('waiting');
    // The request's 20 s run from the end of the count.
    expect(heapOf(student)!.pending.deadline).toBe(startedAt + COUNT_IN_MS + 20_000);
    // The count ends: the heap plays.
    clock.wall += COUNT_IN_MS;
    await vi.waitFor(() => expect(heapOf(student)!.phase).toBe('playing'));
    // Its 20 s run out 20 s after the count (the deadline above), and the fallback places it.
    clock.wall += 20_000;
    await vi.waitFor(() => expect(heapOf(student)!.meters.fallbacks).toBe(1));
  });

  it('[MATCH-TIME-6] a move made during the count is taken; the whole-round clock starts when the count ends', async () => {
    const { host, student, roundId } = await classWithRound({ per: 'round', seconds: 10 });
    const startedAt = clock.wall;
    host.send('host:start', { round: roundId });
    await vi.waitFor(() => expect(heapOf(student)?.hasPending).toBe(true));
    expect(student.state.roundDeadline).toBe(startedAt + COUNT_IN_MS + 10_000);
    expect(student.state.roundRemainingMs).toBe(10_000);
    const heap = heapOf(student)!;
    student.send('place', { requestId: heap.pending.id, target: 0, version: heap.version });
    await vi.waitFor(() => expect(heapOf(student)!.version).toBe(1));
  });
});
