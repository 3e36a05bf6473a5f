// A bounded-placement player for the free-list heap: a block of n bytes starts at a
// multiple of the power of two at or above n, capped at a small page (64 bytes), so
// a block never straddles a page boundary and blocks of like sizes line up like a
// buddy system's (without its rounding: the rest of the window stays free for
// smaller blocks). Among the free blocks that hold such a window it takes the lowest
// address; with none, it grows the heap from the first such window past the free tail.
// Stateless: it reads the heap's own address index.

import type { Policy, Target } from '../core/allocator.ts';
import { firstFitAddress, type FreeListHeap } from '../freelist/index.ts';

/** The page: no alignment above it. */
export const ALIGNED_FIT_PAGE = 64;

function alignUp(address: number, align: number, phase: number): number {
  return Math.ceil((address + phase) / align) * align - phase;
}

/** The alignment a block of `need` bytes takes: the power of two at or above it, at most a page. */
export function windowFor(need: number, page = ALIGNED_FIT_PAGE): number {
  let w = 1;
  while (w < need && w < page) w *= 2;
  return w;
}

/** Where a block of `need` bytes may start inside [start, end), aligned to `align`; null when it cannot. */
function alignedStart(heap: FreeListHeap, start: number, end: number, need: number, align: number): number | null {
  const { header, minBlock } = heap.options;
  let at = alignUp(start, align, header);
  if (at > start && at - start < minBlock) at = alignUp(start + minBlock, align, header); // no sliver before it
  return at + need <= end ? at : null;
}

export const alignedFit: Policy<FreeListHeap> & { readonly title: string } = {
  name: 'aligned-fit',
  title: 'Aligned fit (each block in its power-of-two window of a 64-byte page)',
  choose(heap: FreeListHeap, size: number): Target | null {
    if (heap.isMappedSize(size)) return heap.preview(firstFitAddress.find, size);
    const need = heap.blockSize(size);
    const align = Math.max(heap.options.align, windowFor(need));
    const index = heap.addressIndex();
    for (let from = heap.base; ;) {
      const slot = index.firstFitFrom(from, need);
      if (slot < 0) break;
      const start = heap.start[slot] as number;
      const end = start + (heap.size[slot] as number);
      const at = alignedStart(heap, start, end, need, align);
      if (at !== null) return at;
      from = end;
    }
    const tail = heap.preview(() => -1, size); // where the heap grows from (the free tail's start)
    if (tail === null) return null;
    const at = alignedStart(heap, tail, Infinity, need, align) ?? tail;
    return at + need <= heap.options.limit - heap.options.epilogue ? at : null;
  },
};
