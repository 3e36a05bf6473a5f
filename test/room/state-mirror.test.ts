// What an SDK client decodes is what the server holds, after every move of a whole round, on
// each allocator kind: the synced lists (regions, queue) now change by insert, remove and
// shift (server/state/match-state.ts syncList) rather than by rewriting every entry, and a
// list operation the decoder got wrong would leave a stale or missing entry on the client.
import { describe, expect, it, vi } from 'vitest';
import type { Room } from '@colyseus/core';
import { BUDDY_PEAKS_ID } from '../../server/rooms/rounds.ts';
import type { MatchState } from '../../server/state/match-state.ts';
import { chooseAnyTarget } from '../server/classroom-driver.ts';
import { appServer } from './app-server.ts';

const colyseus = appServer();

/** One level per allocator kind. */
const LEVELS = [
  { kind: 'buddy', level: BUDDY_PEAKS_ID },
  { kind: 'free list', level: 'first-fit' },
  { kind: 'slab', level: 'slab' },
  { kind: 'arena', level: 'arenas' },
];

/** `state` as its numbers arrive: the float32 fields (fragmentation, utilization) rounded as the wire rounds them. */
function onTheWire(state: MatchState): unknown {
  return JSON.parse(JSON.stringify(state.toJSON()), (_key, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Math.fround(value) : value));
}

describe('a client decodes the server state exactly, move after move', () => {
  it.each(LEVELS)('[MATCH-VIEW-1] $kind ($level): the client state equals the server state after every move', async ({ level }) => {
    const room = await colyseus().createRoom('practice', { level, clock: false }) as unknown as Room<{ state: MatchState }>;
    const client = await colyseus().connectTo(room);
    const server = (): MatchState => room.state as unknown as MatchState;
    await vi.waitFor(() => expect(client.state.toJSON()).toEqual(onTheWire(server())));
    let moves = 0;
    let shifts = 0;
    let splits = 0;
    while (server().phase !== 'done' && server().hasPending) {
      const before = { regions: server().regions.length, queueHead: server().upcoming[1]?.id };
      const version = server().version;
      client.send('place', { requestId: server().pending.id, target: chooseAnyTarget(server()), version });
      await vi.waitFor(() => expect(server().version).toBeGreaterThan(version));
      await vi.waitFor(() => expect(client.state.version).toBe(server().version));
      expect(client.state.toJSON(), `after move ${moves}`).toEqual(onTheWire(server()));
      if (before.queueHead !== undefined && server().upcoming[0]?.id === before.queueHead) shifts++;
      if (server().regions.length > before.regions) splits++;
      moves++;
    }
    expect(server().phase).toBe('done');
    expect(moves).toBeGreaterThan(3);
    // The lists did change by the operations this checks.
    expect(splits).toBeGreaterThan(0);
    if (level !== 'first-fit') expect(shifts).toBeGreaterThan(0);
  });
});
