import { describe, expect, it, vi } from 'vitest';
import type { Room } from '@colyseus/sdk';
import { appServer } from './app-server.ts';

const colyseus = appServer();

interface Refusal { code: string; message: string }
interface Created { code: string; hostKey: string; roomId: string }

async function createClass(): Promise<Created> {
  const res = await colyseus().http.post('/api/classes');
  return res.data as Created;
}

function collectRefusals(room: Room): Refusal[] {
  const refusals: Refusal[] = [];
  room.onMessage('refused', (r: Refusal) => refusals.push(r));
  return refusals;
}

async function joinStudent(code: string, nickname: string, token?: string): Promise<{ room: Room; welcome: { playerId: string; token?: string; nickname: string } }> {
  const found = (await colyseus().http.get(`/api/classes/${code}`)).data as { roomId: string };
  const room = await colyseus().sdk.joinById(found.roomId, token ? { code, token } : { code, nickname });
  const welcome = await new Promise<{ playerId: string; token?: string; nickname: string }>((resolve) => room.onMessage('welcome', resolve));
  return { room, welcome };
}

async function playWarmUp(room: Room): Promise<void> {
  await vi.waitFor(() => expect(room.state.heaps.size).toBe(1));
  const heap = () => [...room.state.heaps.values()][0];
  await vi.waitFor(() => expect(heap()?.pending?.size).toBe(1));
  room.send('place', { requestId: heap().pending.id, target: 0, version: heap().version });
  await vi.waitFor(() => expect(heap()?.pending?.size).toBe(4));
  room.send('place', { requestId: heap().pending.id, target: 4, version: heap().version });
}

describe('classroom room', () => {
  it('runs a host and three students through a full round, with per-client views, a leaderboard and CSV results', async () => {
    const created = await createClass();
    expect(created.code).toMatch(/^[ACDEFGHJKMNPQRTWXY34679]{6}$/);
    const host = await colyseus().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    const students = await Promise.all(['Ada', 'Grace', ''].map((n) => joinStudent(created.code, n)));
    expect(students.map((s) => s.welcome.nickname).slice(0, 2)).toEqual(['Ada', 'Grace']);
    expect(students[2]!.welcome.nickname.length).toBeGreaterThan(2);
    await vi.waitFor(() => expect(host.state.players.size).toBe(3));

    host.send('host:start', { round: 'warm-up' });
    // Each student sees exactly one heap (their own); the host sees all three.
    await vi.waitFor(() => expect(host.state.heaps.size).toBe(3));
    for (const s of students) await vi.waitFor(() => expect(s.room.state.heaps.size).toBe(1));
    for (const s of students) expect(s.room.state.players.size).toBe(1);

    const adaResults = new Promise<string>((resolve) => students[0]!.room.onMessage('results', resolve));
    await Promise.all(students.map((s) => playWarmUp(s.room)));
    // Ada's full results come to her alone, by message; the host's copy of her heap does not carry them.
    const full = JSON.parse(await adaResults) as { player: { role: string }; policies: { name: string }[]; clairvoyant: { role: string } };
    expect(full.player.role).toBe('player');
    expect(full.policies.map((p) => p.name)).toEqual(['buddy-lowest', 'buddy-lifo']);
    expect([...host.state.heaps.values()].every((h: { results: string }) => !h.results)).toBe(true);
    await vi.waitFor(() => expect(host.state.phase).toBe('results'));
    await vi.waitFor(() => expect(students[0]!.room.state.leaderboard.length).toBe(3));
    expect(students[0]!.room.state.leaderboard.map((r: { rank: number }) => r.rank)).toEqual([1, 1, 1]);
    expect(host.state.figures.utilizationHistogram.reduce((a: number, b: number) => a + b, 0)).toBe(3);
    // The heat map shows where the class put the last request: all three at address 4 of 8 (bin 16 of 32).
    await vi.waitFor(() => expect(host.state.figures.heatMap[16]).toBe(3));
    expect(host.state.figures.heatMap.reduce((a: number, b: number) => a + b, 0)).toBe(3);

    const csv = await colyseus().http.get(`/api/classes/${created.code}/results.csv`, { headers: { 'x-host-key': created.hostKey } });
    const lines = String(csv.data).trim().split(/\r\n/);
    expect(lines[0]).toBe('round,round title,nickname,student id,utilization,fragmentation,failures,fallbacks,played,score,vs best,rank,total,late');
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).map((l) => l.split(',')[2]).sort()).toEqual(['Ada', 'Grace', students[2]!.welcome.nickname].sort());
    await expect(colyseus().http.get(`/api/classes/${created.code}/results.csv`, { headers: { 'x-host-key': 'wrong' } })).rejects.toMatchObject({ statusCode: 403 });
  });

  it("sends a student the board's top five rows and their own rank, and the host the whole board", async () => {
    const created = await createClass();
    const host = await colyseus().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    const names = ['Ada', 'Grace', 'Lin', 'Edsger', 'Barbara', 'Donald', 'Frances'];
    // Joined by room id: the lookup's per-address limit is the other tests'.
    const students = await Promise.all(names.map(async (nickname) => ({ room: await colyseus().sdk.joinById(created.roomId, { code: created.code, nickname }) })));
    await vi.waitFor(() => expect(host.state.players.size).toBe(names.length));
    host.send('host:start', { round: 'warm-up' });
    for (const s of students) await vi.waitFor(() => expect(s.room.state.heaps.size).toBe(1));
    await Promise.all(students.map((s) => playWarmUp(s.room)));
    await vi.waitFor(() => expect(host.state.phase).toBe('results'));
    // Everyone played the same two placements: seven rows, all sharing rank 1.
    await vi.waitFor(() => expect(host.state.figures.board.length).toBe(names.length));
    expect(new Set([...host.state.figures.board].map((r: { name: string }) => r.name))).toEqual(new Set(names));
    for (const { room } of students) {
      await vi.waitFor(() => expect(room.state.leaderboard.length).toBe(5));
      expect(room.state.figures?.board?.length ?? 0).toBe(0);
      expect([...room.state.players.values()][0]?.rank).toBe(1);
    }
    expect(host.state.leaderboard.length).toBe(5);
  });

  it('refuses every host action to a student, and changes nothing', async () => {
    const created = await createClass();
    const host = await colyseus().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    const { room: student, welcome } = await joinStudent(created.code, 'Mallory');
    const refusals = collectRefusals(student);
    const actions: [string, unknown][] = [
      ['host:start', { round: 'warm-up' }], ['host:pause', {}], ['host:resume', {}], ['host:end', {}],
      ['host:kick', { playerId: welcome.playerId }], ['host:lock', { value: true }], ['host:late-join', { value: false }],
      ['host:leaderboard', { mode: 'hidden' }], ['host:project', { show: 'figures' }],
    ];
    for (const [type, body] of actions) student.send(type, body);
    await vi.waitFor(() => expect(refusals).toHaveLength(actions.length));
    expect(new Set(refusals.map((r) => r.code))).toEqual(new Set(['host/forbidden']));
    expect(host.state.phase).toBe('lobby');
    expect(host.state.locked).toBe(false);
    expect(host.state.leaderboardMode).toBe('shown');
    // The host's page shows a new student within about a second (host pages are recomputed on the tick).
    await vi.waitFor(() => expect(host.state.players.size).toBe(1));
  });

  it('refuses a wrong code, a wrong host key, a taken nickname and joins to a locked class', async () => {
    const created = await createClass();
    const host = await colyseus().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    await expect(colyseus().sdk.joinById(created.roomId, { code: 'AAAAAA', nickname: 'x' })).rejects.toThrow(/class\/unknown/);
    await expect(colyseus().sdk.joinById(created.roomId, { hostKey: 'guess' })).rejects.toThrow(/host\/forbidden/);
    await joinStudent(created.code, 'Linus');
    await expect(colyseus().sdk.joinById(created.roomId, { code: created.code, nickname: ' linus ' })).rejects.toThrow(/nickname\/taken/);
    host.send('host:lock', { value: true });
    await vi.waitFor(() => expect(host.state.locked).toBe(true));
    await expect(colyseus().sdk.joinById(created.roomId, { code: created.code, nickname: 'Late' })).rejects.toThrow(/class\/locked/);
  });

  it('lets a student who dropped come back with their token to the same seat and heap mid-round', async () => {
    const created = await createClass();
    const host = await colyseus().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    const first = await joinStudent(created.code, 'Ken');
    host.send('host:start', { round: 'warm-up' });
    await vi.waitFor(() => expect(first.room.state.heaps.size).toBe(1));
    const heap = () => [...first.room.state.heaps.values()][0];
    await vi.waitFor(() => expect(heap()?.pending?.size).toBe(1));
    first.room.send('place', { requestId: heap().pending.id, target: 2, version: heap().version });
    await vi.waitFor(() => expect(heap()?.version).toBe(1));
    await first.room.leave(true);

    const again = await joinStudent(created.code, 'ignored', first.welcome.token);
    expect(again.welcome.playerId).toBe(first.welcome.playerId);
    await vi.waitFor(() => expect(again.room.state.heaps.size).toBe(1));
    const back = [...again.room.state.heaps.values()][0];
    expect(back.version).toBe(1);
    expect(back.regions.filter((r: { state: string }) => r.state === 'live').map((r: { start: number }) => r.start)).toEqual([2]);
    // The host's page shows a new student within about a second (host pages are recomputed on the tick).
    await vi.waitFor(() => expect(host.state.players.size).toBe(1));
  });

  it('[MATCH-TIME-2] ends an untimed round on the host\'s word: the match stops where it is, nothing placed by the fallback', async () => {
    const created = await createClass();
    const host = await colyseus().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    const { room } = await joinStudent(created.code, 'Dana');
    host.send('host:start', { round: 'warm-up' });
    await vi.waitFor(() => expect([...room.state.heaps.values()][0]?.pending?.size).toBe(1));
    const heap = () => [...room.state.heaps.values()][0];
    room.send('place', { requestId: heap().pending.id, target: 0, version: heap().version });
    await vi.waitFor(() => expect(heap()?.version).toBe(1));
    host.send('host:end', {});
    await vi.waitFor(() => expect(host.state.phase).toBe('results'));
    await vi.waitFor(() => expect(heap()?.phase).toBe('done'));
    expect(heap().meters.fallbacks).toBe(0);
    expect(heap().meters.placed).toBe(1);
    expect(heap().meters.total).toBe(1);
  });

  it('slows down join-code guessing', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      try {
        await colyseus().http.get('/api/classes/CCCCCC');
      } catch (error) {
        statuses.push((error as { statusCode: number }).statusCode);
      }
    }
    // Wrong codes answer 404 until this address has used its burst; then every try is refused with 429.
    expect(statuses.every((st) => st === 404 || st === 429)).toBe(true);
    const firstRefused = statuses.indexOf(429);
    expect(firstRefused).toBeGreaterThanOrEqual(0);
    expect(statuses.slice(firstRefused).every((st) => st === 429)).toBe(true);
  });
});
