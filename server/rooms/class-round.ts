// A classroom's rounds: starting one for every connected student, the class's one
// pausable clock (the host's pause stops every deadline), moves and overdue requests
// through each student's queue (stored before shown: stored-moves.ts), ending a round
// (the fallback policy places what is left), finishing it (results stored and sent),
// restoring the last one after a restart, and publishing the class-wide pictures at
// most once a second while a round runs. The room hands host actions and moves in.

import type { Client } from '@colyseus/core';
import { refuse, succeed, type Outcome } from '../../shared/core/outcome.ts';
import { COUNT_IN_MS } from '../../shared/match/count-in.ts';
import { requestsPlayed, startMatch, type LoggedMove, type RoundConfig } from '../../shared/match/match.ts';
import type { RefusalMessage } from '../protocol/messages.ts';
import type { Storage } from '../storage/storage.ts';
import { syncTotals, type ClassroomState } from '../state/classroom-state.ts';
import { classTotals, Heat, sumByPlayer, type BoardMode, type PlayerTotal, type RoundScore } from './class-figures.ts';
import type { ClassSeats, Seated } from './class-seats.ts';
import { restoreLastRound, writeRound } from './class-store.ts';
import { MatchClock } from './match-clock.ts';
import { WholeRoundClock } from './round-clock.ts';
import { findClassRound } from '../classroom/round-library.ts';
import type { Seat, SeatMove } from './seat.ts';
import { StoredMoves, type Decided } from './stored-moves.ts';

/**
 * While a round runs, a move only marks the leaderboard and the class figures stale;
 * the tick publishes them at most this often. Rebuilding them on every move sent the
 * whole board to every student up to 20 times a second (about 10 KB/s each in a class of 300).
 */
const CLASS_VIEW_REFRESH_MS = 1000;
/**
 * What every student sees of the class (their rank, the board's top rows, how many are done)
 * is published at most this often while a round runs: at the hosts' pace it cost each of 300
 * students a write and about 50 bytes a second. A mover's own rank goes with their move.
 */
const STUDENT_VIEW_REFRESH_MS = 5000;

/** What the rounds need from their room. */
export interface RoundDeps {
  readonly sessionId: string;
  readonly state: ClassroomState;
  readonly seated: ClassSeats;
  readonly storage: Storage;
  /** Wall time. */
  readonly now: () => number;
  /** Time the class's clock has spent paused so far, as the session's settings keep it. */
  readonly pausedMs: number;
  /** Whether the host had paused the round (a restarted server comes back paused). */
  readonly paused: boolean;
  /** Stores the clock in the session's settings: whether it is paused, and the time spent paused (on resume). */
  readonly saveClock: (clock: { readonly paused?: boolean; readonly pausedMs?: number; readonly roundEndsAt?: number | null }) => Promise<void>;
  /** When the running round's whole-round clock runs out (class match time), as the session's settings keep it. */
  readonly roundEndsAt: number | null;
  readonly boardMode: () => BoardMode;
  /** The host clients whose view holds this student (their page, host-pages.ts): a new heap of theirs goes to them. */
  readonly viewersOf: (playerId: string) => readonly Client[];
  /** Called whenever the class views are published (the projector's comparison follows the class). */
  readonly onClassView?: () => void;
}

const NOT_RUNNING: RefusalMessage = { code: 'round/not_running', message: 'no round is running' };

export class ClassRound {
  private readonly deps: RoundDeps;
  private readonly clock: MatchClock;
  private readonly moves: StoredMoves;
  private config: RoundConfig | null = null;
  /** Whether the running round shows hint markers (a late joiner's seat shows them too). */
  private hints = false;
  /** Where the class put the most recent request. */
  private heat = new Heat();
  /** Whether a move changed scores or placements since the board and figures were last published. */
  private classViewStale = false;
  private classViewAt = 0;
  /** When the students' part of the class views was last published. */
  private studentViewAt = 0;
  /** The whole-round clock of the running round (rounds whose settings give the whole round a time). */
  private readonly roundClock: WholeRoundClock;
  /**
   * Each student's sum over the session's finished rounds (the totals across rounds): one
   * entry a student, not one a result, so a long session holds no more than a short one.
   */
  private totals: ReadonlyMap<string, PlayerTotal> = new Map();
  /** When the running round began, in class time (a round restored after a restart: when it was restored). */
  private startedAt = 0;
  /** Whether the round is being ended (its whole-round clock ran out): the tick does not end it twice. */
  private ending = false;
  /** When the running round's 3-2-1 ends, in class match time ([MATCH-TIME-6]); null once it is over. */
  private countInEnds: number | null = null;

  constructor(deps: RoundDeps) {
    this.deps = deps;
    this.clock = new MatchClock(deps.now, deps.pausedMs);
    // A host pause survives a crash: the class's clock comes back stopped.
    if (deps.paused) this.clock.stop();
    this.roundClock = new WholeRoundClock(deps.roundEndsAt);
    this.moves = new StoredMoves(deps.storage, deps.now);
  }

  /** The current (or last) round's config; null before the first round. */
  get roundConfig(): RoundConfig | null {
    return this.config;
  }

  /** Whether a round has started and is not in its results. */
  running(): boolean {
    return this.config !== null && this.deps.state.phase !== 'results';
  }

  /** The class's match time, which every student's clock follows. */
  now(): number {
    return this.clock.now();
  }

  /** Time the class's clock has stood still (the host's pauses): what wall-clock deadlines are moved by. */
  get pausedMs(): number {
    return this.clock.pausedMs;
  }

  /**
   * Gives a student a fresh heap in the running round, starting now on their own clock (a late
   * joiner, a returning student); the start is stored first, since their replay starts there.
   */
  async seatIn(s: Seated, late = true): Promise<void> {
    // While the round counts in, the student's match starts when the count ends ([MATCH-TIME-6]).
    const now = s.clock.now() + this.countInLeft();
    const started = this.config ? startMatch(this.config, now) : null;
    if (!started?.ok) return;
    const roundNo = this.deps.state.roundNo;
    await this.deps.storage.startSeat({ sessionId: this.deps.sessionId, roundNo, playerId: s.record.playerId, startedAt: now });
    s.lateMs = late ? Math.max(0, this.clock.now() - this.startedAt) : 0;
    this.deps.seated.install(s, started.value, { roundNo, showHints: this.hints, pausedMs: this.clock.pausedMs, hosts: this.deps.viewersOf(s.record.playerId) });
    if (this.countInLeft() > 0 && s.seat) s.seat.view.phase = 'waiting';
  }

  /** Time left of the running round's 3-2-1 (0 once it is over). */
  private countInLeft(): number {
    return this.countInEnds === null ? 0 : Math.max(0, this.countInEnds - this.clock.now());
  }

  /** The 3-2-1 has ended: every waiting heap plays ([MATCH-TIME-6]). */
  private endCountIn(): void {
    this.countInEnds = null;
    this.deps.state.roundStartsAt = 0;
    for (const s of this.deps.seated.playing()) if (s.seat.view.phase === 'waiting') s.seat.view.phase = 'playing';
  }

  /** Whether `s` has no heap in the running round (a returning student who was away when it started). */
  needsSeat(s: Seated): boolean {
    return this.running() && s.seatRound !== this.deps.state.roundNo;
  }

  /** A student's move: refused, or stored and shown; `ack` is told the new version before the class views change. */
  async move(s: Seated, type: SeatMove, raw: unknown, ack: (version: number) => void): Promise<RefusalMessage | null> {
    const refusal = this.moveRefusal(s);
    if (refusal) return refusal;
    // Asked again in the player's queue: the round may have changed while an earlier move was stored.
    const result = await this.change(s, (seat) => this.moveRefusal(s) ?? seat.decide(type, raw, s.clock.now()));
    if (!result) return null;
    if (!result.ok) return result;
    ack(s.seat?.match.version ?? 0);
    this.afterChange(s, result.value);
    return null;
  }

  /** Hands overdue requests to the fallback policy, and publishes the class views when stale. */
  tick(): void {
    if (this.deps.state.phase !== 'playing') return;
    if (this.countInEnds !== null && this.countInLeft() === 0) this.endCountIn();
    // [MATCH-TIME-7] The whole-round time has run out: the round ends as the host ends it.
    if (this.roundClock.isDue(this.clock.now()) && !this.ending) {
      this.ending = true;
      void this.end().finally(() => {
        this.ending = false;
      });
      return;
    }
    for (const s of this.deps.seated.all()) {
      if (!s.seat?.expiryDue(s.clock.now()) || this.moves.busy(s.record.playerId)) continue;
      void this.change(s, (seat) => orNothing(seat.decideExpiry(s.clock.now()))).then((result) => {
        if (result?.ok) this.afterChange(s, result.value);
      });
    }
    const now = this.deps.now();
    if (this.classViewStale && now - this.classViewAt >= CLASS_VIEW_REFRESH_MS) this.publishClassView(now - this.studentViewAt >= STUDENT_VIEW_REFRESH_MS ? 'all' : 'hosts');
  }

  async start(choice: string): Promise<RefusalMessage | null> {
    const { state, seated } = this.deps;
    if (state.phase === 'playing' || state.phase === 'paused') return { code: 'round/running', message: 'end the current round first' };
    const round = await findClassRound(this.deps.storage, this.deps.sessionId, choice);
    if (!round.ok) return round;
    if (state.phase === 'playing' || state.phase === 'paused') return { code: 'round/running', message: 'end the current round first' };
    const roundNo = state.roundNo + 1;
    // [MATCH-TIME-6] The round counts in: its clocks run from the end of the 3-2-1.
    const now = this.clock.now() + COUNT_IN_MS;
    const { config, title, showHints: hints } = round.value;
    const probe = startMatch(config, now);
    if (!probe.ok) return probe;
    await this.deps.storage.startRound({ sessionId: this.deps.sessionId, roundNo, config: writeRound({ config, title, hints, roundId: round.value.id }), startedAt: now, endedAt: null });
    this.roundClock.start(round.value.roundTimeMs, now);
    this.countInEnds = now;
    state.roundStartsAt = this.deps.now() + COUNT_IN_MS;
    await this.deps.saveClock({ roundEndsAt: this.roundClock.endsAt });
    this.config = config;
    this.deps.seated.paceRound(config);
    this.hints = hints;
    state.roundNo = roundNo;
    state.roundTitle = title;
    state.phase = 'playing';
    this.showRoundClock();
    this.startedAt = now;
    for (const s of seated.all()) s.lateMs = 0;
    await Promise.all(seated.all().filter((s) => s.client).map((s) => this.seatIn(s, false)));
    this.heat = new Heat();
    this.publishClassView();
    return null;
  }

  async pause(): Promise<RefusalMessage | null> {
    if (this.deps.state.phase !== 'playing') return NOT_RUNNING;
    this.clock.stop();
    this.deps.state.phase = 'paused';
    for (const s of this.deps.seated.playing()) s.seat.view.phase = 'paused';
    this.showRoundClock();
    await this.deps.saveClock({ paused: true });
    return null;
  }

  async resume(): Promise<RefusalMessage | null> {
    if (this.deps.state.phase !== 'paused' || !this.clock.stopped) return { code: 'round/not_paused', message: 'the round is not paused' };
    await this.deps.saveClock({ paused: false, pausedMs: this.clock.pausedMsIfStartedNow() });
    this.clock.start();
    this.deps.state.phase = 'playing';
    this.showRoundClock();
    for (const s of this.deps.seated.playing()) {
      s.seat.view.phase = 'playing';
      this.deps.seated.showDeadline(s, this.clock.pausedMs);
    }
    return null;
  }

  async end(): Promise<RefusalMessage | null> {
    if (!this.running()) return NOT_RUNNING;
    if (this.clock.stopped) await this.resume();
    // Every match stops where it is and is scored on the part played, as the policies
    // are on the same part ([MATCH-TIME-2], [MATCH-RES-4]): nothing is conceded.
    const now = this.clock.now();
    // Every student's stop at once, each in their own queue (PostgreSQL stores the writes together: group commit).
    await Promise.all(this.deps.seated.all().map(async (s) => {
      await this.change(s, (seat) => orNothing(seat.decideStop(now)));
      this.deps.seated.updateStanding(s);
    }));
    await this.finish();
    return null;
  }

  /** The host's "+N s": the running round's whole-round clock runs `seconds` longer. */
  async extend(seconds: number): Promise<RefusalMessage | null> {
    if (!this.running()) return NOT_RUNNING;
    if (!this.roundClock.extend(seconds * 1000)) return { code: 'round/no_clock', message: 'this round has no whole-round clock to extend' };
    await this.deps.saveClock({ roundEndsAt: this.roundClock.endsAt });
    this.showRoundClock();
    return null;
  }

  /** The whole-round clock as the state shows it: the wall-clock deadline while it runs, the time left. */
  private showRoundClock(): void {
    // During the 3-2-1 the whole-round clock has not started: its whole time is left.
    const shown = this.roundClock.view(Math.max(this.clock.now(), this.countInEnds ?? -Infinity), this.clock.pausedMs, this.clock.stopped);
    this.deps.state.roundDeadline = shown.deadline;
    this.deps.state.roundRemainingMs = shown.remainingMs;
  }

  /** Reads the session's stored results and publishes the totals across its rounds. */
  async loadTotals(): Promise<void> {
    const stored = await this.deps.storage.listResults(this.deps.sessionId);
    this.totals = sumByPlayer(stored.map((r): RoundScore => {
      const result = JSON.parse(r.result) as { nickname?: string; score: number; played?: number };
      return { playerId: r.playerId, nickname: result.nickname ?? '', score: result.score, played: result.played };
    }));
    this.showTotals();
  }

  /** The totals across rounds as the board's mode shows them (the podium's rows). */
  showTotals(): void {
    syncTotals(this.deps.state.totals, classTotals(this.totals, this.deps.boardMode()));
  }

  /** Rebuilds the last round after a restart by replaying each player's logged moves. */
  async restore(): Promise<void> {
    const { state, seated } = this.deps;
    const round = await restoreLastRound(this.deps.storage, this.deps.sessionId, seated.records());
    if (!round) return;
    this.config = round.config;
    this.deps.seated.paceRound(round.config);
    this.hints = round.hints;
    state.roundNo = round.roundNo;
    state.roundTitle = round.title;
    const classNow = this.clock.now();
    this.startedAt = classNow;
    for (const [playerId, match] of round.matches) {
      const s = seated.get(playerId);
      if (!s) continue;
      // Downtime costs nobody: the student's clock comes back where their pending request was
      // given out (its whole time is given back), standing still until they are back.
      s.clock = seated.clockFor(Math.max(0, classNow - (match.pending?.issuedAtMs ?? classNow)));
      seated.install(s, match, { roundNo: round.roundNo, showHints: round.hints, pausedMs: this.clock.pausedMs, hosts: [] });
    }
    state.phase = round.ended ? 'results' : this.clock.stopped ? 'paused' : 'playing';
    if (state.phase === 'paused') for (const s of seated.playing()) s.seat.view.phase = 'paused';
    if (round.ended) this.roundClock.clear();
    this.showRoundClock();
  }

  /** Publishes the class figures and the leaderboard now: to the hosts, or to everyone (the students' ranks and top rows too). */
  publishClassView(audience: 'all' | 'hosts' = 'all'): void {
    this.classViewStale = audience === 'hosts';
    this.classViewAt = this.deps.now();
    if (audience === 'all') this.studentViewAt = this.classViewAt;
    this.deps.seated.publishFigures(this.heat);
    this.deps.seated.publishBoard(this.deps.boardMode(), audience);
    this.deps.onClassView?.();
  }

  /** Why a student cannot move now, or null. */
  private moveRefusal(s: Seated): ({ readonly ok: false } & RefusalMessage) | null {
    if (this.deps.state.phase === 'paused') return refuse('round/paused', 'the host has paused the round');
    if (!s.seat || this.deps.state.phase !== 'playing') return refuse(NOT_RUNNING.code, NOT_RUNNING.message);
    return null;
  }

  /** One change to a student's seat, in their queue: decided on their current match, stored, and only then shown. */
  private change(s: Seated, decide: (seat: Seat) => Decided): Promise<Outcome<LoggedMove, string> | null> {
    if (!s.seat) return Promise.resolve(null);
    return this.moves.change(() => ({ sessionId: this.deps.sessionId, roundNo: this.deps.state.roundNo, playerId: s.record.playerId }), s.seat, decide);
  }

  private afterChange(s: Seated, move: LoggedMove): void {
    const { seated } = this.deps;
    seated.updateStanding(s);
    seated.showOwnRank(s);
    if (s.seat?.isFinished) seated.sendResults(s);
    if (move.type === 'place') this.heat.note(s.record.playerId, move.requestId, move.target);
    this.classViewStale = true;
    if (seated.allFinished()) void this.finish();
  }

  /** The round is over for everyone: stored as ended, results saved, each student sent theirs. */
  private async finish(): Promise<void> {
    const { state, seated, storage, sessionId } = this.deps;
    if (state.phase === 'results') return;
    state.phase = 'results';
    const roundNo = state.roundNo;
    this.countInEnds = null;
    state.roundStartsAt = 0;
    this.roundClock.clear();
    this.showRoundClock();
    await storage.endRound(sessionId, roundNo, this.clock.now());
    await this.deps.saveClock({ roundEndsAt: null });
    this.publishClassView();
    const rows = seated.resultsOf(roundNo).map(({ record, info, seat, standing }) => ({
      sessionId,
      roundNo,
      playerId: record.playerId,
      result: JSON.stringify({
        nickname: record.nickname, utilization: standing.utilization, fragmentation: seat.match.summary.fragmentation, failures: standing.failures,
        fallbacks: seat.match.totals.fallbacks, played: requestsPlayed(seat.match), score: info.score, vsBest: info.vsBest, rank: info.rank,
      }),
    }));
    await storage.saveResults(rows);
    await this.loadTotals();
    // Each student's full results (every policy, the clairvoyant) take a few ms to compute:
    // one student per turn of the event loop, so moves and patches keep flowing.
    for (const s of seated.all()) {
      if (s.resultsSent || !s.seat?.isFinished) continue;
      await new Promise((resolve) => setImmediate(resolve));
      seated.sendResults(s);
    }
    for (const { seat } of seated.playing()) seat.mirror();
  }
}

/** A decision or nothing, as a change's decider answers. */
function orNothing<T>(value: T | null): Outcome<T, string> | null {
  return value === null ? null : succeed(value);
}
