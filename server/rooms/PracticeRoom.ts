// The practice room: one player, one match. Lifecycle and a message table; every
// rule is the match's (shared/match), reached through a Seat. Refusals go back to
// the sender as { code, message } and change nothing. A dropped player may come
// back for a while, and the round's clock stops while they are away.

import { Room, ServerError, type Client } from '@colyseus/core';
import { startMatch } from '../../shared/match/match.ts';
import { TokenBucket } from '../protocol/rate-limit.ts';
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
   * The round's clock stops while the player is disconnected: in solo practice
   * nobody else is waiting, so a network blip must not hand the pending request to
   * the fallback policy. Match time = wall time - pausedMs (frozen at droppedAt while
   * away), as the classroom does for a host's pause; deadlines are shown in wall time.
   */
  private pausedMs = 0;
  private droppedAt: number | null = null;

  override messages = {
    place: (client: Client, raw: unknown) => this.handle(client, (seat, now) => seat.place(raw, now)),
    coalesce: (client: Client, raw: unknown) => this.handle(client, (seat, now) => seat.coalesce(raw, now)),
    release: (client: Client, raw: unknown) => this.handle(client, (seat, now) => seat.release(raw, now)),
    _: (client: Client, type: unknown) => {
      refuseTo(client, { code: 'message/unknown_type', message: `there is no message called ${JSON.stringify(String(type).slice(0, 40))}` });
    },
  };

  override onCreate(options: unknown): void {
    const round = resolvePracticeRound(options);
    if (!round.ok) throw new ServerError(400, `${round.code}: ${round.message}`);
    const started = startMatch(round.value.config, this.matchNow());
    if (!started.ok) throw new ServerError(400, `${started.code}: ${started.message}`);
    this.seat = new Seat(started.value, { showHints: round.value.showHints, resultsExtras: levelExtras(round.value.levelId) });
    this.state = this.seat.view;
    this.clock.setInterval(() => {
      if (this.droppedAt === null) this.seat?.expireIfDue(this.matchNow());
    }, TICK_MS);
  }

  /** The connection dropped without the player leaving: stop the clock and keep the seat. */
  override async onDrop(client: Client): Promise<void> {
    this.droppedAt ??= Date.now();
    try {
      await this.allowReconnection(client, RECONNECT_SECONDS);
    } catch {
      // They did not come back in time: onLeave follows and the empty room closes.
    }
  }

  /** Back on the same match: the clock runs again, and the deadline shown moves by the time away. */
  override onReconnect(): void {
    if (this.droppedAt === null) return;
    this.pausedMs += Date.now() - this.droppedAt;
    this.droppedAt = null;
    if (this.seat) {
      this.seat.clockOffsetMs = this.pausedMs;
      this.seat.mirror();
    }
  }

  override onLeave(client: Client): void {
    this.buckets.delete(client.sessionId);
  }

  /** Match time: wall time minus the time spent disconnected. */
  private matchNow(): number {
    return (this.droppedAt ?? Date.now()) - this.pausedMs;
  }

  private handle(client: Client, act: (seat: Seat, nowMs: number) => { ok: boolean; code?: string; message?: string }): void {
    const now = Date.now();
    if (!this.admit(client, now)) {
      refuseTo(client, { code: 'message/rate_limited', message: 'too many moves at once; slow down a little' });
      return;
    }
    if (!this.seat) return;
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
