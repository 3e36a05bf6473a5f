// Issue #12, item 15: a frame the server cannot decode (not msgpack, a cut-off message
// type) is logged once per connection, without its payload or a stack trace, and changes
// nothing; the connection stays, and the frames count against the client's message rate.
// Garbage is written straight onto the SDK client's websocket.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Protocol } from '@colyseus/sdk';
import { appServer } from './app-server.ts';

const colyseus = appServer();

afterEach(() => {
  vi.restoreAllMocks();
});

/** A secret the garbage carries, to show it never reaches the log. */
const MARK = 'SECRET-PAYLOAD-4711';

function garbageFrames(): Uint8Array[] {
  const mark = [...new TextEncoder().encode(MARK)];
  return [
    // ROOM_DATA, the type "place" (msgpack-style string header 0xa5), then a byte msgpack never uses, then the mark.
    new Uint8Array([Protocol.ROOM_DATA, 0xa5, ...new TextEncoder().encode('place'), 0xc1, ...mark]),
    // ROOM_DATA whose type says a 200-byte string and ends at once.
    new Uint8Array([Protocol.ROOM_DATA, 0xd9, 200, ...mark.slice(0, 4)]),
    // ROOM_REQUEST with garbage all through.
    new Uint8Array([Protocol.ROOM_REQUEST, 0xc1, 0xc1, ...mark]),
  ];
}

describe('undecodable websocket frames', () => {
  it('are logged once per connection, without the payload or a stack trace, and change nothing', async () => {
    const logged: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
      });
    }
    const room = await colyseus().createRoom('practice', {});
    const client = await colyseus().connectTo(room);
    await vi.waitFor(() => expect(client.state.pending?.size).toBe(1));
    const before = JSON.stringify(room.state.toJSON());
    const send = (frame: Uint8Array): void => (client as unknown as { connection: { send(d: Uint8Array): void } }).connection.send(frame);
    for (let i = 0; i < 3; i++) for (const frame of garbageFrames()) send(frame);
    // A good move after the garbage is still taken: the connection stayed and nothing changed meanwhile.
    client.send('place', { requestId: client.state.pending.id, target: 0, version: client.state.version });
    await vi.waitFor(() => expect(client.state.version).toBe(1), { timeout: 10_000 });
    expect(JSON.parse(before).version).toBe(0);
    const aboutFrames = logged.filter((l) => /decode|msgpack|unpack|frame/i.test(l));
    expect(aboutFrames).toHaveLength(1);
    expect(aboutFrames[0]).toContain(client.sessionId);
    for (const line of logged) {
      expect(line).not.toContain(MARK.slice(0, 4));
      expect(line).not.toMatch(/\n\s+at /);
    }
  });
});
