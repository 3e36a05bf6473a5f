// Colyseus state for the thin-slice practice room: a mirror of shared/slice's
// MiniHeap, written only by the room after the engine accepted a move.

import { schema, t, type SchemaType } from '@colyseus/schema';
import type { MiniHeap } from '../../shared/slice/mini-heap.ts';

export const BlockState = schema({
  id: t.uint32(),
  address: t.uint32(),
  size: t.uint32(),
}, 'BlockState');
export type BlockState = SchemaType<typeof BlockState>;

export const PracticeState = schema({
  heapSize: t.uint32(),
  blocks: t.array(BlockState),
  /** The pending request's size, 0 when none is left. */
  pending: t.uint32(),
  /** Requests still queued after the pending one. */
  queue: t.array("uint32"),
  version: t.uint32(),
}, 'PracticeState');
export type PracticeState = SchemaType<typeof PracticeState>;

/** Copies the engine's heap into the synced state. */
export function mirrorMiniHeap(state: PracticeState, heap: MiniHeap): void {
  state.heapSize = heap.size;
  state.blocks.clear();
  for (const b of heap.blocks) state.blocks.push(new BlockState({ id: b.id, address: b.address, size: b.size }));
  state.pending = heap.requests[0] ?? 0;
  state.queue.clear();
  for (const size of heap.requests.slice(1)) state.queue.push(size);
  state.version = heap.version;
}
