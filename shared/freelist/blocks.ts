// What the free-space indexes may read of the heap's block store, and the contract
// every index meets. Blocks are integer slots into typed arrays owned by the heap
// (heap.ts); an index keeps its own per-slot links in arrays it grows on `resize`.
//
// Contract: the heap calls `insert(slot)` when a free block appears, `remove(slot)`
// before it disappears (the start and size an index reads then are the ones it saw
// last), and `update(slot, oldStart, oldSize)` after a listed free block changed its
// extent (or its list stamp) in place. A block's start only ever moves inside its own
// old extent, so an update never passes another free block.

export interface BlockArrays {
  /** Start address of each heap block's slot (heap blocks lie below MAX_HEAP_LIMIT: 31 bits). */
  readonly start: Int32Array;
  /** Size in bytes of each heap block's slot (overhead included). */
  readonly size: Int32Array;
  /** Two stamps per slot: stamps[2 * slot] the free-list order stamp of a free block (larger = entered the list later), stamps[2 * slot + 1] the TLSF one. */
  readonly stamps: Int32Array;
}

export interface FreeIndex {
  insert(slot: number): void;
  remove(slot: number): void;
  update(slot: number, oldStart: number, oldSize: number): void;
  /** The heap's slot capacity grew to `capacity`: grow per-slot arrays. */
  resize(capacity: number): void;
  /** Throws unless the index holds exactly `slots` (the heap's free blocks) and its own invariants hold. */
  verify(slots: readonly number[]): void;
}

/** A copy of `a` with room for `length` entries, new entries set to `fill`. */
export function growInt32(a: Int32Array, length: number, fill = -1): Int32Array<ArrayBuffer> {
  const b = new Int32Array(length);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

export function growFloat64(a: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(length);
  b.set(a);
  return b;
}
