// A host's own rounds over HTTP (docs/PROTOCOL.md, POST/GET /api/classes/:code/rounds):
// JSON settings or a trace as text/plain, refused in the engine's words, listed beside the
// built-in rounds, started with host:start { round: id } and played to the end by SDK students.

import { describe, expect, it, vi } from 'vitest';
import type { Room } from '@colyseus/sdk';
import { createAllocator } from '../../shared/match/kinds.ts';
import { ROUND_CHOICES } from '../../shared/levels/rounds.ts';
import { playToEnd } from './play-to-end.ts';
import { appServer } from './app-server.ts';

const colyseus = appServer();

interface Created { code: string; hostKey: string; roomId: string }
interface Listed { id: string; title: string; builtIn: boolean; kind: string; requests: number; length: { limitMs: number | null; estimateMs: number } }

const base = () => `http://localhost:${colyseus.port}`;

async function createClass(): Promise<Created> {
  return (await (await fetch(`${base()}/api/classes`, { method: 'POST' })).json()) as Created;
}

function postRound(created: Created, body: string, type: string, query = '', key = created.hostKey): Promise<Response> {
  return fetch(`${base()}/api/classes/${created.code}/rounds${query}`, { method: 'POST', headers: { 'x-host-key': key, 'content-type': type }, body });
}

async function listRounds(created: Created): Promise<Listed[]> {
  const res = await fetch(`${base()}/api/classes/${created.code}/rounds`, { headers: { 'x-host-key': created.hostKey } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { rounds: Listed[] }).rounds;
}

/** A CS:APP trace: three blocks, freed in a different order. */
const TRACE = ['20000', '3', '6', '1', 'a 0 24', 'a 1 40', 'f 0', 'a 2 16', 'f 1', 'f 2', ''].join('\n');

const PEAKS = {
  title: 'Small peaks',
  description: 'Blocks that die together',
  kind: 'freelist',
  options: { align: 1, overhead: 0, header: 0, minBlock: 1, growth: 'sbrk', chunk: 1, initial: 0, limit: 4096 },
  source: { source: 'pattern', spec: { pattern: 'peaks', peaks: 2, perPeak: 3, sizes: { kind: 'uniform', min: 4, max: 40 } } },
  seed: 7,
  clock: { per: 'request', seconds: 20 },
  fallback: 'best-fit',
};

async function joinStudent(created: Created, nickname: string): Promise<Room> {
  return colyseus().sdk.joinById(created.roomId, { code: created.code, nickname });
}

describe('a host\'s own rounds over HTTP', () => {
  it('takes JSON settings, lists them after the built-in rounds, and refuses bad ones in the engine\'s words, storing nothing', async () => {
    const created = await createClass();
    const res = await postRound(created, JSON.stringify(PEAKS), 'application/json');
    expect(res.status).toBe(201);
    const saved = (await res.json()) as Listed;
    expect(saved).toMatchObject({ title: 'Small peaks', builtIn: false, kind: 'freelist', requests: 6, length: { limitMs: 6 * 20_000, estimateMs: 6 * 4000 } });
    expect(saved.id).toMatch(/^h-[0-9a-f]{12}$/);

    const engineSays = createAllocator({ kind: 'freelist', options: { align: 3 } });
    const bad = await postRound(created, JSON.stringify({ ...PEAKS, options: { align: 3 } }), 'application/json');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ code: engineSays.ok ? '' : engineSays.code, message: engineSays.ok ? '' : engineSays.message });
    const shape = await postRound(created, JSON.stringify({ ...PEAKS, clock: { per: 'week' } }), 'application/json');
    expect(await shape.json()).toMatchObject({ code: 'settings/invalid', message: expect.stringMatching(/clock\.per/) });
    expect((await postRound(created, '{"title":', 'application/json')).status).toBe(400);
    expect((await postRound(created, 'x', 'image/png')).status).toBe(415);
    expect((await postRound(created, JSON.stringify(PEAKS), 'application/json', '', 'wrong')).status).toBe(403);

    const rounds = await listRounds(created);
    expect(rounds.filter((r) => r.builtIn).map((r) => r.id)).toEqual(ROUND_CHOICES);
    expect(rounds.filter((r) => !r.builtIn)).toEqual([expect.objectContaining({ id: saved.id, title: 'Small peaks', settings: PEAKS })]);
    // Another class does not see this one's rounds.
    expect((await listRounds(await createClass())).filter((r) => !r.builtIn)).toEqual([]);
  });

  it('takes a .rep trace as text/plain, starts it by id, and two students play it to the end; the CSV names the round', async () => {
    const created = await createClass();
    const res = await postRound(created, TRACE, 'text/plain', '?title=Three%20blocks');
    expect(res.status).toBe(201);
    const round = (await res.json()) as Listed;
    expect(round).toMatchObject({ title: 'Three blocks', kind: 'freelist', requests: 3, length: { limitMs: null } });
    const malformed = await postRound(created, '1\n1\nq 0 1\n', 'text/plain');
    expect(await malformed.json()).toMatchObject({ code: 'trace/malformed', message: expect.stringMatching(/line 3/) });

    const host = await colyseus().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    const students = [await joinStudent(created, 'Ada'), await joinStudent(created, 'Grace')];
    await vi.waitFor(() => expect(host.state.players.size).toBe(2));
    const refusals: { code: string }[] = [];
    host.onMessage('refused', (r: { code: string }) => refusals.push(r));
    host.send('host:start', { round: 'h-000000000000' });
    await vi.waitFor(() => expect(refusals).toEqual([expect.objectContaining({ code: 'level/unknown' })]));
    host.send('host:start', { round: round.id });
    await vi.waitFor(() => expect(host.state.phase).toBe('playing'));
    expect(host.state.roundTitle).toBe('Three blocks');
    await Promise.all(students.map((s) => playToEnd(s)));
    await vi.waitFor(() => expect(host.state.phase).toBe('results'), { timeout: 20_000 });

    const csv = await fetch(`${base()}/api/classes/${created.code}/results.csv`, { headers: { 'x-host-key': created.hostKey } });
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['1,Three blocks,Ada', '1,Three blocks,Grace']);
  });

  it('done when: a host uploads a .rep trace over the API, asks for student IDs, two students play it to the end; the CSV has the BOM, the round\'s title, their IDs and totals', async () => {
    const created = await createClass();
    const host = await colyseus().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    host.send('host:student-id', { ask: 'id' });
    await vi.waitFor(() => expect(host.state.askStudentId).toBe('id'));
    const lookup = (await (await fetch(`${base()}/api/classes/${created.code}`)).json()) as { askStudentId: string };
    expect(lookup.askStudentId).toBe('id');
    await expect(joinStudent(created, 'NoId')).rejects.toThrow(/student_id\/required/);

    const res = await postRound(created, TRACE, 'text/plain', '?title=Malloc%20lab%2C%20short');
    const round = (await res.json()) as Listed;
    const ada = await colyseus().sdk.joinById(created.roomId, { code: created.code, nickname: 'Ada', studentId: ' S-1001 ' });
    const grace = await colyseus().sdk.joinById(created.roomId, { code: created.code, nickname: 'Grace', studentId: 'S-1002' });
    await vi.waitFor(() => expect(host.state.privateInfo.size).toBe(2));
    // Only the host sees the identifiers: a student's view holds no private entry, their own included.
    const ids = () => [...(host.state.privateInfo as Map<string, { studentId: string }>).values()].map((p) => p.studentId).sort();
    expect(ids()).toEqual(['S-1001', 'S-1002']);
    await vi.waitFor(() => expect(ada.state.players.size).toBe(1));
    expect(ada.state.privateInfo.size).toBe(0);
    expect(JSON.stringify(ada.state.toJSON())).not.toContain('S-100');

    host.send('host:start', { round: round.id });
    await vi.waitFor(() => expect(host.state.phase).toBe('playing'));
    await Promise.all([ada, grace].map((s) => playToEnd(s)));
    await vi.waitFor(() => expect(host.state.phase).toBe('results'), { timeout: 20_000 });

    const bytes = new Uint8Array(await (await fetch(`${base()}/api/classes/${created.code}/results.csv`, { headers: { 'x-host-key': created.hostKey } })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const rows = csv.slice(1).trim().split('\r\n').map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    const body = rows.slice(1);
    expect(body.map((r) => [r[col('round title')], r[col('nickname')], r[col('student id')]])).toEqual([
      ['"Malloc lab, short"', 'Ada', 'S-1001'], ['"Malloc lab, short"', 'Grace', 'S-1002'],
    ]);
    // One round: each student's total is their score in it.
    for (const r of body) expect(r[col('total')]).toBe(r[col('score')]);
    const moodle = await (await fetch(`${base()}/api/classes/${created.code}/results.csv?layout=moodle`, { headers: { 'x-host-key': created.hostKey } })).text();
    expect(moodle.split('\r\n').slice(1, 3).map((l) => l.split(',')[0])).toEqual(['S-1001', 'S-1002']);
  });

  it('keeps the session\'s totals across its rounds in the state for the podium, ties as ties, agreeing with the CSV', async () => {
    const created = await createClass();
    const fixedHeap = { ...PEAKS, clock: { per: 'none' }, options: { align: 1, overhead: 0, header: 0, minBlock: 1, growth: 'fixed', limit: 4096 } };
    const round = (await (await postRound(created, JSON.stringify(fixedHeap), 'application/json')).json()) as Listed;
    const host = await colyseus().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    const ada = await joinStudent(created, 'Ada');
    const grace = await joinStudent(created, 'Grace');
    await vi.waitFor(() => expect(host.state.players.size).toBe(2));
    expect(host.state.totals.length).toBe(0);

    // Round 1: both place every block the same way, so they score the same: a tie for first.
    host.send('host:start', { round: round.id });
    await vi.waitFor(() => expect(host.state.phase).toBe('playing'));
    await Promise.all([ada, grace].map((s) => playToEnd(s)));
    await vi.waitFor(() => expect(ada.state.totals.length).toBe(2));
    const afterOne = ada.state.totals.map((r: { rank: number; total: number; rounds: number }) => [r.rank, r.total, r.rounds]);
    expect(afterOne[0]).toEqual(afterOne[1]);
    expect(afterOne[0]?.[0]).toBe(1);

    // Round 2: Ada plays it all, Grace nothing; the host ends it.
    host.send('host:start', { round: round.id });
    await vi.waitFor(() => expect(host.state.roundNo).toBe(2));
    await playToEnd(ada);
    host.send('host:end', {});
    // Grace sat through round 2 without playing: it adds nothing to her total (SC-10).
    await vi.waitFor(() => expect(host.state.totals.map((r: { name: string; rounds: number }) => [r.name, r.rounds])).toEqual([['Ada', 2], ['Grace', 1]]));
    const csv = await (await fetch(`${base()}/api/classes/${created.code}/results.csv`, { headers: { 'x-host-key': created.hostKey } })).text();
    const rows = csv.trim().split('\r\n').slice(1).map((l) => l.split(','));
    const csvTotals = new Map(rows.map((r) => [r[2], Number(r[12])]));
    const podium = host.state.totals.map((r: { name: string; total: number }) => [r.name, r.total]);
    expect(new Map(podium)).toEqual(csvTotals);
    expect(podium.map(([, total]: [string, number]) => total)).toEqual([...csvTotals.values()].sort((a, b) => b - a));
  });

  it('reads an OSTEP op list as a round on malloc.py\'s heap', async () => {
    const created = await createClass();
    const res = await postRound(created, '+10,-0,+20,+5', 'text/plain');
    expect(await res.json()).toMatchObject({ title: 'OSTEP operations', requests: 3, peakLive: 25 });
  });
});

interface Plan { id: string; title: string; rounds: Listed[] }

function postPlan(created: Created, plan: unknown): Promise<Response> {
  return fetch(`${base()}/api/classes/${created.code}/plans`, { method: 'POST', headers: { 'x-host-key': created.hostKey, 'content-type': 'application/json' }, body: JSON.stringify(plan) });
}

async function getJson<T>(created: Created, route: string): Promise<T> {
  const res = await fetch(`${base()}/api/classes/${created.code}${route}`, { headers: { 'x-host-key': created.hostKey } });
  expect(res.status, route).toBe(200);
  return (await res.json()) as T;
}

describe('lesson plans over HTTP (LV-PLAN)', () => {
  const RAMP = { title: 'Ramp of four', kind: 'freelist', source: { source: 'pattern', spec: { pattern: 'ramp', count: 4, sizes: { kind: 'uniform', min: 4, max: 8 } } } };

  it('[LV-PLAN-1] [LV-PLAN-3] saves a plan of built-in, own and new rounds, exports it whole, and the next class imports it as its own rounds', async () => {
    const first = await createClass();
    const own = (await (await postRound(first, JSON.stringify(PEAKS), 'application/json')).json()) as Listed;
    const res = await postPlan(first, { title: 'Week 3', rounds: [{ round: 'warm-up' }, { round: own.id }, { settings: RAMP }] });
    expect(res.status).toBe(201);
    const plan = (await res.json()) as Plan;
    expect(plan.title).toBe('Week 3');
    expect(plan.rounds.map((r) => [r.title, r.builtIn])).toEqual([['Warm-up: the buddy walk-through', true], ['Small peaks', false], ['Ramp of four', false]]);
    expect((await getJson<{ plans: Plan[] }>(first, '/plans')).plans).toEqual([plan]);

    const exported = await getJson<{ format: string; rounds: unknown[] }>(first, `/plans/${plan.id}`);
    expect(exported).toEqual({ format: 'mallocade-lesson-plan', version: 1, title: 'Week 3', rounds: [{ round: 'warm-up' }, { settings: PEAKS }, { settings: RAMP }] });

    const next = await createClass();
    const imported = (await (await postPlan(next, exported)).json()) as Plan;
    expect(imported.rounds.map((r) => r.title)).toEqual(['Warm-up: the buddy walk-through', 'Small peaks', 'Ramp of four']);
    const ownIds = (await listRounds(next)).filter((r) => !r.builtIn).map((r) => r.id);
    expect(imported.rounds.slice(1).map((r) => r.id).sort()).toEqual(ownIds.sort());
    expect(ownIds).not.toContain(own.id);
    const host = await colyseus().sdk.joinById(next.roomId, { hostKey: next.hostKey });
    host.send('host:start', { round: imported.rounds[1]!.id });
    await vi.waitFor(() => expect(host.state.roundTitle).toBe('Small peaks'));
  });

  it('[LV-PLAN-2] refuses a plan naming a round the class lacks, or with bad settings, and stores nothing of it', async () => {
    const created = await createClass();
    const unknown = await postPlan(created, { title: 'x', rounds: [{ settings: RAMP }, { round: 'h-000000000000' }] });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: 'level/unknown', message: expect.stringMatching(/^round 2: /) });
    const bad = await postPlan(created, { title: 'x', rounds: [{ settings: { ...RAMP, kind: 'heap' } }] });
    expect(await bad.json()).toMatchObject({ code: 'settings/invalid', message: expect.stringMatching(/^round 1: kind/) });
    expect((await postPlan(created, { rounds: [] })).status).toBe(400);
    expect((await getJson<{ plans: Plan[] }>(created, '/plans')).plans).toEqual([]);
    expect((await listRounds(created)).filter((r) => !r.builtIn)).toEqual([]);
    const missing = await fetch(`${base()}/api/classes/${created.code}/plans/p-0`, { headers: { 'x-host-key': created.hostKey } });
    expect(missing.status).toBe(404);
    const stranger = await fetch(`${base()}/api/classes/${created.code}/plans`, { headers: { 'x-host-key': 'wrong' } });
    expect(stranger.status).toBe(403);
  });
});
