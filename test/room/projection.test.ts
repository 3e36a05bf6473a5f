// What the host puts on the projector (`host:project`, docs/PROTOCOL.md): the projector,
// a second host connection, follows the synced Projection; students never see it; a
// student of another class, or a student sending it, changes nothing. The comparison
// names the best and worst students and carries the reference policy's heap at the best
// student's point (shared/match/SPEC.md MATCH-SPOT-1), following the class as it plays.
import { describe, expect, it, vi } from 'vitest';
import type { Room } from '@colyseus/sdk';
import { appServer } from './app-server.ts';

const colyseus = appServer();

interface Refusal { code: string; message: string }
interface Created { code: string; hostKey: string; roomId: string }
interface Region { state: string; start: number; size: number }

async function openClass(): Promise<{ created: Created; host: Room; projector: Room }> {
  const created = (await colyseus().http.post('/api/classes')).data as Created;
  const host = await colyseus().sdk.joinById(created.roomId, { hostKey: created.hostKey });
  const projector = await colyseus().sdk.joinById(created.roomId, { hostKey: created.hostKey });
  return { created, host, projector };
}

async function joinStudent(created: Created, nickname: string): Promise<{ room: Room; playerId: string }> {
  const room = await colyseus().sdk.joinById(created.roomId, { code: created.code, nickname });
  const welcome = await new Promise<{ playerId: string }>((resolve) => room.onMessage('welcome', resolve));
  return { room, playerId: welcome.playerId };
}

function refusals(room: Room): Refusal[] {
  const seen: Refusal[] = [];
  room.onMessage('refused', (r: Refusal) => seen.push(r));
  return seen;
}

/** Places the warm-up's pending request (1 unit, then 4) at `target`. */
async function place(room: Room, version: number, target: number): Promise<void> {
  const heap = () => [...room.state.heaps.values()][0];
  await vi.waitFor(() => expect(heap()?.version).toBe(version));
  await vi.waitFor(() => expect(heap()?.hasPending).toBe(true));
  room.send('place', { requestId: heap().pending.id, target, version });
  await vi.waitFor(() => expect(heap()?.version).toBe(version + 1));
}

const live = (regions: Iterable<Region>): number[][] => [...regions].filter((r) => r.state === 'live').map((r) => [r.start, r.size]);

describe('host:project', () => {
  it('puts one student\'s heap on the projector, named or not; students never see the choice', async () => {
    const { created, host, projector } = await openClass();
    const ada = await joinStudent(created, 'Ada');
    await vi.waitFor(() => expect(projector.state.projection?.show).toBe('board'));
    host.send('host:project', { show: 'heap', playerId: ada.playerId, named: true });
    await vi.waitFor(() => expect(projector.state.projection.show).toBe('heap'));
    expect(projector.state.projection.playerId).toBe(ada.playerId);
    expect(projector.state.projection.named).toBe(true);
    host.send('host:project', { show: 'heap', playerId: ada.playerId });
    await vi.waitFor(() => expect(projector.state.projection.named).toBe(false));
    host.send('host:project', { show: 'figures' });
    await vi.waitFor(() => expect(projector.state.projection.show).toBe('figures'));
    expect(projector.state.projection.playerId).toBe('');
    expect(ada.room.state.projection?.show).toBeUndefined();
    expect(ada.room.state.projection?.playerId).toBeUndefined();
  });

  it('refuses a student who is not in the class, and a student sending it; nothing changes', async () => {
    const { created, host, projector } = await openClass();
    const ada = await joinStudent(created, 'Ada');
    const hostRefusals = refusals(host);
    const adaRefusals = refusals(ada.room);
    host.send('host:project', { show: 'heap', playerId: 'p9-nobody' });
    host.send('host:project', { show: 'wall' });
    ada.room.send('host:project', { show: 'heap', playerId: ada.playerId, named: true });
    await vi.waitFor(() => expect(hostRefusals.map((r) => r.code).sort()).toEqual(['message/bad_type', 'player/unknown']));
    await vi.waitFor(() => expect(adaRefusals.map((r) => r.code)).toEqual(['host/forbidden']));
    expect(projector.state.projection.show).toBe('board');
  });

  it('[MATCH-SPOT-1] compares the best and worst students with the reference policy at the best one\'s point, as the class plays', async () => {
    const { created, host, projector } = await openClass();
    const ada = await joinStudent(created, 'Ada');
    const bob = await joinStudent(created, 'Bob');
    host.send('host:start', { round: 'warm-up' });
    // The buddy walk-through (8 units): alloc 1 unit, alloc 4, free both.
    await place(ada.room, 0, 0); // Ada's 1-unit block at 0, as lowest buddy's
    await place(bob.room, 0, 7); // Bob's at 7: the 4 can still go at 0
    host.send('host:project', { show: 'compare' });
    const p = () => projector.state.projection;
    await vi.waitFor(() => expect(p().policy).toBe('buddy-lowest'));
    await vi.waitFor(() => expect(p().bestId).not.toBe(''));
    expect([p().bestId, p().worstId].sort()).toEqual([ada.playerId, bob.playerId].sort());
    expect(p().requests).toBe(1);
    expect(live(p().regions)).toEqual([[0, 1]]);
    // Ada plays on: the policy's heap follows the best student to the end (everything freed).
    await place(ada.room, 1, 4);
    await vi.waitFor(() => expect(p().requests).toBe(2), { timeout: 10_000 });
    expect(live(p().regions)).toEqual([]);
  });
});
