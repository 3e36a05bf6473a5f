// The play screen's events, from one place: what each change to the player's match did
// (shared/match/happenings.ts: placed, freed, merged, failed, timeout), emitted once each,
// in order, to every subscriber — the heap's flashes and the failure card and timeout
// banner (play/EventShow.ts), the sound (audio/sound.ts) and anyone else who wants to
// announce them. The scene feeds it every synced state's version and its decoded
// happenings (net/synced.ts `syncedHappenings`, `take`); a subscriber calls `on`.

import type { Happening } from '../../../../shared/match/happenings.ts';
import { policyLabel } from '../../../../shared/match/kinds.ts';
import { formatAddress, formatBytes } from '../../views/format.ts';

export type PlayEvent = Happening;
export type PlayEventListener = (event: PlayEvent) => void;

export class PlayEvents {
  private readonly listeners = new Set<PlayEventListener>();
  /** The version whose events were last emitted; -1 before the first state. */
  private seen = -1;

  /** Subscribes; returns the unsubscribe. */
  on(listener: PlayEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A synced state: emits its change's events once per version. The first state seen (the
   * join, or the screen's start after a reconnect) is where the screen starts: what happened
   * before it is not told again.
   */
  take(version: number, happenings: readonly PlayEvent[]): void {
    if (version === this.seen) return;
    const first = this.seen < 0;
    this.seen = version;
    if (first) return;
    for (const event of happenings) for (const listener of [...this.listeners]) listener(event);
  }

  clear(): void {
    this.listeners.clear();
  }
}

/** What an event says in words (the status line, the failure card, an announcer). */
export function describeEvent(event: PlayEvent): string {
  switch (event.type) {
    case 'placed':
      return `${event.byFallback ? 'Placed for you' : 'Placed'}: #${event.requestId} (${formatBytes(event.size)}) at ${formatAddress(event.target)}.`;
    case 'freed':
      return `free(#${event.requestId}): ${formatBytes(event.size)} at ${formatAddress(event.start)} is a hole now.`;
    case 'merged':
      return `Holes merged: one hole of ${formatBytes(event.size)} at ${formatAddress(event.start)}.`;
    case 'failed':
      return `malloc(${event.size}) → NULL: ${formatBytes(event.freeBytes)} free, largest hole ${formatBytes(event.largestFree)}.`;
    case 'timeout':
      return event.placed
        ? `Time's up: placed by ${policyLabel(event.policy)}, −${event.penalty}.`
        : `Time's up: ${policyLabel(event.policy)} found no place either, −${event.penalty}.`;
  }
}

/** Why a malloc failed, in the lecture's words: enough bytes free but in pieces, or too few bytes. */
export function failureReason(event: Extract<PlayEvent, { type: 'failed' }>): string {
  return event.freeBytes >= event.size
    ? `${formatBytes(event.freeBytes)} are free, enough for ${formatBytes(event.size)}, but no single hole is big enough: that is external fragmentation.`
    : `Only ${formatBytes(event.freeBytes)} are free in all: the heap is full.`;
}
