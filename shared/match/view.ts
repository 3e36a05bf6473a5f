// What one seat's screen shows, projected from the match alone ([MATCH-SEAT-1]): the
// regions, the pending request, the queue of next requests, the hint markers, the
// meters, the kind's screen data, the moves on offer and the rivals. Pure: the same
// match and inputs give the same view, and nothing is changed. The server copies it
// into the synced MatchState (server/rooms/seat.ts); no room or seat reads the engine.

import type { RegionView, Target } from '../core/allocator.ts';
import type { HeapGauge } from '../core/metrics.ts';
import type { StreamEvent } from '../core/stream.ts';
import { requestedSize } from './engine.ts';
import { kindViewJson } from './kind-view.ts';
import { movesOnOffer, type MovesOnOffer, type RegisteredKind } from './kinds.ts';
import { engineOf, hintsFor, type MatchState, type PendingRequest } from './match.ts';
import type { RoundConfig } from './round-config.ts';
import type { RivalFigure, Rivals } from './rivals.ts';
import { fixedStream, isFixedSource } from './sources.ts';

/** How many of the next requests a player sees queued. */
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
  /** The sizes of the next requests after the pending one (fixed streams only). */
  readonly upcoming: readonly number[];
  /** Empty when the seat shows no hints. */
  readonly hints: readonly SeatHint[];
  readonly meters: SeatMeters;
  /** The kind's screen data as the synced state carries it ([MATCH-VIEW-2]). */
  readonly kindView: string;
  readonly moves: MovesOnOffer;
  /** Empty when the seat shows no rivals. */
  readonly rivals: readonly RivalFigure[];
  readonly finished: boolean;
}

/** The round's whole stream when it is fixed in advance; null against an adversary (it has not chosen yet). */
export function seatStream(config: RoundConfig): readonly StreamEvent[] | null {
  if (!isFixedSource(config.source)) return null;
  const stream = fixedStream(config.source, config.seed);
  return stream.ok ? stream.value : null;
}

/**
 * [MATCH-SEAT-2] The sizes of the next requests once `met` events of `stream` have been
 * met, at most `limit`: the events that become requests ([MATCH-REQ-1], the engine's own test).
 */
export function upcomingSizes(stream: readonly StreamEvent[], met: number, limit = UPCOMING): number[] {
  const sizes: number[] = [];
  for (let i = met; i < stream.length && sizes.length < limit; i++) {
    const event = stream[i];
    const size = event ? requestedSize(event) : null;
    if (size !== null) sizes.push(size);
  }
  return sizes;
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
    upcoming: inputs.stream && !match.finished ? upcomingSizes(inputs.stream, met) : [],
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
    kindView: kindViewJson(engine.allocator, match.pending),
    moves: movesOnOffer(match.config.kind, engine.allocator),
    rivals: inputs.rivals?.at(met) ?? [],
    finished: match.finished,
  };
}
