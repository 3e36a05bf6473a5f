// Where a heap ends, read from its regions (an allocator's walk, or the regions a room
// synced) the way the free-list engine defines it ([FL-MODEL-1]): the heap is [0, break);
// the first `prologue` bytes and the last `epilogue` bytes are reserved ('unused'
// regions in the walk); blocks tile [prologue, end) with end = break - epilogue;
// mappings (area 'mmap') lie outside the break. The one place the client and the
// replay read the break from regions.

import type { RegionView } from './allocator.ts';

export interface HeapBreak {
  /** The break: every heap byte lies below it (the epilogue included, mappings not). */
  readonly brk: number;
  /** The block space's end (the break less the epilogue): where a block placed past the break starts. */
  readonly end: number;
}

function isMapping(r: RegionView): boolean {
  return r.area === 'mmap';
}

/**
 * The break and the block space's end of a heap walk. The epilogue is a reserved region
 * at the end of the heap past address 0 (a lone reserved region at 0 is the prologue:
 * the walk cannot tell it from an epilogue of a heap with no blocks and no prologue,
 * a shape no preset has).
 */
export function heapBreakOf(regions: readonly RegionView[]): HeapBreak {
  let last: RegionView | null = null;
  for (const r of regions) {
    if (!isMapping(r) && (last === null || r.start + r.size > last.start + last.size)) last = r;
  }
  if (last === null) return { brk: 0, end: 0 };
  const brk = last.start + last.size;
  const epilogue = last.state === 'unused' && last.start > 0 ? last.size : 0;
  return { brk, end: brk - epilogue };
}

/** The end of the last region of any area (mappings included): the bytes an address line must span. */
export function extentOf(regions: Iterable<Pick<RegionView, 'start' | 'size'>>): number {
  let end = 0;
  for (const r of regions) end = Math.max(end, r.start + r.size);
  return end;
}
