// The messages a client sends, by wire name, with their bodies: what the rooms accept
// (docs/PROTOCOL.md, "Messages a client sends"). Every sender in the client is typed
// by this table, so a misspelt name or a missing field is a type error.

/** A move's version: the match version the player saw (a stale one is refused). */
interface Versioned {
  readonly version: number;
}

/** Every client→server message's body, by wire name. */
export interface ClientMessages {
  /** Place the pending request at an address, or in a slab/arena by id (-1: a new one). */
  readonly place: Versioned & { readonly requestId: number; readonly target: number };
  /** Merge adjacent free blocks (a free list with deferred coalescing); all of them without a target. */
  readonly coalesce: Versioned & { readonly target?: number };
  /** Give an empty slab's pages back. */
  readonly release: Versioned & { readonly target: number };
  /** Practice: the player is reading the explanation, the round's clock waits. */
  readonly pause: Record<string, never>;
  readonly resume: Record<string, never>;
  readonly 'host:start': { readonly round: string };
  readonly 'host:pause': Record<string, never>;
  readonly 'host:resume': Record<string, never>;
  readonly 'host:end': Record<string, never>;
  readonly 'host:kick': { readonly playerId: string; readonly bar?: boolean };
  readonly 'host:lock': { readonly value: boolean };
  readonly 'host:late-join': { readonly value: boolean };
  readonly 'host:leaderboard': { readonly mode: 'shown' | 'hidden' | 'anonymous' };
}

export type ClientMessageType = keyof ClientMessages;
