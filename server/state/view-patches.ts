// Patches for a room whose clients see different parts of the state (StateView), sent
// only to the clients they change something for. Colyseus's own serializer sends every
// client a frame on every patch in which anything at all changed: in a class of 300,
// each student's move made 300 frames, 299 of them empty (a header byte), 20 times a
// second — most of the room's CPU went into those writes. Here a client whose patch
// holds nothing (no shared change, nothing in their view) is sent nothing; what is
// sent is byte for byte what Colyseus would send.
//
// It also skips the work of finding out: when nothing shared changed, only the views that
// can see a changed part of the state are encoded (`audienceOf`, from the visibility bits
// @colyseus/schema keeps on each part), not all 300 of them 20 times a second, each walking
// every change of the tick. Written against @colyseus/core 0.18's SchemaSerializer.applyPatches
// and @colyseus/schema 5's Encoder.encodeView; test/server/view-patches.test.ts holds it to
// Colyseus's own serializer, frame for frame, so an upgrade that changes either shows there.

import { ClientState, Protocol, SchemaSerializer, type Client } from '@colyseus/core';
import { $changes, type ChangeTree, type Encoder, type Schema, type StateView } from '@colyseus/schema';

/** A patch with nothing after its header byte changes nothing for the client. */
const EMPTY_PATCH_BYTES = 1;

/** The views (by StateView id, as bit sets of 32) that can see some change of this tick; null: any view may. */
type Audience = number[] | null;

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
    // A shared change goes to everyone; otherwise only the views that see a changed part.
    const audience = changed && shared.length <= EMPTY_PATCH_BYTES ? audienceOf(this.encoder) : null;
    // Clients sharing one StateView get the one encoding (encodeView consumes the view's own changes), as in Colyseus.
    const encoded = new Map<StateView, Uint8Array>();
    for (const client of clients) {
      if (client.state !== ClientState.JOINED) continue;
      const view = client.view;
      const viewChanged = view !== undefined && view !== null && view.changes.size > 0;
      // Without shared changes, only a client whose view gained or lost something has a patch.
      if (!changed && !viewChanged) continue;
      if (audience && view && !viewChanged && !sees(audience, view)) continue;
      let body = view ? encoded.get(view) : shared;
      if (body === undefined && view) {
        body = this.encoder.encodeView(view, sharedOffset, it);
        encoded.set(view, body);
      }
      if (body && body.length > EMPTY_PATCH_BYTES) client.raw(body);
    }
    if (changed) this.encoder.discardChanges();
    return changed;
  }
}

/**
 * Every view that can see a part of the state changed this tick: a part's own visibility
 * bits, or an ancestor's it shares visibility with (what Encoder.encodeView's visibility
 * check grants; a superset of it). Null (encode every view) for anything this cannot tell:
 * a public part with view-only fields (the root), a part with several parents, a stream.
 */
export function audienceOf(encoder: Encoder): Audience {
  const root = encoder.root;
  if (root.streamTrees.size > 0) return null;
  const bits: number[] = [];
  for (let node = root.changes.next; node; node = node.next) {
    const tree = node.changeTree;
    if (!tree.has()) continue;
    // A filter (a collection's: is the element visible?) only narrows what a view that sees the part gets.
    const desc = tree.encDescriptor;
    if (!tree.isFiltered) {
      // Its public fields went to the shared patch; a view-only field of it could go to any view.
      if (desc.filterBitmask !== 0 || desc.tags.some((tag) => tag !== undefined)) return null;
      continue;
    }
    for (let part: ChangeTree | undefined = tree; part; part = sharesWithParent(part)) {
      if (part.extraParents !== undefined) return null;
      orInto(bits, part.visibleViews);
    }
  }
  return bits;
}

/** The parent a part takes its visibility from, if it does. */
function sharesWithParent(tree: ChangeTree): ChangeTree | undefined {
  if (!tree.isVisibilitySharedWithParent) return undefined;
  const parent = tree.parent as { [$changes]?: ChangeTree } | undefined;
  return parent?.[$changes];
}

function orInto(bits: number[], words: readonly number[] | undefined): void {
  if (!words) return;
  for (let i = 0; i < words.length; i++) bits[i] = (bits[i] ?? 0) | (words[i] ?? 0);
}

/** Whether `view` is in the audience (StateView ids are bit positions, 32 to a word). */
function sees(audience: readonly number[], view: StateView): boolean {
  if (view.id < 0) return false;
  return ((audience[view.id >> 5] ?? 0) & (1 << (view.id & 31))) !== 0;
}
