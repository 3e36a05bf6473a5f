// Assignments (homework): the host turns a lesson plan into an assignment with a deadline;
// students open its link and play its rounds alone in practice rooms under their class
// identity (their token, or a new seat in the class with the identifier it asks for); every
// finished attempt is kept, late ones marked, and the class CSV lists them after the live
// rounds. The server's wall clock is driven by the test.

import { describe, expect, it, vi } from 'vitest';
import type { Room } from '@colyseus/sdk';
import type { MatchState } from '../../server/state/match-state.ts';
import { drivenClassroom } from './classroom-server.ts';

const driven = drivenClassroom();
const { port: PORT } = driven;
const clock = driven.clock;

const HOUR = 3_600_000;
const RAMP = {
  title: 'Small ramp', kind: 'freelist', options: { align: 1, overhead: 0, header: 0, minBlock: 1, growth: 'fixed', limit: 4096 },
  source: { source: 'pattern', spec: { pattern: 'ramp', count: 3, sizes: { kind: 'uniform', min: 4, max: 8 } } },
};

interface Created { code: string; hostKey: string; roomId: string }
interface Welcome { playerId: string; nickname: string; token?: string }

async function api<T>(created: Created, method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`http://localhost:${PORT}${route}`, {
    method, headers: { 'x-host-key': created.hostKey, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as T };
}

/** A practice room on an assignment round, with the welcome the server sends on joining it. */
async function openRound(options: Record<string, unknown>): Promise<{ room: Room<unknown, MatchState>; welcome: Welcome }> {
  const room = await driven.server().sdk.create<MatchState>('practice', options);
  const welcome = await new Promise<Welcome>((resolve) => room.onMessage('welcome', resolve));
  return { room, welcome };
}

/** Places every request at the start of the first free region (a fixed heap with room for all). */
async function playToEnd(room: Room<unknown, MatchState>): Promise<void> {
  for (;;) {
    await vi.waitFor(() => expect(room.state.phase === 'done' || room.state.hasPending).toBe(true));
    if (room.state.phase === 'done') return;
    const version = room.state.version;
    const spot = room.state.regions.find((r) => r.state === 'free' && r.size >= room.state.pending.size);
    room.send('place', { requestId: room.state.pending.id, target: spot!.start, version });
    await vi.waitFor(() => expect(room.state.version).toBeGreaterThan(version));
  }
}

async function csvRows(created: Created): Promise<string[][]> {
  const res = await fetch(`http://localhost:${PORT}/api/classes/${created.code}/results.csv`, { headers: { 'x-host-key': created.hostKey } });
  return (await res.text()).trim().split('\r\n').map((l) => l.split(','));
}

describe('assignments', () => {
  it('a lesson plan as homework: students play its rounds alone under their class identity; late attempts are marked in the CSV', async () => {
    const created = (await driven.server().http.post('/api/classes')).data as Created;
    const host = await driven.server().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    host.send('host:student-id', { ask: 'id' });
    await vi.waitFor(() => expect(host.state.askStudentId).toBe('id'));
    const ada = await driven.server().sdk.joinById(created.roomId, { code: created.code, nickname: 'Ada', studentId: 'S-1' });
    const adaToken = (await new Promise<Welcome>((resolve) => ada.onMessage('welcome', resolve))).token;

    const plan = await api<{ id: string }>(created, 'POST', `/api/classes/${created.code}/plans`, { title: 'Week 3', rounds: [{ settings: RAMP }] });
    expect((await api(created, 'POST', `/api/classes/${created.code}/assignments`, { planId: plan.body.id, deadline: clock.wall - 1 })).body).toMatchObject({ code: 'assignment/invalid' });
    expect((await api(created, 'POST', `/api/classes/${created.code}/assignments`, { planId: 'p-nope', deadline: clock.wall + HOUR })).body).toMatchObject({ code: 'plan/unknown' });
    const made = await api<{ id: string; link: string; deadline: number }>(created, 'POST', `/api/classes/${created.code}/assignments`, { planId: plan.body.id, deadline: new Date(clock.wall + HOUR).toISOString() });
    expect(made.status).toBe(201);
    expect(made.body.link).toMatch(new RegExp(`/\\?assignment=${made.body.id}$`));
    expect(made.body.deadline).toBe(clock.wall + HOUR);
    const shown = await fetch(`http://localhost:${PORT}/api/assignments/${made.body.id}`);
    expect(await shown.json()).toMatchObject({ code: created.code, title: 'Week 3', askStudentId: 'id', rounds: [{ title: 'Small ramp', requests: 3 }] });
    expect((await fetch(`http://localhost:${PORT}/api/assignments/a-nope`)).status).toBe(404);

    // Ada plays under her class identity (her token) before the deadline.
    const adaRound = await openRound({ assignment: made.body.id, round: 0, token: adaToken });
    expect(adaRound.welcome).toMatchObject({ nickname: 'Ada' });
    expect(adaRound.welcome.token).toBeUndefined();
    await playToEnd(adaRound.room);

    // Bo never joined the class: he must give the identifier the class asks for, and gets a class identity.
    await expect(driven.server().sdk.create('practice', { assignment: made.body.id, round: 0, nickname: 'Bo' })).rejects.toThrow(/student_id\/required/);
    await expect(driven.server().sdk.create('practice', { assignment: made.body.id, round: 1, nickname: 'Bo', studentId: 'S-2' })).rejects.toThrow(/assignment\/no_round/);
    clock.wall += 2 * HOUR;
    const boRound = await openRound({ assignment: made.body.id, round: 0, nickname: 'Bo', studentId: 'S-2' });
    expect(boRound.welcome.token).toEqual(expect.any(String));
    await playToEnd(boRound.room);
    // Ada plays again, late: her on-time attempt stays the one graded.
    const adaAgain = await openRound({ assignment: made.body.id, round: 0, token: adaToken });
    await playToEnd(adaAgain.room);

    await vi.waitFor(async () => expect((await csvRows(created)).length).toBe(3));
    const [header, ...rows] = await csvRows(created);
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => [r[col('round')], r[col('round title')], r[col('nickname')], r[col('student id')], r[col('late')]])).toEqual([
      ['1', 'Assignment: Week 3 · Small ramp', 'Ada', 'S-1', ''],
      ['1', 'Assignment: Week 3 · Small ramp', 'Bo', 'S-2', 'late'],
    ]);
    // Bo's token brings him back as himself.
    const boBack = await openRound({ assignment: made.body.id, round: 0, token: boRound.welcome.token });
    expect(boBack.welcome).toMatchObject({ playerId: boRound.welcome.playerId, nickname: 'Bo' });
  });
});
