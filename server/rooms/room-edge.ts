// What both rooms do at their edge before a message reaches a seat or a host
// action: the per-client rate limit, refusals sent back to one client, and the
// answer to a message type no room knows, and the check that drops a frame nobody can
// decode (logged once per connection, without its bytes). Rooms keep no copy of these.

import { Protocol, type Client } from '@colyseus/core';
import { decode } from '@colyseus/schema';
import { unpack } from 'msgpackr';
import type { RefusalMessage } from '../protocol/messages.ts';
import { TokenBucket, type BucketOptions } from '../protocol/rate-limit.ts';

/** Sends one client a refusal: nothing changed ([docs/PROTOCOL.md] `refused { code, message }`). */
export function refuseTo(client: Client, refusal: RefusalMessage): void {
  client.send('refused', { code: refusal.code, message: refusal.message });
}

/** The `_` handler: a message type the room does not take. */
export function refuseUnknownType(client: Client, type: unknown): void {
  refuseTo(client, { code: 'message/unknown_type', message: `there is no message called ${JSON.stringify(String(type).slice(0, 40))}` });
}

export const RATE_LIMITED: RefusalMessage = { code: 'message/rate_limited', message: 'too many messages at once; slow down a little' };

/** One token bucket per connected client (by session id); a client over its rate is refused, not disconnected. */
export class ClientRate {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly rate: BucketOptions;
  private readonly now: () => number;

  constructor(rate: BucketOptions, now: () => number) {
    this.rate = rate;
    this.now = now;
  }

  /** Takes a token for `client`'s message; when none is left the client is sent `message/rate_limited` and false comes back. */
  admit(client: Client): boolean {
    const now = this.now();
    let bucket = this.buckets.get(client.sessionId);
    if (!bucket) {
      bucket = new TokenBucket(this.rate, now);
      this.buckets.set(client.sessionId, bucket);
    }
    if (bucket.take(now)) return true;
    refuseTo(client, RATE_LIMITED);
    return false;
  }

  /** The `_` handler: a message type the room does not take costs a token like any other, then is refused. */
  refuseUnknown(client: Client, type: unknown): void {
    if (this.admit(client)) refuseUnknownType(client, type);
  }

  /** The client left: its bucket goes. */
  forget(client: Client): void {
    this.buckets.delete(client.sessionId);
  }
}

/** The frame kinds whose message type and body Colyseus decodes itself (a request adds its id first). */
const DECODED_FRAMES = new Map<number, { readonly requestId: boolean }>([[Protocol.ROOM_DATA, { requestId: false }], [Protocol.ROOM_REQUEST, { requestId: true }]]);
/** The low bits of a frame's first byte say its kind (the high ones are modifiers). */
const FRAME_KIND_MASK = 0x1f;

/** Whether Colyseus can decode `frame`: its message type, and its body as msgpack. Frames of other kinds are its own to judge. */
export function isDecodableFrame(frame: Uint8Array): boolean {
  const kind = DECODED_FRAMES.get((frame[0] ?? 0) & FRAME_KIND_MASK);
  if (!kind) return true;
  try {
    const it = { offset: 1 };
    if (kind.requestId) decode.number(frame, it);
    if (decode.stringCheck(frame, it)) decode.string(frame, it);
    else decode.number(frame, it);
    if (it.offset > frame.byteLength) return false;
    if (frame.byteLength > it.offset) unpack(frame.subarray(it.offset));
    return true;
  } catch {
    return false;
  }
}

/**
 * Colyseus 0.18 has no public hook for a frame it cannot decode: `onUncaughtException` wraps
 * only handlers, a message's validator runs after msgpack has already thrown, and the
 * transport hands every frame to the room's private `_onMessage(client, frame)`, which
 * `_onJoin` binds per connection (`this._onMessage.bind(this, client)`). Colyseus's own
 * tools wrap the same method (`@colyseus/testing`, the latency simulation in `Server`), so
 * the check is put in front of it too. `test/room/colyseus-frame-hook.test.ts` fails if the method's
 * name, arity or binding changes in an upgrade; this throws at room creation if it is gone.
 */
interface FrameReceiver {
  _onMessage(client: Client, frame: Uint8Array): void;
}

/** The room as the frame receiver Colyseus makes it, or a loud error when it no longer is one. */
export function frameReceiver(room: object): FrameReceiver {
  const method: unknown = (room as Partial<Record<'_onMessage', unknown>>)._onMessage;
  if (typeof method !== 'function') {
    throw new Error('Colyseus no longer has Room._onMessage(client, frame): dropUndecodableFrames (server/rooms/room-edge.ts) needs a new place to check frames');
  }
  return room as FrameReceiver;
}

/**
 * Puts a check in front of `room`'s frame decoding: an undecodable frame (Colyseus would log
 * it with a stack trace and close the connection) is dropped, costs a token of the sender's
 * rate, and is logged once per connection: who sent it and its size, never its bytes.
 */
export function dropUndecodableFrames(room: { readonly roomName: string; readonly roomId: string }, rate: ClientRate): void {
  const receiver = frameReceiver(room);
  const decodeFrame = receiver._onMessage.bind(room);
  const logged = new WeakSet<Client>();
  receiver._onMessage = (client: Client, frame: Uint8Array): void => {
    if (!frame || isDecodableFrame(frame)) return decodeFrame(client, frame);
    rate.admit(client);
    if (logged.has(client)) return;
    logged.add(client);
    console.warn(`${room.roomName} ${room.roomId}: dropped an undecodable frame (${frame.byteLength} bytes) from client ${client.sessionId}; further ones from this connection are dropped without a word`);
  };
}
