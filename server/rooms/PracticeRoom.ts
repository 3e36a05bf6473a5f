// The practice room: one player, one match. Lifecycle and a message table; every
// rule is the match's (shared/match), reached through a Seat. Refusals go back to
// the sender as { code, message } and change nothing. The round's clock stops while
// the player is away (a dropped player may come back for a while) and while they read
// (`pause`/`resume`, sent as the level's explanation opens and closes).

import { Room, ServerError, type Client } from '@colyseus/core';
import { startMatch } from '../../shared/match/match.ts';
import { TokenBucket } from '../protocol/rate-limit.ts';
import { EMPTY_SHAPE, parseMessage } from '../protocol/validate.ts';
import { getServices } from '../services.ts';
import { MatchState } from '../state/match-state.ts';
import { resolvePracticeRound } from './practice-rounds.ts';
import { findLevel, levelPar } from '../../shared/levels/levels.ts';
import { Seat, type RefusalMessage } from './seat.ts';

/** How often overdue requests are handed to the fallback policy. */
const TICK_MS = 100;
/**
 * Seconds a dropped player has to come back to the same match. The SDK retries by
 * itself with a growing delay (15 tries, about a minute in all); after this the room
 * is gone and the player starts again.
 */
const RECONNECT_SECONDS = 60;

export class PracticeRoom extends Room<{ state: MatchState }> {
  override maxClients = 1;
  override state = new MatchState();
  private seat: Seat | null = null;
  private readonly buckets = new Map<string, TokenBucket>();
  /**
   * The round's clock stops while the player is disconnected or reading: in solo
   * practice nobody else is waiting, so a network blip or the level's explanation
   * must not hand the pending request to the fallback policy. Match time = wall time -
   * pausedMs (frozen at stoppedAt while stopped), as the classroom does for a host's
   * pause; deadlines are shown in wall time.
   */
  private pausedMs = 0;
  private stoppedAt: number | null = null;
  /** Why the clock is stopped now: the player is away, reading, or both. */
  private readonly stops = new Set<'away' | 'reading'>();

  override messages = {
    place: (client: Client, raw: unknown) => this.handle(client, (seat, now) => seat.place(raw, now)),
    coalesce: (client: Client, raw: unknown) => this.handle(client, (seat, now) => seat.coalesce(raw, now)),
    release: (client: Client, raw: unknown) => this.handle(client, (seat, now) => seat.release(raw, now)),
    pause: (client: Client, raw: unknown) => this.control(client, raw, () => this.stopClock('reading')),
    resume: (client: Client, raw: unknown) => this.control(client, raw, () => this.startClock('reading')),
    _: (client: Client, type: unknown) => {
      refuseTo(client, { code: 'message/unknown_type', message: `there is no message called ${JSON.stringify(String(type).slice(0, 40))}` });
    },
  };

  override onCreate(options: unknown): void {
    const round = resolvePracticeRound(options);
    if (!round.ok) throw new ServerError(400, `${round.code}: ${round.message}`);
    const started = startMatch(round.value.config, this.matchNow());
    if (!started.ok) throw new ServerError(400, `${started.code}: ${started.message}`);
    this.seat = new Seat(started.value, { showHints: round.value.showHints, resultsExtras: levelExtras(round.value.levelId), rivals: true });
    this.state = this.seat.view;
    this.clock.setInterval(() => {
      if (this.stoppedAt === null) this.seat?.expireIfDue(this.matchNow());
    }, TICK_MS);
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

  /** Back on the same match: the clock runs again, and the deadline shown moves by the time away. */
  override onReconnect(): void {
    this.startClock('away');
  }

  override onLeave(client: Client): void {
    this.buckets.delete(client.sessionId);
  }

  /** Match time: wall time minus the time the clock stood still. */
  private matchNow(): number {
    return (this.stoppedAt ?? Date.now()) - this.pausedMs;
  }

  private stopClock(reason: 'away' | 'reading'): void {
    this.stops.add(reason);
    this.stoppedAt ??= Date.now();
    this.showStopped();
  }

  /** Drops one reason; when none is left the clock runs again and the deadline shown moves by the time stopped. */
  private startClock(reason: 'away' | 'reading'): void {
    this.stops.delete(reason);
    if (this.stops.size > 0 || this.stoppedAt === null) return this.showStopped();
    this.pausedMs += Date.now() - this.stoppedAt;
    this.stoppedAt = null;
    if (this.seat) this.seat.clockOffsetMs = this.pausedMs;
    this.showStopped();
  }

  /** The synced phase says 'paused' while the player reads (the timer bar stands still); moves wait for `resume`. */
  private showStopped(): void {
    if (!this.seat) return;
    const view = this.seat.view;
    if (view.phase !== 'done') view.phase = this.stops.has('reading') ? 'paused' : 'playing';
    this.seat.mirror();
  }

  /** `pause` / `resume`: an empty body, rate-limited like moves; refused once the round is over. */
  private control(client: Client, raw: unknown, act: () => void): void {
    if (!this.admit(client, Date.now())) return refuseTo(client, { code: 'message/rate_limited', message: 'too many moves at once; slow down a little' });
    const parsed = parseMessage(EMPTY_SHAPE, raw);
    if (!parsed.ok) return refuseTo(client, { code: parsed.code, message: parsed.message });
    if (!this.seat || this.seat.isFinished) return refuseTo(client, { code: 'match/over', message: 'the round is over' });
    act();
  }

  private handle(client: Client, act: (seat: Seat, nowMs: number) => { ok: boolean; code?: string; message?: string }): void {
    const now = Date.now();
    if (!this.admit(client, now)) {
      refuseTo(client, { code: 'message/rate_limited', message: 'too many moves at once; slow down a little' });
      return;
    }
    if (!this.seat) return;
    if (this.stops.has('reading')) {
      refuseTo(client, { code: 'round/paused', message: 'the round is paused while you read; close the explanation to play' });
      return;
    }
    const result = act(this.seat, this.matchNow());
    if (!result.ok) refuseTo(client, { code: result.code ?? 'move/refused', message: result.message ?? 'that move was refused' });
  }

  private admit(client: Client, now: number): boolean {
    let bucket = this.buckets.get(client.sessionId);
    if (!bucket) {
      bucket = new TokenBucket(getServices().messageRate, now);
      this.buckets.set(client.sessionId, bucket);
    }
    return bucket.take(now);
  }
}

function refuseTo(client: Client, refusal: RefusalMessage): void {
  client.send('refused', refusal);
}

/** A level's par and star thresholds, sent with the results so the player sees their stars. */
function levelExtras(levelId: string | undefined): Record<string, unknown> {
  if (!levelId) return {};
  const level = findLevel(levelId);
  if (!level.ok) return {};
  const par = levelPar(level.value);
  return par.ok ? { level: { id: levelId, title: level.value.title, par: { policy: par.value.policy, score: par.value.score }, stars: par.value.stars } } : {};
}
