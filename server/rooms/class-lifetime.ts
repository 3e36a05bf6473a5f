// How long a live class room lives (issue #12, item 11): every join and message counts as
// activity; a room nobody has been in for EMPTY_GRACE_MS is put away (its session stays
// open, a lookup restores it) with its last activity written down; a class idle for its
// idle time closes itself unless an assignment's deadline is still to come; the host
// closes it with `host:close`. Closing for good ends a running round (everyone scored on
// the part played, results stored for the CSV), stores the session as closed, tells
// every client why (`closed`) and disconnects them with a code the SDK does not retry
// after. The words, the close code and the activity watch are class-closing.ts's; the
// room hands in storage, the clock and its Colyseus side.

import type { Client } from '@colyseus/core';
import { lastDeadline } from '../classroom/assignments.ts';
import type { RefusalMessage } from '../protocol/messages.ts';
import type { SessionRecord, Storage } from '../storage/storage.ts';
import { ActivityWatch, CLOSE_CLASS_CLOSED, closedMessage, type ClosedBy } from './class-closing.ts';

/** How long a class room with nobody in it stays before it is put away (a lookup brings it back from storage). */
const EMPTY_GRACE_MS = 5 * 60_000;

/** What the lifetime needs of the room. */
export interface LifetimeRoom {
  readonly storage: Storage;
  readonly now: () => number;
  /** The class's idle time (MALLOCADE_CLASS_IDLE_MINUTES). */
  readonly idleMs: number;
  readonly session: Pick<SessionRecord, 'id' | 'code'>;
  /** The clients connected now. */
  clients(): readonly Client[];
  roundRunning(): boolean;
  endRound(): Promise<unknown>;
  /** Stores the last activity with the class's settings. */
  saveLastActive(at: number): Promise<unknown>;
  /** Disposes the room, closing every connection with `code` when given. */
  disconnect(code?: number): Promise<unknown>;
}

export class ClassLifetime {
  private readonly room: LifetimeRoom;
  private readonly activity: ActivityWatch;
  /** Since when nobody has been in the room (wall time), or null. */
  private emptySince: number | null = null;
  private closing_ = false;
  private checkingIdle = false;

  /** `lastActiveAt`: as stored with the class (the room's creation when never written). */
  constructor(room: LifetimeRoom, lastActiveAt: number) {
    this.room = room;
    this.activity = new ActivityWatch(room.idleMs, lastActiveAt);
  }

  /** Set once the class is being closed or put away: nothing more is taken. */
  get closing(): boolean {
    return this.closing_;
  }

  /** A join or a message: the class is in use. */
  note(): void {
    this.activity.note(this.room.now());
  }

  /** The room's tick: closes an idle class, puts an empty room away. */
  tick(): void {
    this.closeIfIdle();
    this.putAwayIfEmpty();
  }

  /** Closes the class for good (see the header); a second call does nothing. */
  async close(by: ClosedBy): Promise<RefusalMessage | null> {
    if (this.closing_) return null;
    this.closing_ = true;
    const { room } = this;
    if (room.roundRunning()) await room.endRound();
    await room.storage.updateSession(room.session.id, { status: 'closed' });
    const closed = closedMessage(by, room.idleMs);
    for (const client of room.clients()) client.send('closed', closed);
    console.info(`class ${room.session.code} (${room.session.id}) closed ${by === 'host' ? 'by the host' : 'after its idle time'}`);
    await room.disconnect(CLOSE_CLASS_CLOSED);
    return null;
  }

  /** Closes the class after its idle time; otherwise writes the last activity down now and then. */
  private closeIfIdle(): void {
    if (this.activity.isIdle(this.room.now())) {
      if (this.checkingIdle) return;
      this.checkingIdle = true;
      void this.closeUnlessHomeworkDue()
        .catch((error: unknown) => console.error('closing an idle class failed', error))
        .finally(() => { this.checkingIdle = false; });
      return;
    }
    const lastActiveAt = this.activity.toWrite();
    if (lastActiveAt !== null) void this.room.saveLastActive(lastActiveAt);
  }

  /** An assignment keeps its class open: the class counts as active until the assignment's deadline. */
  private async closeUnlessHomeworkDue(): Promise<void> {
    this.activity.note(await lastDeadline(this.room.storage, this.room.session.id));
    if (this.activity.isIdle(this.room.now())) await this.close('idle');
  }

  /** Disposes the room once nobody has been in it for EMPTY_GRACE_MS (the stored class is untouched). */
  private putAwayIfEmpty(): void {
    // (A reserved seat lasts seconds, far less than the grace: the clients alone decide.)
    if (this.room.clients().length > 0) {
      this.emptySince = null;
      return;
    }
    const now = this.room.now();
    this.emptySince ??= now;
    if (now - this.emptySince < EMPTY_GRACE_MS) return;
    // The last activity goes with the class, so a lookup after the idle time finds it closed.
    this.closing_ = true;
    void this.room.saveLastActive(this.activity.lastActiveAt).finally(() => void this.room.disconnect());
  }
}
