// The address line as plain data: what HeapView draws (the regions, the break, the
// bytes the line spans), the holes a player can choose on it, and the play screen's
// line with room past the break for a growing heap. Pure: no Phaser, unit-tested.

import type { RegionView } from '../../../shared/core/allocator.ts';
import { heapBreakOf } from '../../../shared/core/extent.ts';
import type { ColourBy } from './block-look.ts';

/** What the line shows: the allocator's walk plus where the break is. */
export interface HeapLine {
  /** Every region, in any order; those with area 'mmap' go to the mmap strip. */
  readonly regions: readonly RegionView[];
  /** The break: the end of the heap in use ([FL-MODEL-1], the epilogue included). */
  readonly breakAt: number;
  /**
   * Where a block placed past the break starts: the break less the epilogue, which a
   * growing heap moves up (shared/core/extent.ts). Defaults to the break.
   */
  readonly blockEnd?: number;
  /** Bytes the line spans (>= breakAt), e.g. the heap limit; defaults to the break. */
  readonly extent?: number;
  /**
   * Where the free tail that touches the break starts, when the heap can grow: it is
   * joined to the room past the break, since a block placed at its start may be larger
   * than it and grows the heap ([FL-GROW-3]). Undefined otherwise.
   */
  readonly growFrom?: number;
  /**
   * A round that maps large requests ([FL-MMAP-1]): the line shows its mmap area even
   * before anything is mapped, and whether the pending request will go there.
   */
  readonly mmap?: { readonly threshold: number; readonly pendingMapped: boolean };
  /** Bytes of boundary-tag header at the start of every live block (a preset with headers); 0 or absent: none drawn. */
  readonly headerBytes?: number;
  /** Colour live blocks by request id (default), by tag, or by age (oldest to newest). */
  readonly colourBy?: ColourBy;
}

/** A hole the player can choose: a free region, or the room past the break. */
export interface HoleRef {
  readonly index: number;
  readonly start: number;
  readonly size: number;
  readonly pastBreak: boolean;
}

/** Bytes the line spans: at least the break, and at least 1. */
export function lineExtent(line: HeapLine): number {
  return Math.max(1, line.breakAt, line.extent ?? 0);
}

/**
 * The free regions below the break in address order, then the room past the break (when
 * the line spans any), which starts at the free tail joined to it (`growFrom`) if there is one.
 */
export function holesOf(line: HeapLine): HoleRef[] {
  const holes: HoleRef[] = [];
  const heap = line.regions.filter((r) => r.area !== 'mmap').sort((a, b) => a.start - b.start);
  const joined = lineExtent(line) > line.breakAt ? line.growFrom : undefined;
  for (const r of heap) {
    if (r.state === 'free' && r.start < line.breakAt && r.start !== joined) holes.push({ index: holes.length, start: r.start, size: r.size, pastBreak: false });
  }
  const from = joined ?? Math.min(line.blockEnd ?? line.breakAt, line.breakAt);
  if (lineExtent(line) > line.breakAt) holes.push({ index: holes.length, start: from, size: lineExtent(line) - from, pastBreak: true });
  return holes;
}

export interface GrowingHeap {
  /** Whether placing past the break grows the heap (a free list growing by sbrk). */
  readonly canGrow: boolean;
  /** The pending request's size (0 when none). */
  readonly pendingSize: number;
  /** Requests of at least this many bytes are mapped ([FL-MMAP-1]); null or absent: nothing is. */
  readonly mmapThreshold?: number | null;
}

/**
 * The play screen's line: a growing heap shows room past the break, where a block grows the
 * heap — enough for the pending request three times over, so a gap can be left on purpose —
 * and a free tail touching the break is joined to that room.
 */
export function playLine(regions: readonly RegionView[], heap: GrowingHeap): HeapLine {
  const { brk, end } = heapBreakOf(regions);
  const room = heap.canGrow ? Math.max(16, heap.pendingSize * 3, Math.ceil(brk * 0.25)) : 0;
  const tail = heap.canGrow ? regions.find((r) => r.state === 'free' && r.area !== 'mmap' && r.start < end && r.start + r.size >= end) : undefined;
  const threshold = heap.mmapThreshold ?? null;
  const mmap = threshold === null ? {} : { mmap: { threshold, pendingMapped: heap.pendingSize >= threshold } };
  return { regions, breakAt: brk, blockEnd: end, extent: Math.max(1, brk + room), ...(tail ? { growFrom: tail.start } : {}), ...mmap };
}
