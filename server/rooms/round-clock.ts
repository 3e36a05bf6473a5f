// A class round's whole-round clock (a round's settings may give the whole round a time:
// shared/match/round-settings.ts): when it ends, in class match time (so the host's pause
// stops it), "+N s" from the host, whether it has run out, and what the synced state
// shows of it (the wall-clock deadline while it runs, the time left). The room ends the
// round when it runs out, as the host's "end round" does (MATCH-TIME-2).

export interface RoundClockView {
  /** Wall time the round ends at while it runs; 0 while paused or without a whole-round clock. */
  readonly deadline: number;
  /** Milliseconds left (frozen while paused); 0 without a whole-round clock. */
  readonly remainingMs: number;
}

export class WholeRoundClock {
  /** When the round ends, in class match time; null without a whole-round clock. */
  private end: number | null;

  constructor(endsAt: number | null = null) {
    this.end = endsAt;
  }

  get endsAt(): number | null {
    return this.end;
  }

  /** A new round: `limitMs` from `now` (match time), or no clock. */
  start(limitMs: number | null, now: number): void {
    this.end = limitMs === null ? null : now + limitMs;
  }

  /** Gives the round `ms` more; false when it has no whole-round clock. */
  extend(ms: number): boolean {
    if (this.end === null) return false;
    this.end += ms;
    return true;
  }

  clear(): void {
    this.end = null;
  }

  isDue(now: number): boolean {
    return this.end !== null && now >= this.end;
  }

  /** What the state shows at match time `now`, with the class's clock having stood still `pausedMs` (and `stopped` now). */
  view(now: number, pausedMs: number, stopped: boolean): RoundClockView {
    if (this.end === null) return { deadline: 0, remainingMs: 0 };
    return { deadline: stopped ? 0 : this.end + pausedMs, remainingMs: Math.max(0, this.end - now) };
  }
}
