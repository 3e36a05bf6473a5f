// Closing a class (issue #12, item 11), through a real server and SDK clients on a clock
// the test drives: the host closes the class (`host:close`): every student and the
// projector are told why (`closed`) and disconnected with code 4411 (the SDK does not
// retry), the session is stored as closed and no lookup restores it, and the round that
// was running ends with its results in the CSV. A class with no activity for the idle
// time closes itself, live (told `closed { by: 'idle' }`) or put away (its lookup finds
// nothing, and a class created meanwhile closes it, so its code comes free); activity and
// an assignment still due keep it open.

import { describe, expect, it, vi } from 'vitest';
import type { Room } from '@colyseus/sdk';
import { matchMaker } from '@colyseus/core';
import { drivenClassroom } from './classroom-server.ts';

const IDLE_MS = 10 * 60_000;
const driven = drivenClassroom({ classIdleMs: IDLE_MS });
const { clock, storage } = driven;

interface Created { code: string; hostKey: string; roomId: string; sessionId: string }
interface Closed { by: string; message: string }
interface Heap { pending: { id: number }; hasPending: boolean; version: number }
const heapOf = (room: Room): Heap | undefined => [...((room.state as { heaps?: Map<string, Heap> }).heaps?.values() ?? [])][0];

function waitFor<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: 20_000, interval: 50 });
}

async function createClass(): Promise<Created> {
  return (await driven.server().http.post('/api/classes')).data as Created;
}

/** A client of the class, with what it was told on closing and the code its connection ended with. */
async function joined(roomId: string, options: Record<string, unknown>): Promise<{ room: Room; closed: Closed[]; leftWith: number[]; refused: string[] }> {
  const room = await driven.server().sdk.joinById(roomId, options);
  const closed: Closed[] = [];
  const leftWith: number[] = [];
  const refused: string[] = [];
  room.onMessage('closed', (m: Closed) => closed.push(m));
  room.onMessage('refused', (r: { code: string }) => refused.push(r.code));
  room.onMessage('welcome', () => undefined);
  room.onMessage('ack', () => undefined);
  room.onMessage('results', () => undefined);
  room.onLeave((code) => leftWith.push(code));
  return { room, closed, leftWith, refused };
}

const lookup = (code: string): Promise<Response> => fetch(`http://localhost:${driven.port}/api/classes/${code}`);

describe('closing a class', () => {
  it('host:close tells students and the projector, closes the session for good, and keeps its results in the CSV', async () => {
    const created = await createClass();
    const host = await joined(created.roomId, { hostKey: created.hostKey });
    const projector = await joined(created.roomId, { hostKey: created.hostKey });
    const ada = await joined(created.roomId, { code: created.code, nickname: 'Ada' });
    host.room.send('host:start', { round: 'warm-up' });
    await waitFor(() => expect(heapOf(ada.room)?.hasPending).toBe(true));
    const heap = heapOf(ada.room)!;
    ada.room.send('place', { requestId: heap.pending.id, target: 0, version: heap.version });
    await waitFor(() => expect(heapOf(ada.room)?.version).toBe(1));

    // A student cannot close the class.
    ada.room.send('host:close', {});
    await waitFor(() => expect(ada.refused).toEqual(['host/forbidden']));
    expect((await storage.getSession(created.sessionId))?.status).toBe('open');

    host.room.send('host:close', {});
    for (const client of [ada, projector, host]) {
      await waitFor(() => expect(client.leftWith).toEqual([4411]));
      expect(client.closed).toEqual([{ by: 'host', message: 'The class was closed by the host.' }]);
    }
    expect((await storage.getSession(created.sessionId))?.status).toBe('closed');
    // No lookup finds or restores it; the room is gone, so nobody rejoins it.
    const found = await lookup(created.code);
    expect(found.status).toBe(404);
    expect(await found.json()).toMatchObject({ code: 'class/unknown' });
    await expect(driven.server().sdk.joinById(created.roomId, { hostKey: created.hostKey })).rejects.toThrow();
    // The round that was running ended: Ada's part is in the CSV, which the host key still opens.
    const csv = await fetch(`http://localhost:${driven.port}/api/classes/${created.code}/results.csv`, { headers: { 'x-host-key': created.hostKey } });
    expect(csv.status).toBe(200);
    const rows = (await csv.text()).trim().split('\n').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Ada');
    const wrongKey = await fetch(`http://localhost:${driven.port}/api/classes/${created.code}/results.csv`, { headers: { 'x-host-key': 'nope' } });
    expect(wrongKey.status).toBe(403);
  });

  it('a live class with no activity for the idle time closes itself; a message from anyone keeps it open', async () => {
    const created = await createClass();
    const host = await joined(created.roomId, { hostKey: created.hostKey });
    const ada = await joined(created.roomId, { code: created.code, nickname: 'Ada' });
    clock.wall += IDLE_MS - 60_000;
    // The host does something: the idle time starts again from now.
    host.room.send('host:lock', { value: true });
    await waitFor(() => expect(host.room.state.locked).toBe(true));
    clock.wall += IDLE_MS - 60_000;
    // Long enough for the room to have looked several times (it looks every 100 ms).
    await waitFor(async () => expect((await lookup(created.code)).status).toBe(200));
    expect((await storage.getSession(created.sessionId))?.status).toBe('open');
    expect(ada.leftWith).toEqual([]);

    clock.wall += 60_000;
    for (const client of [ada, host]) {
      await waitFor(() => expect(client.leftWith).toEqual([4411]));
      expect(client.closed).toEqual([{ by: 'idle', message: 'The class closed itself after 10 minutes without activity.' }]);
    }
    expect((await storage.getSession(created.sessionId))?.status).toBe('closed');
    expect((await lookup(created.code)).status).toBe(404);
  });

  it('a class put away (nobody in it) and looked up after the idle time is closed, not restored', async () => {
    const created = await createClass();
    const host = await joined(created.roomId, { hostKey: created.hostKey });
    await host.room.leave(true);
    // Empty for five minutes: the room is put away, its last activity written with the class.
    // (The wall clock moves on by half minutes until the room, which looks every 100 ms, has gone.)
    await waitFor(async () => {
      clock.wall += 30_000;
      expect(await matchMaker.getRoomById(created.roomId)).toBeFalsy();
    });
    expect((await storage.getSession(created.sessionId))?.status).toBe('open');

    clock.wall += IDLE_MS;
    const found = await lookup(created.code);
    expect(found.status).toBe(404);
    expect((await storage.getSession(created.sessionId))?.status).toBe('closed');
  });

  it('a class put away and never looked up again frees its code: creating a class closes it, a recent one stays open', async () => {
    const forgotten = await createClass();
    const forgottenHost = await joined(forgotten.roomId, { hostKey: forgotten.hostKey });
    await forgottenHost.room.leave(true);
    await waitFor(async () => {
      clock.wall += 30_000;
      expect(await matchMaker.getRoomById(forgotten.roomId)).toBeFalsy();
    });
    clock.wall += IDLE_MS;
    expect((await storage.getSession(forgotten.sessionId))?.status).toBe('open');

    // The next class created sweeps: the forgotten one is closed, its code no longer taken.
    const recent = await createClass();
    expect((await storage.getSession(forgotten.sessionId))?.status).toBe('closed');
    expect((await storage.listOpenSessions()).map((s) => s.code)).not.toContain(forgotten.code);
    // A class created now is not idle: the next sweep leaves it open.
    await createClass();
    expect((await storage.getSession(recent.sessionId))?.status).toBe('open');
  });
});
