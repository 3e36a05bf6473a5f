// The host's page of a class of 300 (`host:page`, docs/PROTOCOL.md; shared/classroom/SPEC.md
// CLASS-ROSTER-1..3), through a real server and SDK clients: the 300 are seated cheaply
// (stored before the room opens, as a restarted server finds them) and three more join and
// play. The host's view carries one page of entries, heaps and identifiers, never the
// whole class; a search finds a student by their private identifier; a sort orders the
// page by its key; the projector's student stays in view off the page; bad input is
// refused and changes nothing; a student may not send it.

import { describe, expect, it, vi } from 'vitest';
import type { Room } from '@colyseus/sdk';
import { JOIN_CODE_ALPHABET } from '../../server/protocol/join-code.ts';
import { hashSecret, newSecret } from '../../server/classroom/secrets.ts';
import { drivenClassroom } from './classroom-server.ts';

const driven = drivenClassroom();
const { storage } = driven;
const CLASS_SIZE = 300;

function waitFor<T>(check: () => T): Promise<T> {
  return vi.waitFor(check, { timeout: 20_000, interval: 50 });
}

interface Info { playerId: string; nickname: string; placed: number; score: number }
interface Page { offset: number; limit: number; sort: string; search: string; total: number; ids: Iterable<string> }
interface HostView {
  players: Map<string, Info>;
  heaps: Map<string, unknown>;
  privateInfo: Map<string, { studentId: string }>;
  hostPages: Map<string, Page>;
}
const view = (host: Room): HostView => host.state as HostView;
const pageOf = (host: Room): Page | undefined => view(host).hostPages?.get(host.sessionId);
const pageIds = (host: Room): string[] => [...(pageOf(host)?.ids ?? [])];
const names = (host: Room): string[] => pageIds(host).map((id) => view(host).players.get(id)?.nickname ?? `?${id}`);

/** A class stored with 300 students (as a restarted server finds one), opened by the lookup. */
async function classOf300(): Promise<{ code: string; hostKey: string; roomId: string }> {
  const hostKey = newSecret();
  const code = Array.from({ length: 6 }, (_, i) => JOIN_CODE_ALPHABET[(i * 7 + Math.floor(Math.random() * 23)) % JOIN_CODE_ALPHABET.length]).join('');
  const sessionId = `s-${newSecret()}`;
  await storage.createSession({ id: sessionId, code, hostKeyHash: hashSecret(hostKey), createdAt: driven.clock.wall, status: 'open', settings: '{}' });
  for (let i = 0; i < CLASS_SIZE; i++) {
    // Stored out of name order, so the name sort has something to do.
    const n = (i * 7) % CLASS_SIZE;
    await storage.savePlayer({ sessionId, playerId: `seed-${i}`, nickname: `Student ${String(n).padStart(3, '0')}`, tokenHash: hashSecret(newSecret()), joinedAt: driven.clock.wall, barred: false, studentId: `S${10_000 + n}` });
  }
  const found = (await driven.server().http.get(`/api/classes/${code}`)).data as { roomId: string };
  return { code, hostKey, roomId: found.roomId };
}

/** Places the warm-up's pending request (a buddy heap: 1 unit, then 4) at `target`. */
async function place(room: Room, version: number, target: number): Promise<void> {
  const heap = (): { version: number; hasPending: boolean; pending: { id: number } } | undefined => [...(room.state as { heaps: Map<string, never> }).heaps.values()][0];
  await waitFor(() => expect(heap()?.version).toBe(version));
  await waitFor(() => expect(heap()?.hasPending).toBe(true));
  room.send('place', { requestId: heap()!.pending.id, target, version });
  await waitFor(() => expect(heap()?.version).toBe(version + 1));
}

describe('host:page: a class of 300 on the dashboard', () => {
  it('[CLASS-ROSTER-3] the host receives one page of students, not 300; paging moves it on', async () => {
    const created = await classOf300();
    const host = await driven.server().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    await waitFor(() => expect(pageOf(host)?.total).toBe(CLASS_SIZE));
    expect(host.state.playerCount).toBe(CLASS_SIZE);
    // The first page, by name.
    expect(pageIds(host)).toHaveLength(30);
    expect(view(host).players.size).toBe(30);
    expect(view(host).privateInfo.size).toBe(30);
    expect(names(host).slice(0, 3)).toEqual(['Student 000', 'Student 001', 'Student 002']);

    host.send('host:page', { offset: 240, limit: 60, sort: 'name', search: '' });
    await waitFor(() => expect(pageOf(host)?.offset).toBe(240));
    await waitFor(() => expect(view(host).players.size).toBe(60));
    expect(names(host)[0]).toBe('Student 240');
    expect(names(host)[59]).toBe('Student 299');
    // Entries off the page have left the host's view.
    expect([...view(host).players.keys()].sort()).toEqual(pageIds(host).sort());
  });

  it('[CLASS-ROSTER-2] a search finds a student by their private identifier or a part of their name', async () => {
    const created = await classOf300();
    const host = await driven.server().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    await waitFor(() => expect(pageOf(host)?.total).toBe(CLASS_SIZE));
    host.send('host:page', { offset: 0, limit: 10, sort: 'name', search: 's10217' });
    await waitFor(() => expect(pageOf(host)?.total).toBe(1));
    await waitFor(() => expect(names(host)).toEqual(['Student 217']));
    expect(view(host).privateInfo.get(pageIds(host)[0]!)?.studentId).toBe('S10217');
    host.send('host:page', { offset: 0, limit: 60, sort: 'name', search: 'student 29' });
    await waitFor(() => expect(pageOf(host)?.total).toBe(10));
    expect(names(host)).toEqual(Array.from({ length: 10 }, (_, i) => `Student 29${i}`));
  });

  it('[CLASS-ROSTER-1] a sort orders the page by its key: those who placed most first, heaps with them', async () => {
    const created = await classOf300();
    const host = await driven.server().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    const join = (nickname: string): Promise<Room> => driven.server().sdk.joinById(created.roomId, { code: created.code, nickname });
    const [ada, bo, cy] = [await join('Ada'), await join('Bo'), await join('Cy')];
    await waitFor(() => expect(pageOf(host)?.total).toBe(CLASS_SIZE + 3));
    host.send('host:start', { round: 'warm-up' });
    await place(bo, 0, 0);
    await place(bo, 1, 4);
    await place(cy, 0, 0);
    host.send('host:page', { offset: 0, limit: 5, sort: 'placed', search: '' });
    await waitFor(() => expect(names(host).slice(0, 3)).toEqual(['Bo', 'Cy', 'Ada']));
    expect(pageIds(host).slice(0, 3).map((id) => view(host).players.get(id)?.placed)).toEqual([2, 1, 0]);
    // The heaps the host holds are the page's students' who have one.
    await waitFor(() => expect([...view(host).heaps.keys()].sort()).toEqual(pageIds(host).slice(0, 3).sort()));
    void ada;
  });

  it('keeps the projected and the open student in view off the page', async () => {
    const created = await classOf300();
    const host = await driven.server().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    const projector = await driven.server().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    await waitFor(() => expect(pageOf(host)?.total).toBe(CLASS_SIZE));
    host.send('host:page', { offset: 0, limit: 10, sort: 'name', search: 'S10250', open: 'seed-10' });
    await waitFor(() => expect(pageOf(host)?.total).toBe(1));
    await waitFor(() => expect([...view(host).players.keys()].sort()).toEqual([...pageIds(host), 'seed-10'].sort()));
    // seed-10 is Student 070: the projector (a host on its first page) is given them when projected.
    expect(view(projector).players.has('seed-10')).toBe(false);
    host.send('host:project', { show: 'heap', playerId: 'seed-10', named: true });
    await waitFor(() => expect(view(projector).players.get('seed-10')?.nickname).toBe('Student 070'));
    expect(pageIds(projector)).toHaveLength(30);
  });

  it('refuses bad input and a student sending it; nothing changes', async () => {
    const created = await classOf300();
    const host = await driven.server().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    const student = await driven.server().sdk.joinById(created.roomId, { code: created.code, nickname: 'Eve' });
    await waitFor(() => expect(pageOf(host)?.total).toBe(CLASS_SIZE + 1));
    const refused: string[] = [];
    host.onMessage('refused', (r: { code: string }) => refused.push(r.code));
    const studentRefused: string[] = [];
    student.onMessage('refused', (r: { code: string }) => studentRefused.push(r.code));
    const before = pageIds(host);
    host.send('host:page', { offset: 0, limit: 61, sort: 'name', search: '' });
    host.send('host:page', { offset: -1, limit: 10, sort: 'name', search: '' });
    host.send('host:page', { offset: 0, limit: 10, sort: 'shoe size', search: '' });
    host.send('host:page', { offset: 0, limit: 10, sort: 'name', search: 'x'.repeat(101) });
    host.send('host:page', { offset: 0, limit: 10, sort: 'name' });
    host.send('host:page', { offset: 0, limit: 10, sort: 'name', search: '', colour: 'red' });
    host.send('host:page', { offset: 0, limit: 10, sort: 'name', search: '', open: 'nobody' });
    student.send('host:page', { offset: 0, limit: 10, sort: 'name', search: '' });
    await waitFor(() => expect(refused).toHaveLength(7));
    expect(refused).toEqual(['message/out_of_range', 'message/out_of_range', 'message/bad_type', 'message/out_of_range', 'message/missing_field', 'message/unknown_field', 'player/unknown']);
    await waitFor(() => expect(studentRefused).toEqual(['host/forbidden']));
    expect(pageIds(host)).toEqual(before);
    expect(pageOf(host)).toMatchObject({ offset: 0, limit: 30, sort: 'name', search: '' });
    // A student never sees a host's page.
    expect((student.state as HostView).hostPages?.size ?? 0).toBe(0);
  });
});

describe('host:replay: a student\'s finished round for the host (issue 14, item 7)', () => {
  it('sends the host the round of a student who has finished it, with the log to replay; refuses one still playing, an unknown one and a student', async () => {
    const created = await classOf300();
    const host = await driven.server().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    const join = (nickname: string): Promise<Room> => driven.server().sdk.joinById(created.roomId, { code: created.code, nickname });
    const [ada, bo] = [await join('Ada'), await join('Bo')];
    await waitFor(() => expect(pageOf(host)?.total).toBe(CLASS_SIZE + 2));
    host.send('host:page', { offset: 0, limit: 5, sort: 'name', search: 'a' });
    await waitFor(() => expect(names(host)[0]).toBe('Ada'));
    const adaId = pageIds(host)[0]!;
    const refused: string[] = [];
    host.onMessage('refused', (r: { code: string }) => refused.push(r.code));
    const replays: { playerId: string; nickname: string; title: string; results: string }[] = [];
    host.onMessage('replay', (m: (typeof replays)[number]) => replays.push(m));
    host.send('host:start', { round: 'warm-up' });
    await place(ada, 0, 0);
    host.send('host:replay', { playerId: adaId });
    await waitFor(() => expect(refused).toEqual(['replay/not_ready']));
    await place(ada, 1, 4);
    host.send('host:replay', { playerId: adaId });
    await waitFor(() => expect(replays).toHaveLength(1));
    const results = JSON.parse(replays[0]!.results) as { player: { card: { score: number } }; replay: { log: { type: string }[] } };
    expect(replays[0]).toMatchObject({ playerId: adaId, nickname: 'Ada', title: 'Warm-up: the buddy walk-through' });
    expect(results.replay.log.filter((m) => m.type === 'place')).toHaveLength(2);
    expect(results.player.card.score).toBe(view(host).players.get(adaId)?.score);
    // [SC-11] The host reads the round about Ada, not as Ada would ("Your heap …").
    const debrief = (JSON.parse(replays[0]!.results) as { debrief: string }).debrief;
    expect(debrief).toMatch(/^Ada's heap /);
    expect(debrief).not.toMatch(/\byour?\b/i);
    host.send('host:replay', { playerId: 'nobody' });
    const boRefused: string[] = [];
    bo.onMessage('refused', (r: { code: string }) => boRefused.push(r.code));
    bo.send('host:replay', { playerId: adaId });
    await waitFor(() => expect(refused).toEqual(['replay/not_ready', 'player/unknown']));
    await waitFor(() => expect(boRefused).toEqual(['host/forbidden']));
  });
});
