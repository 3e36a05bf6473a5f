// Review of issue #12, item 15: `dropUndecodableFrames` (server/rooms/room-edge.ts) sits in
// front of Colyseus's private `Room._onMessage`, because Colyseus 0.18 offers no public hook
// for a frame it cannot decode. This test fails loudly when an upgrade renames the method,
// changes its arity, or stops binding it per connection at join (the check would then be
// skipped in silence); test/room/undecodable-frames.test.ts shows the behaviour end to end.
import { describe, expect, it } from 'vitest';
import { Room } from '@colyseus/core';
import { frameReceiver } from '../../server/rooms/room-edge.ts';

const roomPrototype = Room.prototype as unknown as Record<string, unknown>;

describe("Colyseus's frame receiver, which the undecodable-frame check wraps", () => {
  it('is Room.prototype._onMessage(client, frame)', () => {
    expect(typeof roomPrototype._onMessage).toBe('function');
    expect((roomPrototype._onMessage as (...args: unknown[]) => unknown).length).toBe(2);
  });

  it("is looked up on the room each time a client joins, so the room's own copy is the one called", () => {
    const join = String(roomPrototype._onJoin);
    expect(join).toMatch(/\.on\(\s*["']message["']\s*,\s*this\._onMessage\.bind\(\s*this\s*,\s*client\s*\)\s*\)/);
  });

  it('is refused with a clear error when a room has no such method', () => {
    expect(() => frameReceiver({ roomName: 'x', roomId: 'y' })).toThrow(/Room\._onMessage\(client, frame\).*room-edge\.ts/);
  });
});
