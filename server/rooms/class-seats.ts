// The students of a classroom and what the class sees of them: each student's record,
// connection, seat (their match) and synced entries (PlayerInfo, their heap), and the
// class-wide pictures published from them (the leaderboard with the ranks, the
// utilization histogram, the heat map: class-figures.ts decides them, this copies
// them into the synced state). Who sees which entry is the StateView's: a student
// their own, the host all of them.

import type { TimeAllowance } from '../../shared/match/time-allowance.ts';
import type { Client } from '@colyseus/core';
import { requestsPlayed, type MatchState as Match, type RoundConfig } from '../../shared/match/match.ts';
import { roundPace, type RoundPace } from '../../shared/match/pace.ts';
import type { PlayerRecord } from '../storage/storage.ts';
import type { RefusalMessage, ReplayMessage } from '../protocol/messages.ts';
import { PlayerInfo, PrivateInfo, syncLeaderboard, type ClassroomState } from '../state/classroom-state.ts';
import { syncNumbers } from '../state/match-state.ts';
import { classBoard, classExtent, heatMapBins, SHARED_BOARD_ROWS, standingOf, utilizationHistogram, type BoardMode, type Heat, type Standing } from './class-figures.ts';
import { Seat } from './seat.ts';
import { MatchClock } from './match-clock.ts';

export interface Seated {
  /** As stored; replaced when the host changes it (a time allowance). */
  record: PlayerRecord;
  client: Client | null;
  seat: Seat | null;
  /** The round the seat belongs to (a seat from an earlier round is not played in this one). */
  seatRound: number;
  /**
   * The student's own clock, on the class's: it stands still while they are away (a
   * dropped connection, a closed tab, a restarted server), so an outage costs no deadline.
   */
  clock: MatchClock;
  readonly info: PlayerInfo;
  /** What only the host sees of them (CLASS-SID-3). */
  readonly privateInfo: PrivateInfo;
  /** Whether this player's client has had their finished round's full results. */
  resultsSent: boolean;
  /** How long after the round began they joined it, in class time (0: from its start); the roster's `late` order. */
  lateMs: number;
  /** Their figures in the current (or last) round; what no screen shows (utilization, failures) stays here, off the wire. */
  standing: Standing;
}

/** A student's standing before they have a heap. */
const NO_STANDING: Standing = { score: 0, vsBest: 0, played: 0, utilization: 0, failures: 0, placed: 0, finished: false };

/** A student with a heap in the current (or last) round. */
export type Playing = Seated & { seat: Seat };

/** Adds a synced entry to a client's view unless it is there already (adding again would send it again). */
function showOnce(client: Client, ref: Parameters<NonNullable<Client['view']>['add']>[0]): void {
  if (client.view && !client.view.has(ref)) client.view.add(ref);
}

export class ClassSeats {
  private readonly state: ClassroomState;
  /** The class's match time, which each student's clock follows. */
  private readonly classNow: () => number;
  private readonly byId = new Map<string, Seated>();
  /** Students the host removed: off the board, but their play still counts in the round's stored results. */
  private readonly removed: Seated[] = [];

  constructor(state: ClassroomState, classNow: () => number) {
    this.state = state;
    this.classNow = classNow;
  }

  /** A clock on the class's for one student, `behind` ms behind it, standing still until started. */
  clockFor(behind = 0): MatchClock {
    const clock = new MatchClock(this.classNow, behind);
    clock.stop();
    return clock;
  }

  get size(): number {
    return this.byId.size;
  }

  get(playerId: string): Seated | undefined {
    return this.byId.get(playerId);
  }

  all(): Seated[] {
    return [...this.byId.values()];
  }

  records(): PlayerRecord[] {
    return this.all().map((s) => s.record);
  }

  /** The students with a heap in the current (or last) round. */
  playing(): Playing[] {
    return this.all().filter((s): s is Playing => s.seat !== null);
  }

  /** Whether every student with a heap has finished the round (asked after every move: no list is made). */
  allFinished(): boolean {
    for (const s of this.byId.values()) if (s.seat && !s.seat.isFinished) return false;
    return true;
  }

  /** Seats a student (not yet connected, no heap) and syncs their entry. */
  add(record: PlayerRecord): Seated {
    const info = new PlayerInfo();
    info.playerId = record.playerId;
    info.nickname = record.nickname;
    info.connected = false;
    info.timeAllowance = record.timeAllowance ?? 'standard';
    const privateInfo = new PrivateInfo();
    privateInfo.studentId = record.studentId ?? '';
    const s: Seated = { record, client: null, seat: null, seatRound: 0, clock: this.clockFor(), info, privateInfo, resultsSent: false, lateMs: 0, standing: NO_STANDING };
    this.byId.set(record.playerId, s);
    this.state.players.set(record.playerId, info);
    this.state.privateInfo.set(record.playerId, privateInfo);
    this.state.playerCount = this.byId.size;
    return s;
  }

  /** Takes a student out of the class and out of the synced state (their round so far still counts in its results). */
  remove(playerId: string): void {
    const s = this.byId.get(playerId);
    if (s) this.removed.push(s);
    this.byId.delete(playerId);
    this.state.players.delete(playerId);
    this.state.privateInfo.delete(playerId);
    this.state.heaps.delete(playerId);
    this.state.playerCount = this.byId.size;
  }

  /** Every student with a heap in round `roundNo`, the removed ones included: whose results the round stores. */
  resultsOf(roundNo: number): Playing[] {
    return [...this.playing(), ...this.removed].filter((s): s is Playing => s.seat !== null && s.seatRound === roundNo);
  }

  /**
   * Gives `s` a seat on `match` in round `roundNo`, shown to them and to `hosts`; deadlines are
   * shown on the wall clock, behind which match time runs by the class's pauses (`pausedMs`) and the student's own.
   */
  install(s: Seated, match: Match, options: { readonly roundNo: number; readonly showHints: boolean; readonly pausedMs: number; readonly hosts: readonly Client[] }): void {
    const seat = new Seat(match, { showHints: options.showHints });
    s.seat = seat;
    seat.timeAllowance = s.record.timeAllowance ?? 'standard';
    s.seatRound = options.roundNo;
    this.showDeadline(s, options.pausedMs);
    s.resultsSent = false;
    this.state.heaps.set(s.record.playerId, seat.view);
    s.client?.view?.add(seat.view);
    for (const host of options.hosts) host.view?.add(seat.view);
    this.updateStanding(s);
  }

  /** The host gave the student a time allowance ([MATCH-TIME-5]), already stored: their deadlines follow it from now on. */
  allowTime(s: Seated, allowance: TimeAllowance, classPausedMs: number): void {
    s.record = { ...s.record, timeAllowance: allowance };
    s.info.timeAllowance = allowance;
    if (s.seat) s.seat.timeAllowance = allowance;
    this.showDeadline(s, classPausedMs);
  }

  /** Shows a student's deadline on the wall clock: moved by the class's pauses and the time their own clock stood still. */
  showDeadline(s: Seated, classPausedMs: number): void {
    if (!s.seat) return;
    s.seat.clockOffsetMs = classPausedMs + s.clock.pausedMs;
    s.seat.mirror();
  }

  /** Lets `client` see a student's entry and heap. */
  showTo(client: Client, s: Seated): void {
    showOnce(client, s.info);
    if (s.seat) showOnce(client, s.seat.view);
  }

  /** Lets a host see a student's entry, heap and private identifier (CLASS-SID-3: never a student). */
  showToHost(host: Client, s: Seated): void {
    this.showTo(host, s);
    showOnce(host, s.privateInfo);
  }

  /** The round's pace: what every student's figure is measured against (SC-7), computed once per round. */
  private pace: RoundPace | null = null;

  /** A new round (or one restored): its pace is computed once, here. */
  paceRound(config: RoundConfig): void {
    const pace = roundPace(config);
    if (!pace.ok) console.error(`no pace for the round: ${pace.code}: ${pace.message}`);
    this.pace = pace.ok ? pace.value : null;
  }

  /** Copies a student's standing (score against the pace, utilization, …) from their match into their entry. */
  updateStanding(s: Seated): void {
    if (!s.seat) return;
    const standing = (s.standing = standingOf(s.seat.match, this.pace));
    s.info.score = standing.score;
    s.info.vsBest = standing.vsBest;
    s.info.placed = standing.placed;
    s.info.finished = standing.finished;
  }

  /** Sends a student their finished round's full results, once (and again when they rejoin). */
  sendResults(s: Seated): void {
    if (s.resultsSent || !s.seat?.isFinished || !s.client) return;
    s.resultsSent = true;
    s.client.send('results', s.seat.results());
  }

  /**
   * `host:replay`: sends `host` a student's finished round (their results with the config and
   * move log the replay steps through), its words naming the student. Refused while they play.
   */
  sendReplay(host: Client, playerId: string, title: string): RefusalMessage | null {
    const s = this.byId.get(playerId);
    if (!s) return { code: 'player/unknown', message: 'there is no such player in this class' };
    if (!s.seat?.isFinished) return { code: 'replay/not_ready', message: `${s.record.nickname}'s round is not over yet` };
    // Written for the host: the same figures, in words about the student ([SC-11]).
    host.send('replay', { playerId, nickname: s.record.nickname, title, results: s.seat.results(s.record.nickname) } satisfies ReplayMessage);
    return null;
  }

  /** Each student's rank as the class was last ranked (`publishBoard`). */
  private ranks: ReadonlyMap<string, number> = new Map();

  /**
   * Ranks the class and publishes the whole board to the hosts. With `audience` 'all' it also
   * publishes what every student sees of it: each one's rank, the board's top rows and how
   * many are done. Those reach every student's screen, so a round running publishes them less
   * often than the hosts' board (class-round.ts); meanwhile a student's own rank goes with
   * their own move (`showOwnRank`), in the write that answers it.
   */
  publishBoard(mode: BoardMode, audience: 'all' | 'hosts' = 'all'): void {
    const playing = this.playing();
    const entries = playing.map((s) => ({ playerId: s.record.playerId, nickname: s.record.nickname, score: s.info.score, vsBest: s.info.vsBest, played: requestsPlayed(s.seat.match) }));
    const board = classBoard(entries, mode);
    this.ranks = board.ranks;
    syncLeaderboard(this.state.figures.board, board.rows);
    if (audience === 'hosts') return;
    for (const s of playing) this.showOwnRank(s);
    const finished = playing.filter((s) => s.info.finished).length;
    if (this.state.finishedCount !== finished) this.state.finishedCount = finished;
    syncLeaderboard(this.state.leaderboard, board.rows.slice(0, SHARED_BOARD_ROWS));
  }

  /** Shows a student their rank as the class was last ranked (a student who has played nothing since has none). */
  showOwnRank(s: Seated): void {
    const rank = s.seat ? (this.ranks.get(s.record.playerId) ?? 0) : 0;
    if (s.info.rank !== rank) s.info.rank = rank;
  }

  /** Publishes the heat map (once a request has been placed) and the utilization histogram. */
  publishFigures(heat: Heat): void {
    const playing = this.playing();
    const figures = this.state.figures;
    if (heat.requestId >= 0) {
      const extent = classExtent(playing.map((s) => s.seat.match.heap));
      figures.heatMapRequest = heat.requestId;
      figures.heatMapBytes = extent;
      syncNumbers(figures.heatMap, heatMapBins(heat.places(), extent));
    }
    syncNumbers(figures.utilizationHistogram, utilizationHistogram(playing.map((s) => s.standing.utilization)));
  }
}
