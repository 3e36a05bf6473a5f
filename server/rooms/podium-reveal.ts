// The podium reveal (`host:podium`, shared/score SC-10): the host asks once the session's
// rounds are over; the room freezes who stands on the podium (ranks 1 to 3 of the totals
// across the rounds, as the board's mode names them) and steps the synced reveal on its
// tick: a countdown, then the places from the lowest to the first. Every screen draws it
// from the state; a new round or another projector choice puts it away. What was frozen and
// when the reveal began are kept with the session's settings (`StoredPodium`), so a
// restarted server shows the podium as it was: the reveal goes on from where its time has
// come to, places already up stay up, and no countdown starts again.

import { podiumPlaces, revealAt } from '../../shared/score/podium.ts';
import type { RefusalMessage } from '../protocol/messages.ts';
import { syncTotals, type PodiumReveal, type TotalRow } from '../state/classroom-state.ts';

/** A row of the frozen podium, as stored. */
export interface PodiumRow {
  readonly rank: number;
  readonly name: string;
  readonly total: number;
  readonly rounds: number;
}

/** The reveal as the session's settings keep it: who stands on the podium, and the wall time the host asked. */
export interface StoredPodium {
  readonly startedAt: number;
  readonly rows: readonly PodiumRow[];
}

export class PodiumRevealer {
  private readonly podium: PodiumReveal;
  private readonly now: () => number;
  /** Wall time the host asked for the reveal, or null when none runs. */
  private startedAt: number | null = null;
  private places = 0;

  /** `stored`: the reveal the session's settings kept (a restarted server's), or null. */
  constructor(podium: PodiumReveal, now: () => number, stored: StoredPodium | null = null) {
    this.podium = podium;
    this.now = now;
    this.show(stored);
  }

  /**
   * The reveal the host asks for, frozen now on `totals` (the synced totals across rounds),
   * to store and then `show`; refused while a round runs or with nobody to stand on it.
   */
  plan(totals: readonly TotalRow[], roundRunning: boolean): StoredPodium | RefusalMessage {
    if (roundRunning) return { code: 'round/running', message: 'end the current round first' };
    const places = podiumPlaces(totals);
    if (places.length === 0) return { code: 'podium/empty', message: 'nobody has a total yet: the podium comes after a round (and not while the leaderboard is hidden)' };
    const rows = [...places].reverse().flat().map((r) => ({ rank: r.rank, name: r.name, total: r.total, rounds: r.rounds }));
    return { startedAt: this.now(), rows };
  }

  /** Shows `stored` on every screen, stepped to where its time has come (null: none). */
  show(stored: StoredPodium | null): void {
    if (!stored || stored.rows.length === 0) return this.clear();
    syncTotals(this.podium.rows, stored.rows);
    this.places = podiumPlaces(stored.rows).length;
    this.startedAt = stored.startedAt;
    this.tick();
  }

  /** Whether a reveal is up (running or done). */
  get isUp(): boolean {
    return this.podium.stage !== '';
  }

  /** Steps the synced reveal to where it is now (the room's tick calls this). */
  tick(): void {
    if (this.startedAt === null) return;
    const step = revealAt(this.now() - this.startedAt, this.places);
    if (this.podium.stage !== step.stage) this.podium.stage = step.stage;
    if (this.podium.count !== step.count) this.podium.count = step.count;
    if (this.podium.revealed !== step.revealed) this.podium.revealed = step.revealed;
    if (step.stage === 'done') this.startedAt = null;
  }

  /** Puts the podium away (a new round, another projector choice); the caller stores that. */
  clear(): void {
    this.startedAt = null;
    this.places = 0;
    Object.assign(this.podium, { stage: '', count: 0, revealed: 0 });
    syncTotals(this.podium.rows, []);
  }
}
