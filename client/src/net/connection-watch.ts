// Watches a room's connection for a scene. After an abnormal close (a lost network,
// a laptop lid, the browser's "offline") the Colyseus SDK reconnects by itself; this
// turns its signals into three plain moments: lost (once per outage, though the SDK
// signals a drop on every failed retry), back, and gone (left, kicked, closed, or the
// retries gave up, or the server restarted). `unwatch()` removes the listeners; call it
// when the scene ends. A restarted server (a new boot id: server-restart.ts) is not left
// to the SDK's retries, which cannot succeed and take about a minute to give up: the room
// is ended at once, so the scene joins again straight away.

import { CloseCode, type Room } from '@colyseus/sdk';
import { reportRoomWatched } from '../test-hook.ts';
import { watchForRestart } from './server-restart.ts';

export interface ConnectionCallbacks {
  /** The connection dropped; the SDK is trying to reconnect by itself. */
  readonly lost?: () => void;
  /** Reconnected to the same room and seat; state and messages flow again. */
  readonly back?: () => void;
  /** The room is gone for good (the close code says why); nothing will reconnect it (the scene may join again). */
  readonly gone?: (code: number) => void;
}

/** Wires `room`'s drop, reconnect and leave signals to `callbacks`; returns `unwatch`. */
export function watchConnection(room: Room, callbacks: ConnectionCallbacks): () => void {
  reportRoomWatched(room);
  let connection: 'up' | 'lost' | 'gone' = 'up';
  let attached = true;
  let stopAsking = (): void => undefined;
  const onDrop = (): void => {
    if (connection !== 'up') return;
    connection = 'lost';
    stopAsking = watchForRestart(room, () => endRoom(room));
    callbacks.lost?.();
  };
  const onReconnect = (): void => {
    stopAsking();
    if (connection === 'gone') return;
    connection = 'up';
    callbacks.back?.();
  };
  const onLeave = (code: number): void => {
    stopAsking();
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
    stopAsking();
    connection = 'gone';
    if (!attached) return;
    attached = false;
    room.onDrop.remove(onDrop);
    room.onReconnect.remove(onReconnect);
    room.onLeave.remove(onLeave);
  };
}

/**
 * Ends a room whose server restarted: no more SDK retries (a retry already scheduled
 * fails against the new process and ends quietly), and the room leaves now, through the
 * SDK's own leave signal, so the SDK clears its listeners as on any leave.
 */
function endRoom(room: Room): void {
  room.reconnection.enabled = false;
  room.reconnection.maxRetries = 0;
  room.onLeave.invoke(CloseCode.FAILED_TO_RECONNECT, 'the server restarted');
}
