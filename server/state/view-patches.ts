// Patches for a room whose clients see different parts of the state (StateView), sent
// only to the clients they change something for. Colyseus's own serializer sends every
// client a frame on every patch in which anything at all changed: in a class of 300,
// each student's move made 300 frames, 299 of them empty (a header byte), 20 times a
// second — most of the room's CPU went into those writes. Here a client whose patch
// holds nothing (no shared change, nothing in their view) is sent nothing; what is
// sent is byte for byte what Colyseus would send.

import { ClientState, Protocol, SchemaSerializer, type Client } from '@colyseus/core';
import type { Schema } from '@colyseus/schema';

/** A patch with nothing after its header byte changes nothing for the client. */
const EMPTY_PATCH_BYTES = 1;

export class ViewPatchSerializer<T extends Schema> extends SchemaSerializer<T> {
  override applyPatches(clients: Client[], state?: unknown, timing?: Parameters<SchemaSerializer<T>['applyPatches']>[2]): boolean {
    // Timed frames (an input controller) and rooms without views keep Colyseus's own behaviour.
    if (timing || !this.hasFilters || clients.length === 0) return super.applyPatches(clients, state, timing);
    const changed = this.encoder.hasChanges;
    if (changed) this.needFullEncode = true;
    const it = { offset: 1 };
    this.encoder.sharedBuffer[0] = Protocol.ROOM_STATE_PATCH;
    const shared = changed ? this.encoder.encode(it) : this.encoder.sharedBuffer.subarray(0, 1);
    const sharedOffset = it.offset;
    for (const client of clients) {
      if (client.state !== ClientState.JOINED) continue;
      const view = client.view;
      // Without shared changes, only a client whose view gained or lost something has a patch.
      if (!changed && !(view && view.changes.size > 0)) continue;
      const body = view ? this.encoder.encodeView(view, sharedOffset, it) : shared;
      if (body.length > EMPTY_PATCH_BYTES) client.raw(body);
    }
    if (changed) this.encoder.discardChanges();
    return changed;
  }
}
