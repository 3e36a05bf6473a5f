// The one pausable clock both rooms keep their rounds on. Match time = wall time
// minus the time the clock stood still, so a stop freezes every deadline and a
// restart moves them later by the time stopped. Wall time comes in from the room's
// services (never Date.now() here), so tests can drive it.

export class MatchClock {
  private readonly wallNow: () => number;
  /** Wall time spent stopped, over the stops that have ended. */
  private pausedTotal: number;
  /** When the current stop began (wall time); null while the clock runs. */
  private stoppedAt: number | null = null;

  /** `pausedMs`: time already spent stopped (a classroom restored from storage carries its own). */
  constructor(wallNow: () => number, pausedMs = 0) {
    this.wallNow = wallNow;
    this.pausedTotal = pausedMs;
  }

  /** Match time: frozen at the stop's start while stopped. */
  now(): number {
    return (this.stoppedAt ?? this.wallNow()) - this.pausedTotal;
  }

  get stopped(): boolean {
    return this.stoppedAt !== null;
  }

  /** Time spent stopped over the stops that have ended: what deadlines shown in wall time are moved by. */
  get pausedMs(): number {
    return this.pausedTotal;
  }

  /** Time spent stopped if the clock were restarted now (counts the current stop). */
  pausedMsIfStartedNow(): number {
    return this.pausedTotal + (this.stoppedAt === null ? 0 : this.wallNow() - this.stoppedAt);
  }

  /** Stops the clock; stopping a stopped clock changes nothing. */
  stop(): void {
    this.stoppedAt ??= this.wallNow();
  }

  /** Restarts the clock; the time stopped joins `pausedMs`. Starting a running clock changes nothing. */
  start(): void {
    if (this.stoppedAt === null) return;
    this.pausedTotal = this.pausedMsIfStartedNow();
    this.stoppedAt = null;
  }
}
