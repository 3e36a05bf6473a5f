// What one seat's screen shows, projected from the match alone ([MATCH-SEAT-1]): the
// regions, the pending request, the queue of next events (mallocs and frees), the hint
// markers, the meters, the kind's screen data, the moves on offer, the rivals and what
// the last change did. Pure: the same
// match and inputs give the same view, and nothing is changed. The server copies it
// into the synced MatchState (server/rooms/seat.ts); no room or seat reads the engine.

import type { RegionView, Target } from '../core/allocator.ts';
import type { HeapGauge } from '../core/metrics.ts';
import type { StreamEvent } from '../core/stream.ts';
import { requestedSize } from './engine.ts';
import { kindViewOf } from './kind-view.ts';
import { encodeKindView } from './kind-view-wire.ts';
import { movesOnOffer, type MovesOnOffer, type RegisteredKind } from './kinds.ts';
import type { Happening } from './happenings.ts';
import { engineOf, hintsFor, type MatchState, type PendingRequest } from './match.ts';
import type { RoundConfig } from './round-config.ts';
import type { RivalFigure, Rivals } from './rivals.ts';
import { fixedStream, isFixedSource } from './sources.ts';

/** How many of the next events (mallocs and frees) a player sees queued. */
export const UPCOMING = 8;

/** What a seat's screen is made from besides the match: fixed per seat for the whole round. */
export interface SeatInputs {
  /** Whether the screen shows where each built-in policy would go. */
  readonly hints: boolean;
  /** The round's whole stream when it is fixed in advance (`seatStream`); null against an adversary. */
  readonly stream: readonly StreamEvent[] | null;
  /** The built-in policies on the same stream, when the seat shows them. */
  readonly rivals: Rivals | null;
}

export interface SeatMeters extends HeapGauge {
  readonly peakLive: number;
  readonly peakHeap: number;
  readonly failures: number;
  readonly fallbacks: number;
  readonly placed: number;
  /** Requests issued so far. */
  readonly total: number;
}

export interface SeatHint {
  readonly policy: string;
  /** Where the policy would put the pending request; null when it would fail. */
  readonly target: Target | null;
}

/** [MATCH-SEAT-1] Everything one player's screen shows, as plain data. */
export interface SeatView {
  readonly kind: RegisteredKind;
  readonly version: number;
  readonly regions: readonly RegionView[];
  /** The request waiting for the player's move (deadline in match time). */
  readonly pending: PendingRequest | null;
  /** The next events after the pending request (fixed streams only). */
  readonly upcoming: readonly QueuedEvent[];
  /** Empty when the seat shows no hints. */
  readonly hints: readonly SeatHint[];
  readonly meters: SeatMeters;
  /** The kind's screen data as the synced state carries it ([MATCH-VIEW-2]). */
  readonly kindView: string;
  readonly moves: MovesOnOffer;
  /** Empty when the seat shows no rivals. */
  readonly rivals: readonly RivalFigure[];
  readonly finished: boolean;
  /** [MATCH-EVENT-1] What the last change did, in order. */
  readonly happenings: readonly Happening[];
}

/**
 * One event still to come: a malloc (the request it becomes, numbered as requests are) or
 * a free of the block a request placed (that request's id, and the bytes it asked for).
 */
export interface QueuedEvent {
  readonly op: 'malloc' | 'free';
  readonly id: number;
  readonly size: number;
}

/** A block by the request that placed it: its id and the bytes asked for. */
interface QueuedBlock {
  readonly id: number;
  readonly size: number;
}

/** Where the queue starts: the id the next request gets, and the block a stream id names now (live or pending), if any. */
export interface QueueStart {
  readonly nextRequestId: number;
  blockOf(streamId: number): QueuedBlock | null;
}

/** The round's whole stream when it is fixed in advance; null against an adversary (it has not chosen yet). */
export function seatStream(config: RoundConfig): readonly StreamEvent[] | null {
  if (!isFixedSource(config.source)) return null;
  const stream = fixedStream(config.source, config.seed);
  return stream.ok ? stream.value : null;
}

/**
 * [MATCH-SEAT-2] The next events once `met` events of `stream` have been met, at most
 * `limit`: the events that become requests ([MATCH-REQ-1], the engine's own test), and the
 * frees of blocks that are live or will be (a free of nothing, an alloc of 0: none).
 */
export function upcomingEvents(stream: readonly StreamEvent[], met: number, start: QueueStart, limit = UPCOMING): QueuedEvent[] {
  const ahead = new Map<number, QueuedBlock | null>();
  let nextId = start.nextRequestId;
  const queued: QueuedEvent[] = [];
  for (let i = met; i < stream.length && queued.length < limit; i++) {
    const event = stream[i];
    if (!event) break;
    const size = requestedSize(event);
    if (size !== null) {
      queued.push({ op: 'malloc', id: nextId, size });
      ahead.set(event.id, { id: nextId++, size });
      continue;
    }
    const block = event.op === 'alloc' ? null : ahead.has(event.id) ? ahead.get(event.id) : start.blockOf(event.id);
    if (!block) continue;
    ahead.set(event.id, null);
    queued.push({ op: 'free', id: block.id, size: block.size });
  }
  return queued;
}

/** The queue's start for `match`: requests issued so far; a stream id's block is the pending request's or a live one. */
function queueStart(match: MatchState): QueueStart {
  const engine = engineOf(match);
  const pending = engine.pending;
  return {
    nextRequestId: match.totals.requests,
    blockOf(streamId) {
      if (pending && pending.streamId === streamId) return { id: pending.requestId, size: pending.size };
      const id = engine.requestIdOf(streamId);
      const region = id === null ? undefined : match.heap.find((r) => r.state === 'live' && r.id === id);
      return id === null ? null : { id, size: region?.requested ?? region?.size ?? 0 };
    },
  };
}

/** [MATCH-SEAT-1] The seat's screen for `match`. */
export function seatView(match: MatchState, inputs: SeatInputs): SeatView {
  const engine = engineOf(match);
  const met = engine.events.length;
  return {
    kind: match.config.kind,
    version: match.version,
    regions: match.heap,
    pending: match.pending,
    upcoming: inputs.stream && !match.finished ? upcomingEvents(inputs.stream, met, queueStart(match)) : [],
    hints: inputs.hints ? hintsFor(match) : [],
    meters: {
      ...match.gauge,
      peakLive: match.summary.peakLive,
      peakHeap: match.summary.peakHeap,
      failures: match.totals.failures,
      fallbacks: match.totals.fallbacks,
      placed: match.totals.placed,
      total: match.totals.requests,
    },
    kindView: encodeKindView(kindViewOf(engine.allocator, match.pending)),
    moves: movesOnOffer(match.config.kind, engine.allocator),
    rivals: inputs.rivals?.at(met) ?? [],
    finished: match.finished,
    happenings: match.happenings,
  };
}
