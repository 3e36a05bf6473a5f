// Where a round's events come from, one at a time: a fixed stream read in order, or
// an adversary that looks at the heap before choosing. The round engine
// (shared/match/engine.ts) pulls the next event and tells the feed what became of
// each request it issued. It lives in core so that feeds (the adversaries) and the
// engine depend on it, not on each other.

import type { Allocator, Target } from './allocator.ts';
import type { StreamEvent } from './stream.ts';

/** A request as the engine issues it: the allocator's handle for it is `requestId`. */
export interface Request {
  /** 0, 1, 2, ... in the order requests are issued; unique in a round. */
  readonly requestId: number;
  readonly op: 'alloc' | 'realloc';
  /** The program's id for the block (a stream id; traces may reuse one after its free). */
  readonly streamId: number;
  readonly size: number;
  readonly tag?: string;
}

export interface RequestFeed {
  /** The next event, or null when the round's stream is over. */
  next(allocator: Allocator): StreamEvent | null;
  /** The request was placed at `target` (the allocator already holds it). */
  onPlaced?(allocator: Allocator, request: Request, target: Target): void;
  /** The request could not be met. */
  onFailed?(allocator: Allocator, request: Request): void;
}

/** A fixed stream read in order. */
export class StreamFeed implements RequestFeed {
  private readonly stream: readonly StreamEvent[];
  private at = 0;

  constructor(stream: readonly StreamEvent[]) {
    this.stream = stream;
  }

  next(): StreamEvent | null {
    return this.stream[this.at++] ?? null;
  }
}
