// A scene's hold on a room, and the one place the client sends to or listens on one:
// the listeners a scene adds (state changes, messages, drops and reconnections) are
// removed together when the scene shuts down, so a room handed from one scene to the
// next (join -> lobby -> play) never calls into a scene that is gone; the room itself
// stays open. Sends are typed by the message table (messages.ts).
//
// Invariant: once the room has left, the SDK has dropped every listener itself, and the
// link removes none (the SDK's signal `remove` of a handler it no longer holds drops
// whichever handler was registered last, perhaps another scene's).

import type Phaser from 'phaser';
import type { Room } from '@colyseus/sdk';
import { watchConnection } from './connection-watch.ts';
import type { ClientMessages, ClientMessageType } from './messages.ts';

export interface RoomLinkHandlers {
  readonly onState?: () => void;
  /** Server→client messages by type (refused, ack, kicked, results, ...). */
  readonly onMessage?: Readonly<Record<string, (payload: unknown) => void>>;
  /** The connection dropped; the SDK is trying to reconnect by itself. */
  readonly onDrop?: () => void;
  readonly onReconnect?: () => void;
  /** The room is gone for good (kicked, closed, or the reconnection gave up). */
  readonly onLeave?: (code: number) => void;
}

/** What a link needs of its owner: to hear when it shuts down. */
export interface LinkOwner {
  readonly events: Pick<Phaser.Events.EventEmitter, 'once'>;
}

export class RoomLink<State = unknown> {
  /** The room, to hand to the next scene (which makes its own link). */
  readonly room: Room;
  private readonly undo: Array<() => void> = [];
  private left = false;
  /** Between a drop and the reconnection (or the leave). */
  private lost = false;

  constructor(owner: LinkOwner, room: Room, handlers: RoomLinkHandlers) {
    this.room = room;
    const { onState, onDrop, onReconnect, onLeave } = handlers;
    if (onState) {
      room.onStateChange(onState);
      this.undo.push(() => room.onStateChange.remove(onState));
    }
    for (const [type, handler] of Object.entries(handlers.onMessage ?? {})) this.undo.push(room.onMessage(type, handler));
    // Always watched: the link must know when the room has left (see the invariant above).
    this.undo.push(watchConnection(room, {
      lost: () => {
        this.lost = true;
        onDrop?.();
      },
      back: () => {
        this.lost = false;
        onReconnect?.();
      },
      gone: (code) => {
        this.left = true;
        onLeave?.(code);
      },
    }));
    owner.events.once('shutdown', () => this.release());
    owner.events.once('destroy', () => this.release());
  }

  /** The synced state (undefined before the first patch). */
  get state(): State | undefined {
    return this.room.state as State | undefined;
  }

  /** Whether the room is gone for good. */
  get hasLeft(): boolean {
    return this.left;
  }

  /**
   * Whether nothing sent now would reach the server: the connection dropped (the SDK
   * reconnecting, or a restarted server being noticed), its socket is closed, or the room is gone.
   */
  get isDown(): boolean {
    return this.left || this.lost || !this.room.connection.isOpen;
  }

  /** Sends a message the rooms accept, typed by the table (messages.ts); nothing once the room has left. */
  post<T extends ClientMessageType>(type: T, body: ClientMessages[T]): void {
    if (!this.left) this.room.send(type, body);
  }

  /** Leaves the room (a practice round the player closes; a host's second join). */
  leave(consented = true): void {
    this.release();
    if (!this.left) void this.room.leave(consented).catch(() => undefined);
  }

  /** Removes this owner's listeners (the room stays joined). */
  release(): void {
    const undo = this.undo.splice(0);
    if (this.left) return;
    for (const step of undo) step();
  }
}
