// The round engine: one allocator, one feed of events, and the rules that turn
// events into requests (shared/match/SPEC.md §Requests). Frees run by themselves;
// an alloc or realloc becomes the pending request until it is placed or fails.
// The same engine serves the human's match and every policy's run, so their
// numbers come from the same rules. Mutable; the match wraps it in plain data.

import type { Allocator, Policy, RegionView, Target } from '../core/allocator.ts';
import { MetricsTracker, type MetricsSummary, type TimelinePoint } from '../core/metrics.ts';
import { invariant, succeed, type Outcome } from '../core/outcome.ts';
import type { StreamEvent } from '../core/stream.ts';
import type { Request, RequestFeed } from '../core/feed.ts';
import type { Happening } from './happenings.ts';

export interface EngineOptions {
  readonly timeline?: boolean;
  /** Says whether a request can be placed at all; a request it cannot place fails at once ([MATCH-REQ-4]). */
  readonly judge: Policy;
  /** Whether a request the judge cannot place would fit once the player coalesces (deferred coalescing); then it waits. */
  readonly fitsIfCoalesced?: (allocator: Allocator, size: number, tag?: string) => boolean;
}

export interface EngineTotals {
  readonly requests: number;
  readonly placed: number;
  readonly failures: number;
  readonly fallbacks: number;
}

export class RoundEngine {
  readonly allocator: Allocator;
  readonly tracker: MetricsTracker;
  /** Every stream event the feed gave, in order (an adaptive feed's stream is known only as it goes). */
  readonly events: StreamEvent[] = [];
  private readonly feed: RequestFeed;
  private readonly judge: Policy;
  private readonly fitsIfCoalesced: ((allocator: Allocator, size: number, tag?: string) => boolean) | undefined;
  /** Policies that follow this heap (the judge, a playing policy): told of every placement and free. */
  private readonly followers: Policy[] = [];
  /** Told after each stream event is dealt with (the replay's frames, [MATCH-REPLAY-2]). */
  private readonly stepListeners: ((engine: RoundEngine) => void)[] = [];
  /** Stream id -> allocator handle of its live block. */
  private readonly handles = new Map<number, number>();
  private readonly tags = new Map<number, string>();
  private pendingRequest: Request | null = null;
  private isOver = false;
  private nextRequestId = 0;
  private placedCount = 0;
  private fallbackCount = 0;
  private peakInternal = 0;
  /** What happened since the journal was last taken ([MATCH-EVENT-1]); null when nobody asked (a policy's run). */
  private journal: Happening[] | null = null;

  constructor(allocator: Allocator, feed: RequestFeed, options: EngineOptions) {
    this.allocator = allocator;
    this.feed = feed;
    this.judge = options.judge;
    this.fitsIfCoalesced = options.fitsIfCoalesced;
    this.tracker = new MetricsTracker({ timeline: options.timeline ?? false });
    this.follow(options.judge);
  }

  /** Adds a policy that must see every placement and free on this heap. */
  follow(policy: Policy): void {
    if (!this.followers.includes(policy)) this.followers.push(policy);
  }

  /** Starts journaling placements, frees and failures (a player's match: the play screen shows each). */
  keepJournal(): void {
    this.journal ??= [];
  }

  /** What happened since the last call, in order; the journal starts afresh. */
  takeJournal(): Happening[] {
    const taken = this.journal ?? [];
    if (this.journal) this.journal = [];
    return taken;
  }

  /** The request id of stream id `streamId`'s live block, or null when it has none. */
  requestIdOf(streamId: number): number | null {
    return this.handles.get(streamId) ?? null;
  }

  /**
   * Calls `listener` after each stream event is dealt with — a free run, a request placed or
   * failed, an event that asks nothing — with `tracker.ops` events done by then.
   */
  onStep(listener: (engine: RoundEngine) => void): void {
    this.stepListeners.push(listener);
  }

  get pending(): Request | null {
    return this.pendingRequest;
  }

  get finished(): boolean {
    return this.isOver;
  }

  get totals(): EngineTotals {
    return { requests: this.nextRequestId, placed: this.placedCount, failures: this.tracker.failures, fallbacks: this.fallbackCount };
  }

  get peakInternalBytes(): number {
    return this.peakInternal;
  }

  get timeline(): TimelinePoint[] | null {
    return this.tracker.timeline;
  }

  summary(): MetricsSummary {
    return this.tracker.summary();
  }

  /**
   * Runs events until one needs a place ([MATCH-REQ-1]): frees, no-op events and
   * requests that fit nowhere go by themselves. Returns the pending request, or null
   * when the stream is over.
   */
  advance(): Request | null {
    while (!this.pendingRequest && !this.isOver) {
      const event = this.feed.next(this.allocator);
      if (!event) {
        this.isOver = true;
        break;
      }
      this.events.push(event);
      this.runEvent(event);
    }
    return this.pendingRequest;
  }

  /** Places the pending request at `target`; a refusal is the allocator's and changes nothing. */
  place(target: Target, options: { byFallback?: boolean } = {}): Outcome<{ readonly target: Target }> {
    const request = this.pendingRequest;
    invariant(request, 'place called with no pending request');
    const placed = this.allocator.allocate(request.requestId, request.size, target, request.tag);
    if (!placed.ok) return placed;
    this.pendingRequest = null;
    this.placedCount++;
    if (options.byFallback) this.fallbackCount++;
    this.journal?.push({ type: 'placed', requestId: request.requestId, size: request.size, target: placed.value.target, byFallback: options.byFallback ?? false });
    this.tell({ op: 'placed', id: request.requestId, target: placed.value.target });
    if (request.op === 'realloc') this.release(request.streamId); // [MATCH-REQ-3] the old block goes after the new one is placed
    this.handles.set(request.streamId, request.requestId);
    this.feed.onPlaced?.(this.allocator, request, placed.value.target);
    this.observe();
    return succeed({ target: placed.value.target });
  }

  /** The pending request fails ([MATCH-REQ-4]); a realloc's old block stays. */
  failPending(): void {
    const request = this.pendingRequest;
    invariant(request, 'failPending called with no pending request');
    this.pendingRequest = null;
    const g = this.allocator.gauge();
    this.tracker.fail(this.events.length - 1, request.size, g.freeBytes, g.largestFree);
    this.journal?.push({ type: 'failed', requestId: request.requestId, size: request.size, freeBytes: g.freeBytes, largestFree: g.largestFree });
    this.feed.onFailed?.(this.allocator, request);
    this.observe();
  }

  /**
   * [MATCH-TIME-2] The round stops here: the pending request is withdrawn (never issued, so
   * neither placed nor counted, and its event leaves the events met) and no further event is
   * fed. What was played before it stays as it is: the engine is over, cut at this point.
   */
  stop(): void {
    if (this.pendingRequest) {
      this.pendingRequest = null;
      this.nextRequestId--;
      this.events.pop();
    }
    this.isOver = true;
  }

  /** Where the judge (the round's fallback policy) would put the pending request, or null. */
  judgeTarget(): Target | null {
    const request = this.pendingRequest;
    return request ? this.judge.choose(this.allocator, request.size, request.tag) : null;
  }

  private runEvent(event: StreamEvent): void {
    if (event.op === 'free') {
      this.release(event.id);
      this.observe();
      return;
    }
    if (event.op === 'alloc') {
      invariant(!this.handles.has(event.id), `stream event ${this.events.length - 1}: alloc of id ${event.id}, which is already live`);
      if (event.tag !== undefined) this.tags.set(event.id, event.tag);
      else this.tags.delete(event.id);
    }
    if (requestedSize(event) === null) {
      if (event.op === 'realloc') this.release(event.id); // [MATCH-REQ-2] realloc to 0 frees; alloc of 0 does nothing
      this.observe();
      return;
    }
    const tag = this.tags.get(event.id);
    const op = event.op === 'realloc' && this.handles.has(event.id) ? 'realloc' : 'alloc';
    this.pendingRequest = {
      requestId: this.nextRequestId++,
      op,
      streamId: event.id,
      size: event.size,
      ...(tag === undefined ? {} : { tag }),
    };
    if (this.judgeTarget() === null && !this.fitsIfCoalesced?.(this.allocator, event.size, tag)) this.failPending();
  }

  private release(streamId: number): void {
    const handle = this.handles.get(streamId);
    if (handle === undefined) return; // [MATCH-REQ-2] free(NULL) or a block whose alloc failed
    this.handles.delete(streamId);
    const held = this.journal ? this.allocator.walk().find((r) => r.state === 'live' && r.id === handle) : undefined;
    const freed = this.allocator.free(handle);
    invariant(freed.ok, `freeing live block ${handle} was refused`);
    if (held) this.journalFree(handle, held);
    this.tell({ op: 'freed', id: handle });
  }

  /**
   * Journals block `handle`, which held `held`, as freed, and the hole it joined when its
   * neighbours merged with it ([MATCH-EVENT-2]). Walks the heap: journaling engines are
   * players' small heaps.
   */
  private journalFree(handle: number, held: RegionView): void {
    const area = held.area === undefined ? {} : { area: held.area };
    this.journal?.push({ type: 'freed', requestId: handle, start: held.start, size: held.size, ...area });
    const hole = this.allocator.walk().find((r) => r.state === 'free' && r.area === held.area && r.start <= held.start && held.start < r.start + r.size);
    if (hole && hole.size > held.size) this.journal?.push({ type: 'merged', start: hole.start, size: hole.size, ...area });
  }

  private tell(event: Parameters<NonNullable<Policy['notify']>>[1]): void {
    for (const p of this.followers) p.notify?.(this.allocator, event);
  }

  private observe(): void {
    const g = this.allocator.gauge();
    this.tracker.observe(g.liveBytes, g.heapBytes, () => g);
    if (g.internalBytes > this.peakInternal) this.peakInternal = g.internalBytes;
    for (const listener of this.stepListeners) listener(this);
  }
}

/**
 * [MATCH-REQ-1] The size a stream event asks the player to place, or null when it becomes
 * no request: only an alloc or a realloc of positive size does. Frees, allocs of 0 and
 * reallocs to 0 go by themselves ([MATCH-REQ-2]).
 */
export function requestedSize(event: StreamEvent): number | null {
  return event.op !== 'free' && event.size > 0 ? event.size : null;
}

/** Chooses a target for a request, or null to let it fail. */
export type Chooser = (allocator: Allocator, request: Request) => Target | null;

/** The chooser of a policy (which also follows the heap). */
export function policyChooser(engine: RoundEngine, policy: Policy): Chooser {
  engine.follow(policy);
  return (allocator, request) => policy.choose(allocator, request.size, request.tag);
}

/** [MATCH-RES-1] Plays the whole feed, `choose` placing every request; a refused choice is a bug. */
export function playOut(engine: RoundEngine, choose: Chooser, name = 'a chooser'): void {
  for (let request = engine.advance(); request; request = engine.advance()) {
    const target = choose(engine.allocator, request);
    if (target === null) {
      engine.failPending();
      continue;
    }
    const placed = engine.place(target);
    invariant(placed.ok, `${name} chose ${target} for request ${request.requestId}, refused: ${placed.ok ? '' : placed.code}`);
  }
}
