// The play screen's meter readings from the synced match: the gauge, the best built-in
// policy so far (practice rounds with a fixed stream), and the timer bar, which counts
// down to the pending request's deadline and stands still while the round is paused
// (the server moves the deadline on by the pause when the round resumes).

import type { MatchState } from '../../../../server/state/match-state.ts';
import { externalFragmentation, utilization } from '../../../../shared/core/metrics.ts';
import type { KindView } from '../../../../shared/match/kind-view.ts';
import { policyLabel } from '../../../../shared/match/kinds.ts';
import type { MeterReadings } from '../../views/MetersView.ts';

function isKnownKind(kind: string): kind is 'freelist' | 'buddy' | 'slab' | 'arena' {
  return kind === 'freelist' || kind === 'buddy' || kind === 'slab' || kind === 'arena';
}

/** The timer bar's clock: what is left of the pending request's time, frozen while paused. */
export class RoundTimer {
  /** The pending request the bar is counting down, and its full span on this clock. */
  private timed = { id: -1, spanMs: 1 };
  /** What the bar showed when the round was paused (ms left), held until it resumes. */
  private frozenLeftMs: number | null = null;

  /** The bar's reading at `now` (ms since the epoch), or null when the request is untimed. */
  reading(m: MatchState, paused: boolean, now: number): { remaining: number; total: number } | null {
    if (!m.hasPending || !m.pending.deadline || !(m.phase === 'playing' || paused)) return null;
    if (!paused) this.frozenLeftMs = null;
    else this.frozenLeftMs ??= Math.max(0, m.pending.deadline - now);
    const left = this.frozenLeftMs ?? Math.max(0, m.pending.deadline - now);
    if (this.timed.id !== m.pending.id) this.timed = { id: m.pending.id, spanMs: Math.max(1, left) };
    return { remaining: left / 1000, total: this.timed.spanMs / 1000 };
  }
}

/** The meters' readings from the synced gauge and kind view. */
export function meterReadings(m: MatchState, view: KindView | null, timer: MeterReadings['timer']): MeterReadings {
  const g = m.meters;
  const best = [...(m.rivals ?? [])].sort((a, b) => b.utilization - a.utilization)[0];
  return {
    kind: isKnownKind(m.kind) ? m.kind : 'freelist',
    internalBytes: g.internalBytes,
    ...(view?.kind === 'slab' ? { pages: view.pages } : {}),
    rival: best ? { name: policyLabel(best.policy), utilization: best.utilization } : null,
    utilization: utilization(g.peakLive, g.peakHeap),
    // Not synced: the one formula, on the synced free bytes and largest hole.
    externalFragmentation: externalFragmentation(g),
    largestHole: g.largestFree,
    heapBytes: g.heapBytes,
    liveBytes: g.liveBytes,
    timer,
  };
}
