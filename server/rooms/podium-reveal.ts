// The podium reveal (`host:podium`, shared/score SC-10): the host asks once the session's
// rounds are over; the room freezes who stands on the podium (ranks 1 to 3 of the totals
// across the rounds, as the board's mode names them) and steps the synced reveal on its
// tick: a countdown, then the places from the lowest to the first. Every screen draws it
// from the state; a new round or another projector choice puts it away.

import { podiumPlaces, revealAt } from '../../shared/score/podium.ts';
import type { RefusalMessage } from '../protocol/messages.ts';
import { syncTotals, type PodiumReveal, type TotalRow } from '../state/classroom-state.ts';

export class PodiumRevealer {
  private readonly podium: PodiumReveal;
  private readonly now: () => number;
  /** Wall time the host asked for the reveal, or null when none runs. */
  private startedAt: number | null = null;
  private places = 0;

  constructor(podium: PodiumReveal, now: () => number) {
    this.podium = podium;
    this.now = now;
    this.clear();
  }

  /** Starts the reveal on `totals` (the synced totals across rounds); refused while a round runs or with nobody to stand on it. */
  start(totals: readonly TotalRow[], roundRunning: boolean): RefusalMessage | null {
    if (roundRunning) return { code: 'round/running', message: 'end the current round first' };
    const places = podiumPlaces(totals);
    if (places.length === 0) return { code: 'podium/empty', message: 'nobody has a total yet: the podium comes after a round (and not while the leaderboard is hidden)' };
    syncTotals(this.podium.rows, [...places].reverse().flat().map((r) => ({ rank: r.rank, name: r.name, total: r.total, rounds: r.rounds })));
    this.places = places.length;
    this.startedAt = this.now();
    this.tick();
    return null;
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

  /** Puts the podium away (a new round, another projector choice). */
  clear(): void {
    this.startedAt = null;
    this.places = 0;
    Object.assign(this.podium, { stage: '', count: 0, revealed: 0 });
    syncTotals(this.podium.rows, []);
  }
}
