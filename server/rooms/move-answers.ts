// How a classroom answers a stored move: the patch that shows it and the `ack` go out at
// once, at the end of the event loop's turn, in one socket write per mover. Left to
// Colyseus, the ack went out on its own write as soon as the move was stored, and the
// patch on another at the room's next patch tick (up to 50 ms later): two system calls a
// move, a third of the server's busy time in a class of 300. Here every move answered in
// one turn shares one patch broadcast (Colyseus's own `broadcastPatch`, which the room's
// patch interval also calls), each mover's socket is corked while its patch and ack are
// written (the ack is an `afterNextPatch` frame, so it follows the patch that shows the
// move) and uncorked after, which hands the kernel both frames in one write.

import type { Client } from '@colyseus/core';

/** The few members of a Node socket this needs (a ws WebSocket keeps its socket as `_socket`). */
interface Corkable {
  cork(): void;
  uncork(): void;
}

/** The socket under a client of the ws transport; null for any other transport (the answers still go, in two writes). */
function socketOf(client: Client): Corkable | null {
  const socket = (client as { ref?: { _socket?: Partial<Corkable> } }).ref?._socket;
  return socket && typeof socket.cork === 'function' && typeof socket.uncork === 'function' ? (socket as Corkable) : null;
}

export class MoveAnswers {
  private readonly broadcastPatch: () => void;
  /** The movers' sockets corked since the last flush. */
  private readonly corked = new Set<Corkable>();
  /** The end-of-turn flush, once one is due. */
  private scheduled: NodeJS.Immediate | null = null;

  /** `broadcastPatch` sends every client what changed for them (the room's own). */
  constructor(broadcastPatch: () => void) {
    this.broadcastPatch = broadcastPatch;
  }

  /** Acknowledges `client`'s move at `version`: the ack follows the patch that shows it, both written at the end of this turn. */
  ack(client: Client, version: number): void {
    const socket = socketOf(client);
    if (socket && !this.corked.has(socket)) {
      socket.cork();
      this.corked.add(socket);
    }
    client.send('ack', version, { afterNextPatch: true });
    this.schedule();
  }

  private schedule(): void {
    this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Sends the turn's patch (and the acks after it), then lets each mover's socket write. */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    try {
      this.broadcastPatch();
    } finally {
      for (const socket of this.corked) socket.uncork();
      this.corked.clear();
    }
  }
}
