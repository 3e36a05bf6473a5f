// The free list's built-in players ([FL-POL-*]) and the registry of them by name. Each
// names the free block it would cut a request from through one of the heap's indexes
// (never a scan of the free list); when none fits, the heap places the block at its end
// and grows ([FL-POL-0]). `choose` is the same decision as a preview (an address).

import type { Policy } from '../core/allocator.ts';
import type { FreeListHeap, HoleFinder } from './heap.ts';

export const FREELIST_POLICY_NAMES = [
  'first-fit-lifo', 'first-fit-fifo', 'first-fit-address', 'next-fit', 'best-fit', 'worst-fit', 'tlsf',
] as const;

export type FreeListPolicyName = (typeof FREELIST_POLICY_NAMES)[number];

export interface FreeListPolicy extends Policy<FreeListHeap> {
  readonly name: FreeListPolicyName;
  /** A short description for hints and the results screen. */
  readonly title: string;
  /** The free block (slot) this policy cuts a block of `need` bytes from, or -1: the fast path. */
  readonly find: HoleFinder;
}

function definePolicy(name: FreeListPolicyName, title: string, find: HoleFinder): FreeListPolicy {
  return { name, title, find, choose: (heap, size) => heap.preview(find, size) };
}

/** [FL-POL-1] The first block that fits, searching the free list from the most recently freed. */
export const firstFitLifo = definePolicy('first-fit-lifo', 'First fit, free list in LIFO order',
  (heap, need) => heap.orderIndex().newestFit(need));

/** [FL-POL-2] The first block that fits, searching the free list from the longest free. */
export const firstFitFifo = definePolicy('first-fit-fifo', 'First fit, free list in FIFO order',
  (heap, need) => heap.orderIndex().oldestFit(need));

/**
 * [FL-POL-3] The lowest-addressed block that fits: through the size index (the lowest
 * address among the exact-size buckets that all fit), which stays small and in cache
 * where an index over address ranges grows with the heap.
 */
export const firstFitAddress = definePolicy('first-fit-address', 'First fit, free list in address order',
  (heap, need) => heap.sizeIndex().firstFit(need));

/** [FL-POL-4] The first block that fits at or after the rover, wrapping round to the start. */
export const nextFit = definePolicy('next-fit', 'Next fit',
  (heap, need) => {
    const index = heap.addressIndex();
    const hit = index.firstFitFrom(heap.rover, need);
    return hit >= 0 ? hit : index.firstFit(need);
  });

/** [FL-POL-5] The smallest block that fits; the lowest address among equals. */
export const bestFit = definePolicy('best-fit', 'Best fit',
  (heap, need) => heap.sizeIndex().bestFit(need));

/** [FL-POL-6] The largest block, if it fits; the lowest address among equals. */
export const worstFit = definePolicy('worst-fit', 'Worst fit',
  (heap, need) => heap.sizeIndex().worstFit(need));

/** [FL-POL-7] TLSF's good fit: the head of the first non-empty size class that surely fits. */
export const tlsf = definePolicy('tlsf', 'TLSF (two-level segregated good fit)',
  (heap, need) => heap.tlsfIndex().goodFit(need));

export const FREELIST_POLICIES: ReadonlyMap<string, FreeListPolicy> = new Map(
  [firstFitLifo, firstFitFifo, firstFitAddress, nextFit, bestFit, worstFit, tlsf].map((p) => [p.name, p]),
);

export function findFreeListPolicy(name: string): FreeListPolicy | undefined {
  return FREELIST_POLICIES.get(name);
}
