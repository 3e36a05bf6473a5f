// The match rules (shared/match/SPEC.md): a round's config, the match state as plain
// data, and the pure functions that change it — start, apply a move, expire an
// overdue request, replay a log. The allocator object behind a state is kept aside
// and rebuilt by replaying the log whenever a state arrives without one (an older
// state, or one that was serialized), so every function here is pure to its caller.

import type { Policy, RegionView, Target } from '../core/allocator.ts';
import type { HeapGauge, MetricsSummary } from '../core/metrics.ts';
import { invariant, refuse, succeed, type Outcome } from '../core/outcome.ts';
import type { RoundEngine } from './engine.ts';
import type { Request } from '../core/feed.ts';
import { coalesce, isRegisteredKind, observerOf, policiesFor, release } from './kinds.ts';
import { buildEngine } from './build.ts';
import { mergedHoles, type Happening } from './happenings.ts';
import { FAILURE_PENALTY, FALLBACK_PENALTY } from '../score/score.ts';
import type { RoundConfig } from './round-config.ts';

export type { RoundConfig, RoundRules } from './round-config.ts';

/** The request waiting for the player's move. */
export interface PendingRequest {
  readonly requestId: number;
  readonly op: 'alloc' | 'realloc';
  readonly size: number;
  readonly tag?: string;
  readonly issuedAtMs: number;
  /** When the fallback policy takes over; null without a clock. */
  readonly deadlineMs: number | null;
}

export interface MatchTotals {
  readonly requests: number;
  readonly placed: number;
  readonly failures: number;
  readonly fallbacks: number;
  readonly coalesces: number;
}

/** An accepted change, as the log keeps it; the version it was made at is its index in the log. */
export type LoggedMove =
  | { readonly type: 'place'; readonly requestId: number; readonly target: Target; readonly atMs: number }
  | { readonly type: 'expire'; readonly requestId: number; readonly atMs: number; readonly conceded?: true }
  | { readonly type: 'coalesce'; readonly target: number | null; readonly atMs: number }
  | { readonly type: 'release'; readonly target: number; readonly atMs: number }
  /** The round was ended early here ([MATCH-TIME-2]): the match is over where the player was. */
  | { readonly type: 'stop'; readonly atMs: number };

/** [MATCH-STATE-1] Everything a client or the store needs, as plain data. */
export interface MatchState {
  readonly config: RoundConfig;
  readonly startedAtMs: number;
  /** Bumped by every accepted change; equals log.length. */
  readonly version: number;
  readonly pending: PendingRequest | null;
  readonly heap: readonly RegionView[];
  readonly gauge: HeapGauge;
  readonly summary: MetricsSummary;
  readonly totals: MatchTotals;
  readonly log: readonly LoggedMove[];
  readonly finished: boolean;
  /** [MATCH-EVENT-1] What the last change did, in order (at the start: what ran before the first request). */
  readonly happenings: readonly Happening[];
}

/** A move a client sends, with the version of the state it saw. */
export type Move =
  | { readonly type: 'place'; readonly requestId: number; readonly target: Target; readonly version: number }
  | { readonly type: 'coalesce'; readonly target?: number | null; readonly version: number }
  | { readonly type: 'release'; readonly target: number; readonly version: number };

/** The match's own refusal codes; an illegal placement comes back with the engine's code (`place/overlaps`, ...). */
export type MatchCode =
  | 'move/malformed'
  | 'move/unsupported'
  | 'match/over'
  | 'request/stale'
  | 'request/duplicate'
  | 'request/unknown'
  | 'request/late'
  | 'request/none'
  | 'request/not_due'
  | 'replay/diverged'
  | 'kind/unknown'
  | 'policy/unknown'
  | 'source/unknown';

/** The mutable machinery behind a state. */
interface Runtime {
  readonly engine: RoundEngine;
  readonly fallback: Policy;
  /** Every built-in policy, following the player's heap so each can say where it would go. */
  readonly watchers: readonly Policy[];
  coalesces: number;
}

const runtimes = new WeakMap<MatchState, Runtime>();

/** What a replay may watch besides the states: each stream event dealt with ([MATCH-REPLAY-2]). */
export interface MatchWatch {
  readonly onStep?: (engine: RoundEngine) => void;
}

/** [MATCH-ROUND-2] Starts a round at `nowMs`: frees before the first request run, the first request is pending. */
export function startMatch(config: RoundConfig, nowMs: number, watch: MatchWatch = {}): Outcome<MatchState, string> {
  if (!isRegisteredKind(config.kind)) return refuse('kind/unknown', `there is no allocator kind "${config.kind}" yet`);
  const built = buildEngine(config, { timeline: true });
  if (!built.ok) return built;
  const { engine, judge } = built.value;
  const watchers = policiesFor(config.kind).map((maker) => observerOf(config.kind, maker.create()));
  for (const w of watchers) engine.follow(w);
  const runtime: Runtime = { engine, fallback: judge, watchers, coalesces: 0 };
  engine.keepJournal();
  if (watch.onStep) engine.onStep(watch.onStep);
  engine.advance();
  return succeed(snapshot(runtime, { config, startedAtMs: nowMs, version: 0, log: [], pending: null }, nowMs, []));
}

/**
 * [MATCH-MOVE-1..6] Applies a move at `nowMs`. A refusal comes back as a value with a
 * code and the state is untouched.
 */
export function applyMove(state: MatchState, move: Move, nowMs: number): Outcome<MatchState, string> {
  if (!isWellFormed(move)) return refuse('move/malformed', 'that move is not a place, coalesce or release move with whole numbers');
  if (state.finished) return refuse('match/over', 'the round is over');
  if (move.type === 'coalesce') return applyCoalesce(state, move.target ?? null, move.version, nowMs);
  if (move.type === 'release') return applyRelease(state, move.target, move.version, nowMs);
  const refusal = checkPlaceable(state, move.requestId, move.version, nowMs);
  if (refusal) return refusal;
  const runtime = runtimeOf(state);
  const placed = runtime.engine.place(move.target);
  if (!placed.ok) return placed;
  runtime.engine.advance();
  return succeed(successor(state, runtime, { type: 'place', requestId: move.requestId, target: move.target, atMs: nowMs }));
}

/**
 * [MATCH-TIME-1] Places an overdue pending request with the round's fallback policy,
 * which costs a penalty; refused when nothing is due at `nowMs`.
 */
export function expire(state: MatchState, nowMs: number): Outcome<MatchState, string> {
  if (state.finished) return refuse('match/over', 'the round is over');
  const pending = state.pending;
  if (!pending) return refuse('request/none', 'no request is waiting');
  if (pending.deadlineMs === null || nowMs < pending.deadlineMs) return refuse('request/not_due', `request ${pending.requestId} still has time`);
  return succeed(placeByFallback(state, pending, nowMs, false));
}

/**
 * [MATCH-TIME-2] The round is being ended early (the host ended it): the match stops where
 * the player is. The pending request is withdrawn (not placed, not counted, no penalty), the
 * rest of the stream is not played, and the match is over: it is scored on the part played.
 */
export function stopMatch(state: MatchState, nowMs: number): Outcome<MatchState, string> {
  if (state.finished) return refuse('match/over', 'the round is over');
  const runtime = runtimeOf(state);
  runtime.engine.stop();
  return succeed(successor(state, runtime, { type: 'stop', atMs: nowMs }));
}

/** [MATCH-TIME-2] Whether the match was stopped before its stream ended (the round was ended early). */
export function isStopped(state: MatchState): boolean {
  return state.log[state.log.length - 1]?.type === 'stop';
}

/** [MATCH-PACE-1] Requests the player has dealt with (placed, failed or expired): how far into the stream they are. */
export function requestsPlayed(state: MatchState): number {
  return state.totals.requests - (state.pending ? 1 : 0);
}

/**
 * [MATCH-TIME-3] How ending a round early worked before [MATCH-TIME-2]: the fallback policy
 * places the pending request now, with the fallback penalty, clock or no clock. Kept so that
 * logs written then replay.
 */
export function concede(state: MatchState, nowMs: number): Outcome<MatchState, string> {
  if (state.finished) return refuse('match/over', 'the round is over');
  const pending = state.pending;
  if (!pending) return refuse('request/none', 'no request is waiting');
  return succeed(placeByFallback(state, pending, nowMs, true));
}

function placeByFallback(state: MatchState, pending: PendingRequest, nowMs: number, conceded: boolean): MatchState {
  const runtime = runtimeOf(state);
  const target = runtime.engine.judgeTarget();
  if (target === null) runtime.engine.failPending();
  else {
    const placed = runtime.engine.place(target, { byFallback: true });
    invariant(placed.ok, `the fallback policy ${runtime.fallback.name} chose ${target}, which was refused`);
  }
  runtime.engine.advance();
  return successor(state, runtime, { type: 'expire', requestId: pending.requestId, atMs: nowMs, ...(conceded ? { conceded: true as const } : {}) });
}

/**
 * [MATCH-REPLAY-1] Rebuilds a match from its config, start time and log; `visit`, when
 * given, sees the state after the start and after each entry; `watch.onStep` sees the
 * engine after each stream event (a replay slider's frames).
 */
export function replayMatch(
  config: RoundConfig,
  startedAtMs: number,
  log: readonly LoggedMove[],
  visit?: (state: MatchState) => void,
  watch: MatchWatch = {},
): Outcome<MatchState, string> {
  const started = startMatch(config, startedAtMs, watch);
  if (!started.ok) return started;
  let state = started.value;
  visit?.(state);
  for (const [i, entry] of log.entries()) {
    const next = replayEntry(state, entry);
    if (!next.ok) return refuse('replay/diverged', `log entry ${i} (${entry.type}) was refused on replay: ${next.code}`);
    state = next.value;
    visit?.(state);
  }
  return succeed(state);
}

/** [MATCH-HINT-1] Where each built-in policy would put the pending request (null: it would fail). */
export function hintsFor(state: MatchState): { readonly policy: string; readonly target: Target | null }[] {
  const pending = state.pending;
  if (!pending) return [];
  const runtime = runtimeOf(state);
  return runtime.watchers.map((w) => ({ policy: w.name, target: w.choose(runtime.engine.allocator, pending.size, pending.tag) }));
}

/** The engine behind a state (rebuilt by replay when missing). For results and tests; do not mutate. */
export function engineOf(state: MatchState): RoundEngine {
  return runtimeOf(state).engine;
}

function replayEntry(state: MatchState, entry: LoggedMove): Outcome<MatchState, string> {
  switch (entry.type) {
    case 'place':
      return applyMove(state, { type: 'place', requestId: entry.requestId, target: entry.target, version: state.version }, entry.atMs);
    case 'coalesce':
      return applyMove(state, { type: 'coalesce', target: entry.target, version: state.version }, entry.atMs);
    case 'release':
      return applyMove(state, { type: 'release', target: entry.target, version: state.version }, entry.atMs);
    case 'expire':
      return entry.conceded ? concede(state, entry.atMs) : expire(state, entry.atMs);
    case 'stop':
      return stopMatch(state, entry.atMs);
  }
}

/** [MATCH-SLAB-1] Gives back an empty slab's pages; the pending request and its deadline stay. */
function applyRelease(state: MatchState, target: number, version: number, nowMs: number): Outcome<MatchState, string> {
  if (version !== state.version) return refuse('request/stale', 'the heap changed since you looked; look again');
  const runtime = runtimeOf(state);
  const released = release(state.config.kind, runtime.engine.allocator, target);
  if (!released.ok) return released;
  return succeed(successor(state, runtime, { type: 'release', target, atMs: nowMs }));
}

function applyCoalesce(state: MatchState, target: number | null, version: number, nowMs: number): Outcome<MatchState, string> {
  if (version !== state.version) return refuse('request/stale', 'the heap changed since you looked; look again');
  const runtime = runtimeOf(state);
  const merged = coalesce(state.config.kind, runtime.engine.allocator, target);
  if (!merged.ok) return merged;
  runtime.coalesces++;
  return succeed(successor(state, runtime, { type: 'coalesce', target, atMs: nowMs }));
}

/** [MATCH-MOVE-2..5] The checks before a placement reaches the engine, in order. */
function checkPlaceable(state: MatchState, requestId: number, version: number, nowMs: number): Outcome<never, MatchCode> | null {
  const pending = state.pending;
  const decidedBelow = pending ? pending.requestId : state.totals.requests;
  if (requestId >= 0 && requestId < decidedBelow) return refuse('request/duplicate', `request ${requestId} was already dealt with`);
  if (!pending || requestId !== pending.requestId) return refuse('request/unknown', `there is no request ${requestId} waiting`);
  if (version !== state.version) return refuse('request/stale', 'the heap changed since you looked; look again');
  if (pending.deadlineMs !== null && nowMs >= pending.deadlineMs) {
    return refuse('request/late', `request ${requestId} ran out of time; the fallback policy places it`);
  }
  return null;
}

function isWellFormed(move: Move): boolean {
  if (typeof move !== 'object' || move === null || !Number.isInteger(move.version)) return false;
  if (move.type === 'place') return Number.isInteger(move.requestId) && Number.isFinite(move.target);
  if (move.type === 'coalesce') return move.target === undefined || move.target === null || Number.isInteger(move.target);
  if (move.type === 'release') return Number.isInteger(move.target);
  return false;
}

/** The state after an accepted change: the runtime moves over to it. */
function successor(state: MatchState, runtime: Runtime, entry: LoggedMove): MatchState {
  const next = snapshot(runtime, { ...state, version: state.version + 1, log: [...state.log, entry] }, entry.atMs, state.heap, entry);
  runtimes.delete(state);
  return next;
}

type StateFrame = Pick<MatchState, 'config' | 'startedAtMs' | 'version' | 'log' | 'pending'>;

/** Reads the runtime into plain data. A request keeps its deadline while it stays pending. */
function snapshot(runtime: Runtime, frame: StateFrame, nowMs: number, before: readonly RegionView[], entry?: LoggedMove): MatchState {
  const { engine } = runtime;
  const heap = engine.allocator.walk();
  const state: MatchState = {
    config: frame.config,
    startedAtMs: frame.startedAtMs,
    version: frame.version,
    pending: pendingView(engine.pending, frame.pending, frame.config.timePerRequestMs, nowMs),
    heap,
    gauge: engine.allocator.gauge(),
    summary: engine.summary(),
    totals: { ...engine.totals, coalesces: runtime.coalesces },
    log: frame.log,
    finished: engine.finished,
    happenings: happeningsOf(runtime, before, heap, entry),
  };
  runtimes.set(state, runtime);
  return state;
}

/**
 * [MATCH-EVENT-1..4] The engine's journal of the change, led by the timeout when the change
 * was one, and followed by the holes a coalesce move merged.
 */
function happeningsOf(runtime: Runtime, before: readonly RegionView[], after: readonly RegionView[], entry?: LoggedMove): Happening[] {
  const journal = runtime.engine.takeJournal();
  // The engine journals what a free merged; a coalesce move merges holes with nothing freed.
  const merged = entry?.type === 'coalesce' ? mergedHoles(before, [], after) : [];
  if (entry?.type !== 'expire') return [...journal, ...merged];
  const placed = journal.some((h) => h.type === 'placed' && h.requestId === entry.requestId);
  const timeout: Happening = { type: 'timeout', requestId: entry.requestId, policy: runtime.fallback.name, placed, penalty: placed ? FALLBACK_PENALTY : FAILURE_PENALTY };
  return [timeout, ...journal, ...merged];
}

function pendingView(request: Request | null, before: PendingRequest | null, clock: number | null, nowMs: number): PendingRequest | null {
  if (!request) return null;
  if (before && before.requestId === request.requestId) return before;
  return {
    requestId: request.requestId,
    op: request.op,
    size: request.size,
    ...(request.tag === undefined ? {} : { tag: request.tag }),
    issuedAtMs: nowMs,
    deadlineMs: clock === null ? null : nowMs + clock,
  };
}

/** [MATCH-STATE-2] The runtime of a state, rebuilt by replaying its log when the state has none. */
function runtimeOf(state: MatchState): Runtime {
  const known = runtimes.get(state);
  if (known) return known;
  const rebuilt = replayMatch(state.config, state.startedAtMs, state.log);
  invariant(rebuilt.ok, `a match state whose log does not replay: ${rebuilt.ok ? '' : rebuilt.message}`);
  const runtime = runtimes.get(rebuilt.value);
  invariant(runtime && rebuilt.value.version === state.version, 'a replayed match has its runtime and version');
  runtimes.delete(rebuilt.value);
  runtimes.set(state, runtime);
  return runtime;
}
