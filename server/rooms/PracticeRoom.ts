// The practice room: one player, one match. Lifecycle and a message table; every
// rule is the match's (shared/match), reached through a Seat. Refusals go back to
// the sender as { code, message } and change nothing. The round's clock stops while
// the player is away (a dropped player may come back for a while) and while they read
// (`pause`/`resume`, sent as the level's explanation opens and closes).

import { Room, ServerError, type Client } from '@colyseus/core';
import { startMatch } from '../../shared/match/match.ts';
import { findLevel, levelPar } from '../../shared/levels/levels.ts';
import { parseClientMessage, type RoomMessageType } from '../protocol/messages.ts';
import type { RoomServices } from '../services.ts';
import { MatchState } from '../state/match-state.ts';
import { MatchClock } from './match-clock.ts';
import { resolveAssignmentRound, resolvePracticeRound } from './practice-rounds.ts';
import { saveAttempt, type AssignmentSeat } from '../classroom/assignments.ts';
import { succeed } from '../../shared/core/outcome.ts';
import { ClientRate, dropUndecodableFrames, refuseTo } from './room-edge.ts';
import { Seat, type SeatMove } from './seat.ts';

/** How often overdue requests are handed to the fallback policy. */
const TICK_MS = 100;
/**
 * Seconds a dropped player has to come back to the same match. The SDK retries by
 * itself with a growing delay (15 tries, about a minute in all); after this the room
 * is gone and the player starts again.
 */
const RECONNECT_SECONDS = 60;

/** How a practice room seats its one player (a test encodes the same seat: test/server/practice-state-size.test.ts). */
export const PRACTICE_SEAT = { rivals: true } as const;

/** Why the clock is stopped: the round has not started yet, the player is away, reading, or several. */
type StopReason = 'starting' | 'away' | 'reading';

/** What onCreate receives: the client's options, and the services given when the room was defined (app.config.ts). */
export type PracticeRoomOptions = Record<string, unknown> & { readonly services?: RoomServices };

export class PracticeRoom extends Room<{ state: MatchState }> {
  override maxClients = 1;
  override state = new MatchState();
  private seat: Seat | null = null;
  private rate!: ClientRate;
  /**
   * The round's clock stops while the player is disconnected or reading: in solo
   * practice nobody else is waiting, so a network blip or the level's explanation
   * must not hand the pending request to the fallback policy. Deadlines are shown in
   * wall time, moved by the time stopped.
   */
  private matchClock!: MatchClock;
  private readonly stops = new Set<StopReason>();
  private services!: RoomServices;
  /** The assignment round this room plays for a student of its class (server/classroom/assignments.ts), or null. */
  private assignment: AssignmentSeat | null = null;
  private attemptKept = false;
  private resultsSent = false;

  override messages = {
    place: (client: Client, raw: unknown) => this.move(client, 'place', raw),
    coalesce: (client: Client, raw: unknown) => this.move(client, 'coalesce', raw),
    release: (client: Client, raw: unknown) => this.move(client, 'release', raw),
    pause: (client: Client, raw: unknown) => this.control(client, 'pause', raw, () => this.stopClock('reading')),
    resume: (client: Client, raw: unknown) => this.control(client, 'resume', raw, () => this.startClock('reading', 'starting')),
    _: (client: Client, type: unknown) => this.rate.refuseUnknown(client, type),
  } satisfies Record<RoomMessageType<'practice'> | '_', unknown>;

  override async onCreate(options: PracticeRoomOptions): Promise<void> {
    const { services, ...joinOptions } = options;
    if (!services) throw new Error('the practice room was defined without its services (app.config.ts)');
    this.services = services;
    this.rate = new ClientRate(services.messageRate, services.now);
    dropUndecodableFrames(this, this.rate);
    this.matchClock = new MatchClock(services.now);
    const homework = await resolveAssignmentRound(joinOptions, services.storage, services.now());
    if (homework && !homework.ok) throw new ServerError(400, `${homework.code}: ${homework.message}`);
    this.assignment = homework?.value ?? null;
    const round = this.assignment ? succeed({ ...this.assignment.round, levelId: undefined }) : resolvePracticeRound(joinOptions);
    if (!round.ok) throw new ServerError(400, `${round.code}: ${round.message}`);
    const started = startMatch(round.value.config, this.matchClock.now());
    if (!started.ok) throw new ServerError(400, `${started.code}: ${started.message}`);
    this.seat = new Seat(started.value, { ...PRACTICE_SEAT, showHints: round.value.showHints, resultsExtras: levelExtras(round.value.levelId) });
    // [MATCH-TIME-5] The player's "no clock" setting: nothing of theirs is ever due.
    if (joinOptions.clock === false) {
      this.seat.timeAllowance = 'none';
      this.seat.mirror();
    }
    this.state = this.seat.view;
    // [MATCH-TIME-4] The clock starts with the player: their first move, or `resume` (after the screen's 3-2-1).
    this.stopClock('starting');
    this.clock.setInterval(() => {
      if (!this.matchClock.stopped && this.seat?.expireIfDue(this.matchClock.now())) {
        this.keepAttempt();
        this.sendResultsOnceOver(this.clients[0]);
      }
    }, TICK_MS);
  }

  /** An assignment round: the student is told who the class takes them for (a new student gets their token). */
  override onJoin(client: Client): void {
    const homework = this.assignment;
    if (!homework) return;
    const { player, token } = homework;
    client.send('welcome', { role: 'student', playerId: player.playerId, nickname: player.nickname, code: homework.code, ...(token ? { token } : {}) });
  }

  /** An assignment round that has just finished is kept as an attempt, once (late after the deadline). */
  private keepAttempt(): void {
    const homework = this.assignment;
    if (!homework || !this.seat?.isFinished || this.attemptKept) return;
    this.attemptKept = true;
    saveAttempt(this.services.storage, homework, this.seat.match, this.services.now()).catch((error: unknown) => {
      console.error('an assignment attempt was not stored', error);
    });
  }

  /** The connection dropped without the player leaving: stop the clock and keep the seat. */
  override async onDrop(client: Client): Promise<void> {
    this.stopClock('away');
    try {
      await this.allowReconnection(client, RECONNECT_SECONDS);
    } catch {
      // They did not come back in time: onLeave follows and the empty room closes.
    }
  }

  /** Back on the same match: the clock runs again, and the deadline shown moves by the time away (and results sent meanwhile come again). */
  override onReconnect(client: Client): void {
    this.startClock('away');
    this.resultsSent = false;
    this.sendResultsOnceOver(client);
  }

  /**
   * Once the round is over, sends the player its results (every policy, the clairvoyant,
   * the replay) as a `results` message, once: they are too large for the synced state.
   */
  private sendResultsOnceOver(client: Client | undefined): void {
    if (this.resultsSent || !client || !this.seat?.isFinished) return;
    this.resultsSent = true;
    client.send('results', this.seat.results());
  }

  override onLeave(client: Client): void {
    this.rate.forget(client);
  }

  private stopClock(reason: StopReason): void {
    this.stops.add(reason);
    this.matchClock.stop();
    this.showStopped();
  }

  /** Drops reasons; when none is left the clock runs again and the deadline shown moves by the time stopped. */
  private startClock(...reasons: StopReason[]): void {
    for (const reason of reasons) this.stops.delete(reason);
    if (this.stops.size === 0 && this.matchClock.stopped) {
      this.matchClock.start();
      if (this.seat) this.seat.clockOffsetMs = this.matchClock.pausedMs;
    }
    this.showStopped();
  }

  /**
   * The synced phase says 'paused' while the player reads (the timer bar stands still; moves
   * wait for `resume`) and 'waiting' until the round has started.
   */
  private showStopped(): void {
    if (!this.seat) return;
    const view = this.seat.view;
    if (view.phase !== 'done') view.phase = this.stops.has('reading') ? 'paused' : this.stops.has('starting') ? 'waiting' : 'playing';
    this.seat.mirror();
  }

  /** `pause` / `resume`: an empty body, rate-limited like moves; refused once the round is over. */
  private control(client: Client, type: 'pause' | 'resume', raw: unknown, act: () => void): void {
    if (!this.rate.admit(client)) return;
    const parsed = parseClientMessage(type, raw);
    if (!parsed.ok) return refuseTo(client, parsed);
    if (!this.seat || this.seat.isFinished) return refuseTo(client, { code: 'match/over', message: 'the round is over' });
    act();
  }

  private move(client: Client, type: SeatMove, raw: unknown): void {
    if (!this.rate.admit(client) || !this.seat) return;
    if (this.stops.has('reading')) {
      return refuseTo(client, { code: 'round/paused', message: 'the round is paused while you read; close the explanation to play' });
    }
    if (this.stops.has('starting')) this.startClock('starting');
    const result = this.seat.play(type, raw, this.matchClock.now());
    if (!result.ok) return refuseTo(client, result);
    this.keepAttempt();
    this.sendResultsOnceOver(client);
  }
}

/** A level's par and star thresholds, sent with the results so the player sees their stars. */
function levelExtras(levelId: string | undefined): Record<string, unknown> {
  if (!levelId) return {};
  const level = findLevel(levelId);
  if (!level.ok) return {};
  const par = levelPar(level.value);
  return par.ok ? { level: { id: levelId, title: level.value.title, par: { policy: par.value.policy, score: par.value.score }, stars: par.value.stars } } : {};
}
