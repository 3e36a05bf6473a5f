import { describe, expect, it, vi } from 'vitest';
import { listenForResults } from './results-message.ts';
import { appServer } from './app-server.ts';

const colyseus = appServer();

interface Refusal { code: string; message: string }

describe('practice room', () => {
  it('plays the warm-up round end to end with a real SDK client and ends with results', async () => {
    const room = await colyseus().createRoom('practice', {});
    const client = await colyseus().connectTo(room);
    const results$ = listenForResults(client);
    // The buddy walk-through: 2^3 units; alloc 2^0, alloc 2^2, then both are freed.
    await vi.waitFor(() => expect(client.state.pending?.size).toBe(1));
    expect(client.state.kind).toBe('buddy');
    expect(client.state.hints.map((h: { policy: string; target: number }) => [h.policy, h.target])).toContainEqual(['buddy-lowest', 0]);
    client.send('place', { requestId: client.state.pending.id, target: 0, version: client.state.version });
    await vi.waitFor(() => expect(client.state.pending?.size).toBe(4));
    client.send('place', { requestId: client.state.pending.id, target: 4, version: client.state.version });
    await vi.waitFor(() => expect(client.state.phase).toBe('done'));
    const results = await results$();
    expect(results.player.summary.failures).toBe(0);
    expect(results.policies.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['buddy-lowest', 'buddy-lifo']));
    expect(results.clairvoyant.role).toBe('clairvoyant');
    // Everything was freed: one free block of order 3.
    expect(client.state.regions.map((r: { start: number; size: number; state: string }) => [r.start, r.size, r.state])).toEqual([[0, 8, 'free']]);
    // The rivals ran the same stream to its end: their figures are the policies' own results.
    const rivals = client.state.rivals.map((r: { policy: string; utilization: number; failures: number }) => ({ policy: r.policy, utilization: r.utilization, failures: r.failures }));
    expect(rivals).toEqual(results.policies.map((p: { name: string; summary: { utilization: number; failures: number } }) => ({
      policy: p.name, utilization: expect.closeTo(p.summary.utilization, 5), failures: p.summary.failures,
    })));
  });

  it('shows every policy on the same stream beside the player as the round goes [MATCH-RIVAL-1]', async () => {
    const room = await colyseus().createRoom('practice', {});
    const client = await colyseus().connectTo(room);
    await vi.waitFor(() => expect(client.state.pending?.size).toBe(1));
    // Nothing placed yet, by anyone: utilization 1 (the meters' convention), no failures.
    expect(client.state.rivals.map((r: { policy: string; utilization: number }) => [r.policy, r.utilization])).toEqual([['buddy-lowest', 1], ['buddy-lifo', 1]]);
    // The 1-unit block at 0: every buddy policy put it there too, so everyone holds 1 byte of 1.
    client.send('place', { requestId: client.state.pending.id, target: 0, version: client.state.version });
    await vi.waitFor(() => expect(client.state.pending?.size).toBe(4));
    expect(client.state.rivals.map((r: { utilization: number }) => r.utilization)).toEqual([1, 1]);
  });

  it('refuses illegal, stale, malformed and unknown messages with a code and changes nothing', async () => {
    const room = await colyseus().createRoom('practice', {});
    const client = await colyseus().connectTo(room);
    await vi.waitFor(() => expect(client.state.pending?.size).toBe(1));
    const refusals: Refusal[] = [];
    client.onMessage('refused', (r: Refusal) => refusals.push(r));
    // A legal first move (any unit is aligned for a 2^0 block); from here on every move is wrong.
    client.send('place', { requestId: client.state.pending.id, target: 3, version: 0 });
    await vi.waitFor(() => expect(client.state.version).toBe(1));
    await vi.waitFor(() => expect(client.state.pending?.size).toBe(4));
    expect(refusals).toEqual([]);
    const now = JSON.stringify(room.state.toJSON());
    const next = client.state.pending.id;
    client.send('place', { requestId: next, target: 2, version: 1 }); // a 2^2 block must start at a multiple of 4
    client.send('place', { requestId: next, target: 4, version: 0 }); // stale version
    client.send('place', { requestId: next + 5, target: 4, version: 1 }); // not the pending request
    client.send('place', { requestId: next, target: 'four', version: 1 });
    client.send('place', { requestId: next, target: 4, version: 1, cheat: true });
    client.send('teleport', { anywhere: true });
    await vi.waitFor(() => expect(refusals.length).toBe(6));
    expect(refusals.map((r) => r.code)).toEqual(['place/misaligned', 'request/stale', 'request/unknown', 'message/bad_type', 'message/unknown_field', 'message/unknown_type']);
    for (const r of refusals) expect(r.message.length).toBeGreaterThan(5);
    expect(JSON.stringify(room.state.toJSON())).toBe(now);
  });

  it('plays a curriculum level by following the first-fit hints, and the results carry the level\'s par and stars', async () => {
    const room = await colyseus().createRoom('practice', { level: 'first-fit' });
    const client = await colyseus().connectTo(room);
    const results$ = listenForResults(client);
    await vi.waitFor(() => expect(client.state.kind).toBe('freelist'));
    // The lecture's workload: alloc 20, 1, 15, free two of them, then 8, 12, 12. The 20 is pending; the rest are queued, frees too.
    await vi.waitFor(() => expect(client.state.pending.size).toBe(20));
    expect(client.state.upcoming.map((e: { op: string; id: number; size: number }) => `${e.op} #${e.id} ${e.size}`)).toEqual([
      'malloc #1 1', 'malloc #2 15', 'free #2 15', 'free #0 20', 'malloc #3 8', 'malloc #4 12', 'malloc #5 12',
    ]);
    expect(JSON.parse(client.state.happenings)).toEqual([]);
    for (let step = 0; step < 20 && client.state.phase !== 'done'; step++) {
      await vi.waitFor(() => expect(client.state.hasPending || client.state.phase === 'done').toBe(true));
      if (client.state.phase === 'done') break;
      const version = client.state.version;
      const hint = client.state.hints.find((h: { policy: string; target: number }) => h.policy === 'first-fit-address');
      client.send('place', { requestId: client.state.pending.id, target: hint.target, version });
      await vi.waitFor(() => expect(client.state.version).toBe(version + 1));
    }
    await vi.waitFor(() => expect(client.state.phase).toBe('done'));
    const results = await results$();
    // First fit packs holes of 20 and 15 with 8, 12, 12 (the lecture's first-fit workload): no failures, par met.
    expect(results.player.summary.failures).toBe(0);
    expect(results.level.id).toBe('first-fit');
    expect(results.level.par.policy).toBe('first-fit-address');
    expect(results.player.card.score).toBe(results.level.par.score);
    expect(results.level.stars[1]).toBe(results.level.par.score);
  });

  it('refuses to open a practice round for a level that does not exist', async () => {
    await expect(colyseus().createRoom('practice', { level: 'no-such-level' })).rejects.toThrow(/level\/unknown/);
  });

  it('answers GET /health with the boot id of this start of the server, the same on every call', async () => {
    const first = await colyseus().http.get('/health');
    const second = await colyseus().http.get('/health');
    expect(first.data).toEqual({ ok: true, bootId: expect.stringMatching(/^[\w-]{8,}$/) });
    expect(second.data.bootId).toBe(first.data.bootId);
  });
});
