// What both rooms do at their edge before a message reaches a seat or a host
// action: the per-client rate limit, refusals sent back to one client, and the
// answer to a message type no room knows. Rooms keep no copy of these.

import type { Client } from '@colyseus/core';
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
