// Watches a room's connection for a scene. After an abnormal close (a lost network,
// a laptop lid, the browser's "offline") the Colyseus SDK reconnects by itself; this
// turns its signals into three plain moments: lost (once per outage, though the SDK
// signals a drop on every failed retry), back, and gone (left, kicked, closed, or the
// retries gave up). `unwatch()` removes the listeners; call it when the scene ends.

import type { Room } from '@colyseus/sdk';
import { reportRoomWatched } from '../test-hook.ts';

export interface ConnectionCallbacks {
  /** The connection dropped; the SDK is trying to reconnect by itself. */
  readonly lost?: () => void;
  /** Reconnected to the same room and seat; state and messages flow again. */
  readonly back?: () => void;
  /** The room is gone for good (the close code says why); nothing will reconnect it. */
  readonly gone?: (code: number) => void;
}

/** Wires `room`'s drop, reconnect and leave signals to `callbacks`; returns `unwatch`. */
export function watchConnection(room: Room, callbacks: ConnectionCallbacks): () => void {
  reportRoomWatched(room);
  let connection: 'up' | 'lost' | 'gone' = 'up';
  let attached = true;
  const onDrop = (): void => {
    if (connection !== 'up') return;
    connection = 'lost';
    callbacks.lost?.();
  };
  const onReconnect = (): void => {
    if (connection === 'gone') return;
    connection = 'up';
    callbacks.back?.();
  };
  const onLeave = (code: number): void => {
    if (connection === 'gone') return;
    connection = 'gone';
    // On leaving, the SDK's room clears every listener itself (its own leave handler
    // runs first). Removing ours again would be wrong: the SDK's signal `remove` of an
    // unknown handler drops whichever handler was registered last.
    attached = false;
    callbacks.gone?.(code);
  };
  room.onDrop(onDrop);
  room.onReconnect(onReconnect);
  room.onLeave(onLeave);
  return () => {
    connection = 'gone';
    if (!attached) return;
    attached = false;
    room.onDrop.remove(onDrop);
    room.onReconnect.remove(onReconnect);
    room.onLeave.remove(onLeave);
  };
}
