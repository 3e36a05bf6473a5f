// A scene's hold on a classroom room: the listeners it adds (state changes,
// messages, drops and reconnections) are removed together when the scene shuts
// down, so a room handed from one scene to the next (join -> lobby -> play) never
// calls into a scene that is gone. The room itself stays open.

import type Phaser from 'phaser';
import type { Room } from '@colyseus/sdk';
import type { ClassStateLike } from './class-state.ts';
import { watchConnection } from '../../net/connection-watch.ts';

export interface RoomLinkHandlers {
  readonly onState?: () => void;
  readonly onMessage?: Readonly<Record<string, (payload: unknown) => void>>;
  /** The connection dropped; the SDK is trying to reconnect by itself. */
  readonly onDrop?: () => void;
  readonly onReconnect?: () => void;
  /** The room is gone for good (kicked, closed, or the reconnection gave up). */
  readonly onLeave?: (code: number) => void;
}

export class RoomLink {
  readonly room: Room;
  private readonly undo: Array<() => void> = [];

  constructor(scene: Phaser.Scene, room: Room, handlers: RoomLinkHandlers) {
    this.room = room;
    const { onState, onDrop, onReconnect, onLeave } = handlers;
    if (onState) {
      room.onStateChange(onState);
      this.undo.push(() => room.onStateChange.remove(onState));
    }
    for (const [type, handler] of Object.entries(handlers.onMessage ?? {})) this.undo.push(room.onMessage(type, handler));
    if (onDrop || onReconnect || onLeave) this.undo.push(watchConnection(room, { lost: onDrop, back: onReconnect, gone: onLeave }));
    scene.events.once('shutdown', () => this.release());
    scene.events.once('destroy', () => this.release());
  }

  get state(): ClassStateLike | undefined {
    return this.room.state as ClassStateLike | undefined;
  }

  send(type: string, body: object = {}): void {
    this.room.send(type, body);
  }

  /** Removes this scene's listeners (the room stays joined). */
  release(): void {
    for (const undo of this.undo.splice(0)) undo();
  }
}
