// Hostile input: thousands of fuzzed messages from several clients, none of which
// is a legal move. No crash, every one refused with a code, and the state unchanged.
import { describe, expect, it, vi } from 'vitest';
import type { Room } from '@colyseus/sdk';
import { createPrng, nextInt, nextFloat, type PrngState } from '../../shared/core/prng.ts';
import { appServer } from './app-server.ts';

const SEED = 20261126;
const CLIENTS = 5;
const PER_CLIENT = 2000;

const colyseus = appServer({ MALLOCADE_MESSAGE_RATE: '100000,100000' });

const WEIRD_NUMBERS = [Number.NaN, Number.POSITIVE_INFINITY, -1, -(2 ** 53), 2 ** 53, 1e308, 0.5, -0.000001, 2 ** 31, 2 ** 48 + 1];
const WEIRD_VALUES: unknown[] = [null, true, 'x', '', 'a'.repeat(5000), [], [1, 2], {}, { nested: { deep: 1 } }, ...WEIRD_NUMBERS];
const TYPES = ['place', 'coalesce', 'host:start', 'host:pause', 'host:end', 'host:close', 'host:kick', 'host:lock', 'host:leaderboard', 'host:project', 'host:page', 'teleport', '', 'PLACE', '__proto__', 'constructor'];

function pick<T>(rng: PrngState, items: readonly T[]): T {
  return items[nextInt(rng, 0, items.length - 1)] as T;
}

/** A message that must be refused: a wrong shape, type, range, request id or version. */
function hostileMessage(rng: PrngState, pendingId: number, version: number): [string, unknown] {
  const type = pick(rng, TYPES);
  const roll = nextFloat(rng);
  if (type !== 'place') return [type, roll < 0.5 ? pick(rng, WEIRD_VALUES) : { round: pick(rng, WEIRD_VALUES), value: pick(rng, WEIRD_VALUES) }];
  if (roll < 0.2) return [type, pick(rng, WEIRD_VALUES)];
  if (roll < 0.4) return [type, { requestId: pendingId, target: pick(rng, WEIRD_NUMBERS), version }];
  if (roll < 0.55) return [type, { requestId: pendingId, target: 0, version: version + nextInt(rng, 1, 50) }]; // stale
  if (roll < 0.7) return [type, { requestId: pendingId + nextInt(rng, 1, 1000), target: 0, version }]; // not the pending request
  if (roll < 0.85) return [type, { requestId: pendingId, target: 0, version, [pick(rng, ['x', 'admin', '__proto__'])]: 1 }];
  return [type, { requestId: pick(rng, WEIRD_VALUES), target: pick(rng, WEIRD_VALUES), version: pick(rng, WEIRD_VALUES) }];
}

describe('fuzzed messages', () => {
  it(`[seed ${SEED}] ${CLIENTS * PER_CLIENT} hostile messages from ${CLIENTS} students are all refused with a code and change nothing`, async () => {
    const created = (await colyseus().http.post('/api/classes')).data as { code: string; hostKey: string; roomId: string };
    const host = await colyseus().sdk.joinById(created.roomId, { hostKey: created.hostKey });
    const students: Room[] = [];
    for (let i = 0; i < CLIENTS; i++) students.push(await colyseus().sdk.joinById(created.roomId, { code: created.code, nickname: `fuzz${i}` }));
    host.send('host:start', { round: 'warm-up' });
    // After the round's count-in (its seats wait, then play): the state no longer changes by itself.
    for (const s of students) await vi.waitFor(() => expect([...s.state.heaps.values()][0]?.phase).toBe('playing'), { timeout: 10_000 });
    const server = colyseus().getRoomById<{ toJSON(): unknown }>(created.roomId);
    const before = JSON.stringify(server.state.toJSON());

    const refusals = students.map(() => [] as { code: string; message: string }[]);
    students.forEach((s, i) => s.onMessage('refused', (r: { code: string; message: string }) => refusals[i]!.push(r)));
    const rng = createPrng(SEED);
    for (let round = 0; round < PER_CLIENT; round += 100) {
      students.forEach((s) => {
        const heap = [...s.state.heaps.values()][0];
        for (let k = 0; k < 100; k++) {
          const [type, body] = hostileMessage(rng, heap.pending.id, heap.version);
          s.send(type, body);
        }
      });
      await new Promise((r) => setTimeout(r, 5));
    }
    await vi.waitFor(() => expect(refusals.map((r) => r.length)).toEqual(students.map(() => PER_CLIENT)), { timeout: 20_000 });
    for (const list of refusals) {
      for (const r of list) {
        expect(r.code).toMatch(/^[a-z_]+\/[a-z_]+$/);
        expect(typeof r.message).toBe('string');
      }
    }
    expect(JSON.stringify(server.state.toJSON())).toBe(before);
    // The room still works: a legal move goes through.
    const heap = [...students[0]!.state.heaps.values()][0];
    students[0]!.send('place', { requestId: heap.pending.id, target: 0, version: heap.version });
    await vi.waitFor(() => expect([...students[0]!.state.heaps.values()][0].version).toBe(1));
  });

  it('closes the connection of a client that sends an oversized message, and the room carries on', async () => {
    const room = await colyseus().createRoom('practice', {});
    const client = await colyseus().connectTo(room);
    await vi.waitFor(() => expect(client.state.hasPending).toBe(true));
    const before = JSON.stringify(room.state.toJSON());
    const left = new Promise<number>((resolve) => client.onLeave(resolve));
    client.send('place', { requestId: 0, target: 0, version: 0, padding: 'x'.repeat(64 * 1024) });
    expect(await left).toBeGreaterThan(1000);
    expect(JSON.stringify(room.state.toJSON())).toBe(before);
  });
});
