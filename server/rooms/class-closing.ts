// How a class ends for good (issue #12, item 11): the host closes it (`host:close`), or
// nobody has done anything in it for the idle time (MALLOCADE_CLASS_IDLE_MINUTES, 120 by
// default). Either way the session is stored as closed (a lookup no longer finds or
// restores it; its results stay in the CSV), every client is told why (`closed`) and
// disconnected with a close code the SDK does not retry after, and the room is disposed.
// This module holds the pieces without Colyseus: the words, the close code, and the
// watch on activity that says when a class has been idle long enough.

import type { ClassClosed } from '../protocol/messages.ts';

export type ClosedBy = ClassClosed['by'];

/** The close code a closed class's connections end with (docs/PROTOCOL.md): not one the SDK reconnects after. */
export const CLOSE_CLASS_CLOSED = 4411;

/** Minutes without activity after which a class closes itself, when MALLOCADE_CLASS_IDLE_MINUTES is not set. */
export const DEFAULT_IDLE_MINUTES = 120;

/** The idle time in ms from MALLOCADE_CLASS_IDLE_MINUTES (a positive number of minutes, fractions allowed); the default otherwise. */
export function classIdleMsFromEnv(value: string | undefined): number {
  const minutes = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : DEFAULT_IDLE_MINUTES * 60_000;
}

/** What every client of a closed class is sent, in words a student reads. */
export function closedMessage(by: ClosedBy, idleMs: number): ClassClosed {
  if (by === 'host') return { by, message: 'The class was closed by the host.' };
  return { by, message: `The class closed itself after ${formatMinutes(idleMs)} without activity.` };
}

function formatMinutes(ms: number): string {
  const minutes = Math.round((ms / 60_000) * 10) / 10;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** Whether a class last active at `lastActiveAt` (wall ms) has been idle for `idleMs` at `now`. */
export function idleSince(lastActiveAt: number, now: number, idleMs: number): boolean {
  return now - lastActiveAt >= idleMs;
}

/**
 * A live class's activity: a join or any message from a client. It says when the class has
 * been idle for the idle time, and when the last activity is worth writing down (a quarter
 * of the idle time after the one written), so a class put away or lost in a crash is judged
 * from a time at most that stale.
 */
export class ActivityWatch {
  private lastActive: number;
  private written: number;
  private readonly idleMs: number;

  constructor(idleMs: number, lastActiveAt: number) {
    this.idleMs = idleMs;
    this.lastActive = lastActiveAt;
    this.written = lastActiveAt;
  }

  get lastActiveAt(): number {
    return this.lastActive;
  }

  note(now: number): void {
    this.lastActive = Math.max(this.lastActive, now);
  }

  isIdle(now: number): boolean {
    return idleSince(this.lastActive, now, this.idleMs);
  }

  /** The last activity to write down now, or null when the one written is recent enough. */
  toWrite(): number | null {
    if (this.lastActive - this.written < this.idleMs / 4) return null;
    this.written = this.lastActive;
    return this.lastActive;
  }
}
