// The foundation's thin slice: a minimal fixed-size heap with one move (place the
// pending request at an address) over a canned request list. Plain data and pure
// functions, deterministic. The full engines in shared/freelist (and the match rules
// in shared/match) replace it as the game grows.

import { refuse, succeed, type Outcome } from '../core/outcome.ts';

export interface MiniBlock {
  readonly id: number;
  readonly address: number;
  readonly size: number;
}

export interface MiniHeap {
  readonly size: number;
  readonly blocks: readonly MiniBlock[];
  /** Sizes still to place, in order; the head is the pending request. */
  readonly requests: readonly number[];
  /** Id the next placed block gets. */
  readonly nextId: number;
  /** Bumped by every accepted move. */
  readonly version: number;
}

export type MiniCode = 'place/overlaps' | 'place/out_of_range' | 'request/none' | 'request/stale';

export function createMiniHeap(size: number, requests: readonly number[]): MiniHeap {
  return { size, blocks: [], requests: [...requests], nextId: 1, version: 0 };
}

export function pendingRequest(heap: MiniHeap): number | undefined {
  return heap.requests[0];
}

function findOverlap(heap: MiniHeap, address: number, size: number): MiniBlock | undefined {
  return heap.blocks.find((b) => address < b.address + b.size && b.address < address + size);
}

/** Places the pending request at `address`, or refuses (and the heap stays as it was). */
export function placePending(heap: MiniHeap, address: number, seenVersion: number): Outcome<MiniHeap, MiniCode> {
  if (seenVersion !== heap.version) return refuse('request/stale', 'the heap changed since you looked; try again');
  const size = pendingRequest(heap);
  if (size === undefined) return refuse('request/none', 'there is no request left to place');
  if (!Number.isInteger(address) || address < 0 || address + size > heap.size) {
    return refuse('place/out_of_range', `a ${size}-byte block at ${address} does not fit inside the ${heap.size}-byte heap`);
  }
  const hit = findOverlap(heap, address, size);
  if (hit) return refuse('place/overlaps', `that spot overlaps block ${hit.id}`);
  const block: MiniBlock = { id: heap.nextId, address, size };
  const blocks = [...heap.blocks, block].sort((a, b) => a.address - b.address);
  return succeed({ ...heap, blocks, requests: heap.requests.slice(1), nextId: heap.nextId + 1, version: heap.version + 1 });
}
