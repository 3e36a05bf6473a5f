// A seat: one player's match inside a room. It checks a move's shape, hands it to
// the match rules in shared/match, and mirrors the answer into that player's synced
// MatchState. Practice and classroom rooms both seat players through this; neither
// knows a rule of the game.

import type { Outcome } from '../../shared/core/outcome.ts';
import { refuse, succeed } from '../../shared/core/outcome.ts';
import { applyMove, concede, engineOf, expire, hintsFor, type LoggedMove, type MatchState as Match, type Move } from '../../shared/match/match.ts';
import { roundResults, type RoundResults } from '../../shared/match/results.ts';
import { fixedStream, isFixedSource } from '../../shared/match/sources.ts';
import type { StreamEvent } from '../../shared/core/stream.ts';
import { kindViewJson } from '../../shared/match/kind-view.ts';
import { Rivals } from '../../shared/match/rivals.ts';
import { sharedContenders } from './contenders-cache.ts';
import { FreeListHeap } from '../../shared/freelist/index.ts';
import { parseClientMessage } from '../protocol/messages.ts';
import { MatchState, syncGauge, syncHints, syncNumbers, syncRegions, syncRivals } from '../state/match-state.ts';

/** How many of the next requests the player sees queued. */
const UPCOMING = 8;

/** The moves a player sends (docs/PROTOCOL.md). */
export type SeatMove = 'place' | 'coalesce' | 'release';

export class Seat {
  match: Match;
  readonly view = new MatchState();
  /** Results once the round is over (computed once). */
  private resultsJson = '';

  /** Added to the match's deadlines when they are shown: match time runs behind wall time by the time spent paused. */
  clockOffsetMs = 0;
  /** The whole stream when it is fixed in advance (the queue of next requests shows from it); null for adversaries. */
  private readonly stream: readonly StreamEvent[] | null;
  /** Whether the synced state carries hint markers (where each policy would go). */
  private readonly showHints: boolean;

  /** Sent along with the results (e.g. the level's par and star thresholds). */
  private readonly resultsExtras: Readonly<Record<string, unknown>>;

  /**
   * Whether the finished round's full results (every policy, the clairvoyant, timelines)
   * go into the synced state. Practice: yes. A class: no — the host's view holds every
   * heap, so they would reach the host once per student (megabytes at a class's size).
   */
  private readonly resultsInState: boolean;

  /** The built-in policies stepped along the same stream, when the room shows them (practice, fixed streams). */
  private readonly rivals: Rivals | null;

  constructor(
    match: Match,
    options: {
      readonly showHints?: boolean;
      readonly resultsExtras?: Readonly<Record<string, unknown>>;
      readonly resultsInState?: boolean;
      /** Whether the synced state carries the rivals (every policy on the same stream so far). */
      readonly rivals?: boolean;
    } = {},
  ) {
    this.match = match;
    this.showHints = options.showHints ?? false;
    this.resultsExtras = options.resultsExtras ?? {};
    this.resultsInState = options.resultsInState ?? true;
    this.rivals = options.rivals ? Rivals.of(match.config) : null;
    const source = match.config.source;
    const stream = isFixedSource(source) ? fixedStream(source, match.config.seed) : null;
    this.stream = stream?.ok ? stream.value : null;
    this.mirror();
  }

  /** Applies a client's move message of type `type`. */
  play(type: SeatMove, raw: unknown, nowMs: number): Outcome<LoggedMove, string> {
    return this[type](raw, nowMs);
  }

  /** Applies a client's `place` message at `nowMs`; on success returns the logged change. */
  place(raw: unknown, nowMs: number): Outcome<LoggedMove, string> {
    const parsed = parseClientMessage('place', raw);
    if (!parsed.ok) return parsed;
    const move: Move = { type: 'place', ...parsed.value };
    return this.apply(applyMove(this.match, move, nowMs));
  }

  /** Applies a client's `coalesce` message (deferred coalescing). */
  coalesce(raw: unknown, nowMs: number): Outcome<LoggedMove, string> {
    const parsed = parseClientMessage('coalesce', raw);
    if (!parsed.ok) return parsed;
    return this.apply(applyMove(this.match, { type: 'coalesce', target: parsed.value.target ?? null, version: parsed.value.version }, nowMs));
  }

  /** Applies a client's `release` message (give an empty slab's pages back). */
  release(raw: unknown, nowMs: number): Outcome<LoggedMove, string> {
    const parsed = parseClientMessage('release', raw);
    if (!parsed.ok) return parsed;
    return this.apply(applyMove(this.match, { type: 'release', ...parsed.value }, nowMs));
  }

  /** Lets the fallback policy place an overdue request; returns the logged change, or null when nothing was due. */
  expireIfDue(nowMs: number): LoggedMove | null {
    const pending = this.match.pending;
    if (this.match.finished || !pending || pending.deadlineMs === null || nowMs < pending.deadlineMs) return null;
    const result = this.apply(expire(this.match, nowMs));
    return result.ok ? result.value : null;
  }

  /** The round is being ended: the fallback policy places the pending request now; null when nothing is pending. */
  concedePending(nowMs: number): LoggedMove | null {
    if (this.match.finished || !this.match.pending) return null;
    const result = this.apply(concede(this.match, nowMs));
    return result.ok ? result.value : null;
  }

  get isFinished(): boolean {
    return this.match.finished;
  }

  /** The round's results (player, every policy, clairvoyant) as JSON, computed once the match is over. */
  results(): string {
    if (!this.match.finished) return '';
    if (!this.resultsJson) {
      const results = roundResults(this.match, { timeline: true }, sharedContenders(this.match.config));
      // The config and log travel with the results so the client can replay the round frame by frame.
      const replay = { config: this.match.config, startedAtMs: this.match.startedAtMs, log: this.match.log };
      this.resultsJson = results.ok ? JSON.stringify({ ...thinResults(results.value), replay, ...this.resultsExtras }) : JSON.stringify({ error: results.code, message: results.message });
    }
    return this.resultsJson;
  }

  /** The sizes of the next few requests after the pending one (fixed streams only: an adversary has not chosen them yet). */
  private upcomingSizes(): number[] {
    if (!this.stream || this.match.finished) return [];
    const sizes: number[] = [];
    for (let i = engineOf(this.match).events.length; i < this.stream.length && sizes.length < UPCOMING; i++) {
      const event = this.stream[i];
      if (event && event.op !== 'free' && event.size > 0) sizes.push(event.size);
    }
    return sizes;
  }

  private apply(next: Outcome<Match, string>): Outcome<LoggedMove, string> {
    if (!next.ok) return refuse(next.code, next.message);
    this.match = next.value;
    this.mirror();
    const logged = this.match.log[this.match.log.length - 1];
    return logged ? succeed(logged) : refuse('move/none', 'nothing was logged');
  }

  /** Copies the match into the synced state; only what changed goes over the wire. */
  mirror(): void {
    const m = this.match;
    const v = this.view;
    v.kind = m.config.kind;
    // Read from the heap's resolved options (defaults filled in by the engine), not the round's partial config.
    const allocator = engineOf(m).allocator;
    const options = allocator instanceof FreeListHeap ? allocator.options : null;
    v.canGrow = options !== null && options.growth === 'sbrk';
    v.canCoalesce = options !== null && options.coalesce === 'deferred';
    v.canRelease = m.config.kind === 'slab';
    const kindView = kindViewJson(engineOf(m).allocator, m.pending);
    if (v.kindView !== kindView) v.kindView = kindView;
    v.version = m.version;
    syncRegions(v.regions, m.heap);
    v.hasPending = m.pending !== null;
    if (m.pending) {
      v.pending.id = m.pending.requestId;
      v.pending.size = m.pending.size;
      v.pending.tag = m.pending.tag ?? '';
      v.pending.deadline = m.pending.deadlineMs === null ? 0 : m.pending.deadlineMs + this.clockOffsetMs;
    }
    syncHints(v.hints, this.showHints ? hintsFor(m) : []);
    syncNumbers(v.upcoming, this.upcomingSizes());
    syncRivals(v.rivals, this.rivals?.at(engineOf(m).events.length) ?? []);
    syncGauge(v.meters, m.gauge);
    v.meters.peakLive = m.summary.peakLive;
    v.meters.peakHeap = m.summary.peakHeap;
    v.meters.failures = m.totals.failures;
    v.meters.fallbacks = m.totals.fallbacks;
    v.meters.placed = m.totals.placed;
    v.meters.total = m.totals.requests;
    if (m.finished) {
      v.phase = 'done';
      if (this.resultsInState) v.results = this.results();
    } else if (v.phase !== 'paused') v.phase = 'playing';
  }
}

/** At most this many timeline points per contender go to the client. */
const TIMELINE_POINTS = 120;

function thin<T>(points: readonly T[]): T[] {
  if (points.length <= TIMELINE_POINTS) return [...points];
  const step = points.length / TIMELINE_POINTS;
  const out: T[] = [];
  for (let i = 0; i < TIMELINE_POINTS; i++) {
    const p = points[Math.floor(i * step)];
    if (p !== undefined) out.push(p);
  }
  const last = points[points.length - 1];
  if (last !== undefined) out.push(last);
  return out;
}

/** Results with timelines thinned for the wire. */
function thinResults(r: RoundResults): RoundResults {
  return {
    ...r,
    player: { ...r.player, timeline: thin(r.player.timeline) },
    policies: r.policies.map((p) => ({ ...p, timeline: thin(p.timeline) })),
    best: { ...r.best, timeline: thin(r.best.timeline) },
    clairvoyant: { ...r.clairvoyant, timeline: thin(r.clairvoyant.timeline) },
  };
}
