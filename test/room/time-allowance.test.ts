// Time accommodations in a class (issue 16, item 5; shared/match/SPEC.md MATCH-TIME-5),
// through a real server and SDK clients on a clock the test drives: the host gives one
// student no time limit and another twice the time; while the class's clocks run past
// every deadline, the student with no time limit never gets a fallback placement, the
// one with x2 only after twice the time, the others after the round's time. The
// allowance is stored with the player; a malformed one is refused and changes nothing.
// Practice has the same as a setting of the player's: no clock.

import { describe, expect, it, vi } from 'vitest';
import type { Room } from '@colyseus/sdk';
import { BUDDY_PEAKS_ID, resolveRound } from '../../shared/levels/rounds.ts';
import { COUNT_IN_MS } from '../../shared/match/count-in.ts';
import { drivenClassroom } from './classroom-server.ts';

const driven = drivenClassroom();
const { storage } = driven;

const round = resolveRound(BUDDY_PEAKS_ID);
if (!round.ok) throw new Error(round.message);
const PER_REQUEST_MS = round.value.config.timePerRequestMs ?? 0;

/** Waits on the server's state; generous, as a class round's patches come late on a busy machine. */
function waitFor<T>(check: () => T): Promise<T> {
  return vi.waitFor(check, { timeout: 20_000, interval: 50 });
}

interface Heap { meters: { fallbacks: number }; pending: { id: number; deadline: number }; hasPending: boolean }
const heapOf = (room: Room): Heap | undefined => [...(room.state as { heaps: Map<string, Heap> }).heaps.values()][0];
const fallbacks = (room: Room): number => heapOf(room)?.meters.fallbacks ?? -1;

interface Info { playerId: string; nickname: string; timeAllowance: string }
const players = (host: Room): Info[] => [...(host.state as { players: Map<string, Info> }).players.values()];

describe('time accommodations in a class', () => {
  it('[MATCH-TIME-5] a student given no time limit never gets a fallback placement while the others\' clocks run; x2 waits twice the time', async () => {
    expect(PER_REQUEST_MS).toBeGreaterThan(0);
    const created = (await driven.server().http.post('/api/classes')).data as { code: string; hostKey: string; roomId: string };
    const host = await driven.server().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    const join = (nickname: string): Promise<Room> => driven.server().sdk.joinById(created.roomId, { code: created.code, nickname });
    const [ada, bo, cy] = [await join('Ada'), await join('Bo'), await join('Cy')];
    await waitFor(() => expect(players(host).length).toBe(3));
    const idOf = (name: string): string => players(host).find((p) => p.nickname === name)!.playerId;
    const refusals: string[] = [];
    host.onMessage('refused', (r: { code: string }) => refusals.push(r.code));

    host.send('host:time', { playerId: idOf('Ada'), allowance: 'x3' });
    await waitFor(() => expect(refusals.length).toBe(1));
    expect(players(host).find((p) => p.nickname === 'Ada')?.timeAllowance).toBe('standard');

    host.send('host:time', { playerId: idOf('Ada'), allowance: 'none' });
    host.send('host:time', { playerId: idOf('Bo'), allowance: 'x2' });
    await waitFor(() => expect(players(host).map((p) => [p.nickname, p.timeAllowance]).sort()).toEqual([['Ada', 'none'], ['Bo', 'x2'], ['Cy', 'standard']]));
    // Stored with the player: a rejoin or a restarted server finds it.
    const stored = await storage.listPlayers((await storage.findOpenSessionByCode(created.code))!.id);
    expect(stored.map((p) => [p.nickname, p.timeAllowance ?? 'standard']).sort()).toEqual([['Ada', 'none'], ['Bo', 'x2'], ['Cy', 'standard']]);

    // The round's clocks run after its 3-2-1 ([MATCH-TIME-6]).
    const starts = driven.clock.wall + COUNT_IN_MS;
    host.send('host:start', { round: BUDDY_PEAKS_ID });
    for (const student of [ada, bo, cy]) await waitFor(() => expect(heapOf(student)?.hasPending).toBe(true));
    // Ada's screen shows no clock; Bo's deadline is twice as far as Cy's.
    expect(heapOf(ada)?.pending.deadline).toBe(0);
    expect(heapOf(bo)!.pending.deadline - starts).toBe(2 * (heapOf(cy)!.pending.deadline - starts));
    driven.clock.wall = starts;

    // Past the round's time: only Cy's request goes to the fallback.
    driven.clock.wall += PER_REQUEST_MS + 1_000;
    await waitFor(() => expect(fallbacks(cy)).toBeGreaterThanOrEqual(1));
    expect([fallbacks(ada), fallbacks(bo)]).toEqual([0, 0]);

    // Past twice the time: Bo's goes too; Ada's never, however long the others' clocks run.
    driven.clock.wall += PER_REQUEST_MS;
    await waitFor(() => expect(fallbacks(bo)).toBeGreaterThanOrEqual(1));
    for (let i = 0; i < 5; i++) {
      const seen = fallbacks(cy);
      driven.clock.wall += 2 * PER_REQUEST_MS + 1_000;
      await waitFor(() => expect(fallbacks(cy)).toBeGreaterThan(seen));
    }
    expect(fallbacks(ada)).toBe(0);
    expect(heapOf(ada)?.hasPending).toBe(true);
    for (const room of [host, ada, bo, cy]) await room.leave();
  });

  it('[MATCH-TIME-5] practice with no clock: no deadline shown, and nothing placed for the player while a timed room next to it times out', async () => {
    const timed = await driven.server().sdk.create('practice', { level: 'buddy-walkthrough' });
    const untimed = await driven.server().sdk.create('practice', { level: 'buddy-walkthrough', clock: false });
    for (const room of [timed, untimed]) await waitFor(() => expect((room.state as Heap).hasPending).toBe(true));
    expect((untimed.state as Heap).pending.deadline).toBe(0);
    // The clock starts with the player (after the screen's 3-2-1): both say so, then a long time passes.
    for (const room of [timed, untimed]) room.send('resume', {});
    for (const room of [timed, untimed]) await waitFor(() => expect((room.state as { phase: string }).phase).toBe('playing'));
    driven.clock.wall += 10 * 60_000;
    await waitFor(() => expect((timed.state as Heap).meters.fallbacks).toBeGreaterThanOrEqual(1));
    expect((untimed.state as Heap).meters.fallbacks).toBe(0);
    expect((untimed.state as Heap).hasPending).toBe(true);
    for (const room of [timed, untimed]) await room.leave();
  });
});
