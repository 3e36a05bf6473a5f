// A seat: one player's match inside a room. It checks a move's shape, asks the match
// rules in shared/match for the answer, and mirrors the seat's screen (shared/match/
// view.ts) into that player's synced MatchState. Practice and classroom rooms both seat
// players through this; neither knows a rule of the game.
//
// Deciding and showing are two steps: `decide…` computes the next match without
// touching the seat, and `commit` makes it the seat's and mirrors it. A room that
// stores moves commits only once the move is stored, so no client ever sees a state
// that a crash could take back (the classroom); practice commits at once (`play`).

import { allowedDeadline, type TimeAllowance } from '../../shared/match/time-allowance.ts';
import { invariant, refuse, succeed, type Outcome } from '../../shared/core/outcome.ts';
import { encodeHappenings } from '../../shared/match/happening-wire.ts';
import { applyMove, expire, stopMatch, type LoggedMove, type MatchState as Match, type Move } from '../../shared/match/match.ts';
import { roundResults } from '../../shared/match/results.ts';
import { resultsJson } from './results-json.ts';
import { Rivals } from '../../shared/match/rivals.ts';
import { seatStream, seatView, type SeatInputs } from '../../shared/match/view.ts';
import { sharedContenders } from './contenders-cache.ts';
import { parseClientMessage } from '../protocol/messages.ts';
import { MatchState, syncGauge, syncHints, syncQueue, syncRegions, syncRivals } from '../state/match-state.ts';

/** The moves a player sends (docs/PROTOCOL.md). */
export type SeatMove = 'place' | 'coalesce' | 'release';

/** An accepted change not yet shown: the match it was decided on, the match after it, and the logged move. */
export interface Decision {
  readonly base: Match;
  readonly next: Match;
  readonly move: LoggedMove;
}

export class Seat {
  /** The match as the player sees it: changed only by `commit`. */
  match: Match;
  readonly view = new MatchState();
  /** Results once the round is over (computed once). */
  private resultsJson = '';

  /** Added to the match's deadlines when they are shown: match time runs behind wall time by the time spent paused. */
  clockOffsetMs = 0;
  /** The player's time accommodation ([MATCH-TIME-5]): when a request is due for them, and the deadline they are shown. */
  timeAllowance: TimeAllowance = 'standard';
  /** What the screen is made from besides the match (hints, the fixed stream, the rivals). */
  private readonly inputs: SeatInputs;

  /** Sent along with the results (e.g. the level's par and star thresholds). */
  private readonly resultsExtras: Readonly<Record<string, unknown>>;

  constructor(
    match: Match,
    options: {
      readonly showHints?: boolean;
      readonly resultsExtras?: Readonly<Record<string, unknown>>;
      /** Whether the synced state carries the rivals (every policy on the same stream so far). */
      readonly rivals?: boolean;
    } = {},
  ) {
    this.match = match;
    this.inputs = {
      hints: options.showHints ?? false,
      stream: seatStream(match.config),
      rivals: options.rivals ? Rivals.of(match.config) : null,
    };
    this.resultsExtras = options.resultsExtras ?? {};
    this.mirror();
  }

  /** Decides a client's move message of type `type` at `nowMs`: a refusal (shape or rule), or the change to commit. */
  decide(type: SeatMove, raw: unknown, nowMs: number): Outcome<Decision, string> {
    const move = parseMove(type, raw);
    if (!move.ok) return move;
    return this.decided(applyMove(this.match, move.value, nowMs));
  }

  /** Whether the pending request's deadline has come at `nowMs` (a question only: nothing is decided). */
  expiryDue(nowMs: number): boolean {
    const pending = this.match.pending;
    const due = pending ? allowedDeadline(pending, this.timeAllowance) : null;
    return !this.match.finished && due !== null && nowMs >= due;
  }

  /** The fallback policy's placement of an overdue request; null when nothing is due. */
  decideExpiry(nowMs: number): Decision | null {
    if (!this.expiryDue(nowMs)) return null;
    const decided = this.decided(expire(this.match, nowMs));
    return decided.ok ? decided.value : null;
  }

  /** The round is being ended early: the match stops where the player is ([MATCH-TIME-2]); null when it is already over. */
  decideStop(nowMs: number): Decision | null {
    if (this.match.finished) return null;
    const decided = this.decided(stopMatch(this.match, nowMs));
    return decided.ok ? decided.value : null;
  }

  /** Makes a decision the seat's match and shows it. It must have been decided on the match the seat holds. */
  commit(decision: Decision): LoggedMove {
    invariant(decision.base === this.match, 'a seat commits only a decision made on its current match');
    this.match = decision.next;
    this.mirror();
    return decision.move;
  }

  /** Decides and commits at once (a room that stores nothing first): practice. */
  play(type: SeatMove, raw: unknown, nowMs: number): Outcome<LoggedMove, string> {
    const decided = this.decide(type, raw, nowMs);
    return decided.ok ? succeed(this.commit(decided.value)) : decided;
  }

  /** Applies a client's `place` message. */
  place(raw: unknown, nowMs: number): Outcome<LoggedMove, string> {
    return this.play('place', raw, nowMs);
  }

  /** Applies a client's `coalesce` message (deferred coalescing). */
  coalesce(raw: unknown, nowMs: number): Outcome<LoggedMove, string> {
    return this.play('coalesce', raw, nowMs);
  }

  /** Applies a client's `release` message (give an empty slab's pages back). */
  release(raw: unknown, nowMs: number): Outcome<LoggedMove, string> {
    return this.play('release', raw, nowMs);
  }

  /** Lets the fallback policy place an overdue request at once; returns the logged change, or null when nothing was due. */
  expireIfDue(nowMs: number): LoggedMove | null {
    const decision = this.decideExpiry(nowMs);
    return decision ? this.commit(decision) : null;
  }

  get isFinished(): boolean {
    return this.match.finished;
  }

  /**
   * The round's results (player, every policy, clairvoyant) as JSON, computed once the match
   * is over. Written for the player (kept once made), or, given `nickname`, for the host
   * watching them: the same figures in words about that student ([SC-11]).
   */
  results(nickname?: string): string {
    if (!this.match.finished) return '';
    if (nickname !== undefined) return this.resultsJsonFor(nickname);
    if (!this.resultsJson) this.resultsJson = this.resultsJsonFor(undefined);
    return this.resultsJson;
  }

  private resultsJsonFor(nickname: string | undefined): string {
    const shared = sharedContenders(this.match);
    const results = roundResults(this.match, { timeline: true, player: nickname }, shared);
    // The config and log travel with the results so the client can replay the round frame by frame.
    const replay = { config: this.match.config, startedAtMs: this.match.startedAtMs, log: this.match.log };
    return results.ok ? resultsJson(results.value, shared, { replay, ...this.resultsExtras }) : JSON.stringify({ error: results.code, message: results.message });
  }

  private decided(next: Outcome<Match, string>): Outcome<Decision, string> {
    if (!next.ok) return refuse(next.code, next.message);
    const move = next.value.log[next.value.log.length - 1];
    return move ? succeed({ base: this.match, next: next.value, move }) : refuse('move/none', 'nothing was logged');
  }

  /**
   * Copies the seat's screen into the synced state; only what changed goes over the wire.
   * `after` is told when each part is copied (the patch-bytes bench encodes between parts).
   */
  mirror(after?: (part: MirrorPart) => void): void {
    const seen = seatView(this.match, this.inputs);
    const v = this.view;
    v.kind = seen.kind;
    v.canGrow = seen.moves.grow;
    v.canCoalesce = seen.moves.coalesce;
    v.canRelease = seen.moves.release;
    v.version = seen.version;
    // The finished round's results (tens of KiB) are never synced: the room sends them as a
    // `results` message (a patch that large would overflow the schema encoder's buffer).
    if (seen.finished) v.phase = 'done';
    else if (v.phase !== 'paused' && v.phase !== 'waiting') v.phase = 'playing';
    after?.('header');
    if (v.kindView !== seen.kindView) v.kindView = seen.kindView;
    after?.('kindView');
    syncRegions(v.regions, seen.regions);
    after?.('regions');
    v.hasPending = seen.pending !== null;
    if (seen.pending) {
      v.pending.id = seen.pending.requestId;
      v.pending.size = seen.pending.size;
      v.pending.tag = seen.pending.tag ?? '';
      const due = allowedDeadline(seen.pending, this.timeAllowance);
      v.pending.deadline = due === null ? 0 : due + this.clockOffsetMs;
    }
    after?.('pending');
    syncHints(v.hints, seen.hints);
    after?.('hints');
    syncQueue(v.upcoming, seen.upcoming);
    after?.('queue');
    const happenings = encodeHappenings(seen.happenings);
    if (v.happenings !== happenings) v.happenings = happenings;
    after?.('happenings');
    syncRivals(v.rivals, seen.rivals);
    after?.('rivals');
    const { peakLive, peakHeap, failures, fallbacks, placed, total, ...gauge } = seen.meters;
    syncGauge(v.meters, gauge);
    v.meters.peakLive = peakLive;
    v.meters.peakHeap = peakHeap;
    v.meters.failures = failures;
    v.meters.fallbacks = fallbacks;
    v.meters.placed = placed;
    v.meters.total = total;
    after?.('meters');
  }
}

/** The parts of a seat's synced state, in the order `mirror` copies them. */
export const MIRROR_PARTS = ['header', 'kindView', 'regions', 'pending', 'hints', 'queue', 'happenings', 'rivals', 'meters'] as const;
export type MirrorPart = typeof MIRROR_PARTS[number];

/** A move message as the match rules take it, or the shape's refusal. */
function parseMove(type: SeatMove, raw: unknown): Outcome<Move, string> {
  switch (type) {
    case 'place': {
      const parsed = parseClientMessage('place', raw);
      return parsed.ok ? succeed({ type, ...parsed.value }) : parsed;
    }
    case 'coalesce': {
      const parsed = parseClientMessage('coalesce', raw);
      return parsed.ok ? succeed({ type, target: parsed.value.target ?? null, version: parsed.value.version }) : parsed;
    }
    case 'release': {
      const parsed = parseClientMessage('release', raw);
      return parsed.ok ? succeed({ type, ...parsed.value }) : parsed;
    }
  }
}
