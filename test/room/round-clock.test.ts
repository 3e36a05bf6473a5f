// A class round with a whole-round clock (round settings `clock: { per: 'round' }`): the
// state carries its deadline and the time left, the host's pause freezes it, "+N s"
// (host:extend) lengthens it, and when it runs out the round ends as "end round" ends it
// (MATCH-TIME-2: every match stops where it is). The server's wall clock is driven by the test.

import { describe, expect, it, vi } from 'vitest';
import type { Room } from '@colyseus/sdk';
import { drivenClassroom } from './classroom-server.ts';
import type { ClassroomState } from '../../server/state/classroom-state.ts';
import { COUNT_IN_MS } from '../../shared/match/count-in.ts';

const driven = drivenClassroom();
const { storage, port: PORT } = driven;
const clock = driven.clock;

const ROUND = {
  title: 'Ten seconds of ramp',
  kind: 'freelist',
  options: { align: 1, overhead: 0, header: 0, minBlock: 1, growth: 'sbrk', chunk: 1, initial: 0, limit: 4096 },
  source: { source: 'pattern', spec: { pattern: 'ramp', count: 5, sizes: { kind: 'uniform', min: 4, max: 8 } } },
};

type Class = { created: { code: string; hostKey: string; roomId: string }; host: Room<unknown, ClassroomState> };

async function classWithRound(clock: unknown): Promise<Class & { roundId: string }> {
  const created = (await driven.server().http.post('/api/classes')).data as Class['created'];
  const res = await fetch(`http://localhost:${PORT}/api/classes/${created.code}/rounds`, {
    method: 'POST', headers: { 'x-host-key': created.hostKey, 'content-type': 'application/json' }, body: JSON.stringify({ ...ROUND, clock }),
  });
  const { id } = (await res.json()) as { id: string };
  const host = await driven.server().sdk.joinById<ClassroomState>(created.roomId, { hostKey: created.hostKey });
  return { created, host, roundId: id };
}

function refusalsOf(room: Room): { code: string }[] {
  const refusals: { code: string }[] = [];
  room.onMessage('refused', (r: { code: string }) => refusals.push(r));
  return refusals;
}

describe('a whole-round clock', () => {
  it('[MATCH-TIME-7] shows its deadline, stands still while paused, takes "+30 s", and ends the round when it runs out', async () => {
    const { created, host, roundId } = await classWithRound({ per: 'round', seconds: 10 });
    const student = await driven.server().sdk.joinById<ClassroomState>(created.roomId, { code: created.code, nickname: 'Ada' });
    await vi.waitFor(() => expect(host.state.players.size).toBe(1));
    // The round's clock runs after its 3-2-1 ([MATCH-TIME-6]).
    const countEnds = clock.wall + COUNT_IN_MS;
    host.send('host:start', { round: roundId });
    await vi.waitFor(() => expect(host.state.phase).toBe('playing'));
    expect(student.state.roundRemainingMs).toBe(10_000);
    expect(student.state.roundDeadline).toBe(countEnds + 10_000);
    clock.wall = countEnds;

    host.send('host:extend', { seconds: 30 });
    await vi.waitFor(() => expect(student.state.roundRemainingMs).toBe(40_000));
    expect(student.state.roundDeadline).toBe(clock.wall + 40_000);

    clock.wall += 5_000;
    host.send('host:pause', {});
    await vi.waitFor(() => expect(host.state.phase).toBe('paused'));
    expect(student.state.roundDeadline).toBe(0);
    expect(student.state.roundRemainingMs).toBe(35_000);
    clock.wall += 100_000; // paused: nothing runs out
    host.send('host:resume', {});
    await vi.waitFor(() => expect(host.state.phase).toBe('playing'));
    expect(student.state.roundDeadline).toBe(clock.wall + 35_000);

    // Ada places one block, then time runs out: the round ends where she is, scored on the part played.
    const heap = () => [...student.state.heaps.values()][0]!;
    await vi.waitFor(() => expect(heap().hasPending).toBe(true));
    student.send('place', { requestId: heap().pending.id, target: 0, version: heap().version });
    await vi.waitFor(() => expect(heap().version).toBe(1));
    clock.wall += 35_000;
    await vi.waitFor(() => expect(host.state.phase).toBe('results'));
    expect(host.state.roundRemainingMs).toBe(0);
    expect(host.state.roundDeadline).toBe(0);
    await vi.waitFor(async () => expect((await storage.listResults((await storage.findOpenSessionByCode(created.code))!.id)).map((r) => JSON.parse(r.result).played)).toEqual([1]));
  });

  it('refuses "+30 s" for a round without a whole-round clock, and to a student', async () => {
    const { created, host, roundId } = await classWithRound({ per: 'request', seconds: 20 });
    const student = await driven.server().sdk.joinById<ClassroomState>(created.roomId, { code: created.code, nickname: 'Bo' });
    const hostRefusals = refusalsOf(host);
    const studentRefusals = refusalsOf(student);
    host.send('host:extend', { seconds: 30 });
    await vi.waitFor(() => expect(hostRefusals.map((r) => r.code)).toEqual(['round/not_running']));
    host.send('host:start', { round: roundId });
    await vi.waitFor(() => expect(host.state.phase).toBe('playing'));
    host.send('host:extend', { seconds: 30 });
    student.send('host:extend', { seconds: 30 });
    host.send('host:extend', { seconds: 0 });
    // A malformed message is refused at once; the round's answer comes after it.
    await vi.waitFor(() => expect(hostRefusals.map((r) => r.code).sort()).toEqual(['message/out_of_range', 'round/no_clock', 'round/not_running']));
    await vi.waitFor(() => expect(studentRefusals.map((r) => r.code)).toEqual(['host/forbidden']));
    expect(host.state.roundRemainingMs).toBe(0);
  });
});
