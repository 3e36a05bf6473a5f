// Classroom trust (issue #12): a returning student is seated in the running round,
// one live room per class, a kick sticks, nobody reserves a seat without the code,
// unknown message types count against the rate, and a join code in the join options
// is read as the HTTP lookup reads it.

import { describe, expect, it, vi } from 'vitest';
import { matchMaker } from '@colyseus/core';
import type { Room } from '@colyseus/sdk';
import { appServer } from './app-server.ts';

// Every client here comes from one address: the per-address reservation cap (tested in http-gate.test.ts) stays out of the way.
const colyseus = appServer({ MALLOCADE_MESSAGE_RATE: '5,10', MALLOCADE_RESERVATION_RATE: '1000000,100000' });

interface Created { code: string; hostKey: string; roomId: string; sessionId: string }
interface Welcome { playerId: string; token?: string; nickname: string }

async function createClass(): Promise<Created> {
  return (await colyseus().http.post('/api/classes')).data as Created;
}

async function joinStudent(roomId: string, options: Record<string, unknown>): Promise<{ room: Room; welcome: Welcome }> {
  const room = await colyseus().sdk.joinById(roomId, options);
  const welcome = await new Promise<Welcome>((resolve) => room.onMessage('welcome', resolve));
  return { room, welcome };
}

function heapOf(room: Room): { pending: { id: number; size: number }; hasPending: boolean; version: number } | undefined {
  return [...(room.state?.heaps?.values() ?? [])][0];
}

describe('classroom trust', () => {
  it('seats a returning student (token) in the round that is running, as a new student would be', async () => {
    const created = await createClass();
    const host = await colyseus().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    const first = await joinStudent(created.roomId, { code: created.code, nickname: 'Ada' });
    await first.room.leave(true);
    await vi.waitFor(() => expect(host.state.players.get(first.welcome.playerId)?.connected).toBe(false));
    host.send('host:start', { round: 'warm-up' });
    await vi.waitFor(() => expect(host.state.phase).toBe('playing'));

    const back = await joinStudent(created.roomId, { code: created.code, token: first.welcome.token });
    expect(back.welcome.playerId).toBe(first.welcome.playerId);
    await vi.waitFor(() => expect(heapOf(back.room)?.hasPending).toBe(true));
    const acks: number[] = [];
    back.room.onMessage('ack', (version: number) => acks.push(version));
    const heap = heapOf(back.room)!;
    back.room.send('place', { requestId: heap.pending.id, target: 0, version: heap.version });
    await vi.waitFor(() => expect(acks).toEqual([1]));
  });

  it('keeps one live room per class: a second room for the same session is refused', async () => {
    const created = await createClass();
    await expect(matchMaker.createRoom('classroom', { sessionId: created.sessionId })).rejects.toThrow(/class\/already_open/);
    const found = (await colyseus().http.get(`/api/classes/${created.code}`)).data as { roomId: string };
    expect(found.roomId).toBe(created.roomId);
    expect((await matchMaker.query({ name: 'classroom' })).filter((r) => r.roomId === created.roomId)).toHaveLength(1);
  });

  it('a kick sticks: the kicked client is not reconnected, its token is refused, and it can only join again as a new player', async () => {
    const created = await createClass();
    const host = await colyseus().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    const mallory = await joinStudent(created.roomId, { code: created.code, nickname: 'Mallory' });
    const dropped = vi.fn();
    mallory.room.onDrop(dropped);
    const left = new Promise<number>((resolve) => mallory.room.onLeave((code: number) => resolve(code)));
    const kicked = new Promise<unknown>((resolve) => mallory.room.onMessage('kicked', resolve));
    host.send('host:kick', { playerId: mallory.welcome.playerId });
    expect(await kicked).toEqual({ barred: false });
    await left;
    expect(dropped).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(host.state.players.size).toBe(0));
    await expect(colyseus().sdk.reconnect(mallory.room.reconnectionToken)).rejects.toThrow();
    await expect(colyseus().sdk.joinById(created.roomId, { code: created.code, token: mallory.welcome.token })).rejects.toThrow(/class\/kicked/);
    const again = await joinStudent(created.roomId, { code: created.code, nickname: 'Mallory' });
    expect(again.welcome.playerId).not.toBe(mallory.welcome.playerId);

    const eve = await joinStudent(created.roomId, { code: created.code, nickname: 'Eve' });
    host.send('host:kick', { playerId: eve.welcome.playerId, bar: true });
    await vi.waitFor(() => expect(host.state.players.has(eve.welcome.playerId)).toBe(false));
    await expect(colyseus().sdk.joinById(created.roomId, { code: created.code, token: eve.welcome.token })).rejects.toThrow(/class\/barred/);
  });

  it('reserves no seat without the code or host key: 600 bare reservations, then a student joins at once', async () => {
    const created = await createClass();
    const statuses = new Map<number, number>();
    for (let i = 0; i < 600; i++) {
      const res = await fetch(`${colyseus.base}/matchmake/joinById/${created.roomId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      await res.body?.cancel();
    }
    expect(statuses.get(200)).toBeUndefined();
    // As a browser does: look the code up (an empty class room may have been put away meanwhile), then join.
    const found = (await colyseus().http.get(`/api/classes/${created.code}`)).data as { roomId: string };
    const student = await joinStudent(found.roomId, { code: created.code, nickname: 'Grace' });
    expect(student.welcome.nickname).toBe('Grace');
  });

  it('reads a join code in the join options as the HTTP lookup does (case, spaces, dashes)', async () => {
    const created = await createClass();
    const messy = ` ${created.code.slice(0, 3).toLowerCase()}-${created.code.slice(3)} `;
    const student = await joinStudent(created.roomId, { code: messy, nickname: 'Linus' });
    expect(student.welcome.nickname).toBe('Linus');
  });

  it('counts unknown message types against the message rate', async () => {
    const created = await createClass();
    const { room } = await joinStudent(created.roomId, { code: created.code, nickname: 'Flood' });
    const codes: string[] = [];
    room.onMessage('refused', (r: { code: string }) => codes.push(r.code));
    for (let i = 0; i < 30; i++) room.send(`nonsense-${i}`, {});
    await vi.waitFor(() => expect(codes).toHaveLength(30));
    expect(codes.filter((c) => c === 'message/rate_limited').length).toBeGreaterThan(10);
  });
});
