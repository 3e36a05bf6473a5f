// Choosing a hole with the keyboard: which holes on the address line a request can go
// in, where in each the engine would take it, and the focus order that skips the rest.
// Enter with no hole chosen places the request in the first hole that fits; the arrows
// and Tab move only between holes that fit. Judged with the drag preview's verdicts
// (preview.ts), so a hole offered here is one the server takes ([MATCH-VIEW-6]).

import type { RegionView } from '../core/allocator.ts';
import type { KindView } from './kind-view.ts';
import { snapPlacement } from './preview.ts';

/** A stretch of free bytes on the line (a hole, or the room past the break). */
export interface HoleSpan {
  readonly start: number;
  readonly size: number;
  /** The room past the break: a block there may run past its end by growing the heap. */
  readonly pastBreak?: boolean;
}

/**
 * Where a request of `size` bytes would go in `hole`: the hole's start when the engine
 * takes it there, else the nearest legal spot inside the hole; null when it fits nowhere
 * in it. Kinds placed by container (slab, arena) have no holes: null.
 */
export function spotInHole(view: KindView | null, regions: readonly RegionView[], size: number, hole: HoleSpan): number | null {
  const p = snapPlacement(view, regions, size, hole.start);
  if (!p?.legal) return null;
  const inside = p.address >= hole.start && (hole.pastBreak === true || p.address + p.size <= hole.start + hole.size);
  return inside ? p.address : null;
}

/** The indices of the holes a request of `size` bytes fits in, in the holes' order. */
export function holesThatFit(view: KindView | null, regions: readonly RegionView[], size: number, holes: readonly HoleSpan[]): number[] {
  return holes.flatMap((hole, i) => (spotInHole(view, regions, size, hole) === null ? [] : [i]));
}

/**
 * The hole the focus moves to from `from` (an index into the holes, or null for none)
 * by `step` (+1 next, -1 previous), among `fitting` (indices, ascending), wrapping
 * around; from no focus, +1 gives the first and -1 the last. Null when none fits.
 */
export function nextHoleThatFits(fitting: readonly number[], from: number | null, step: 1 | -1): number | null {
  if (fitting.length === 0) return null;
  if (from === null) return step > 0 ? fitting[0]! : fitting[fitting.length - 1]!;
  if (step > 0) return fitting.find((i) => i > from) ?? fitting[0]!;
  return [...fitting].reverse().find((i) => i < from) ?? fitting[fitting.length - 1]!;
}

/**
 * Where a drop at `raw` lands ([MATCH-VIEW-7]): the snapped spot in the free space under
 * it when the engine takes one there (preview.ts snapPlacement); otherwise (over a live
 * block, or a hole too small) the legal spot nearest `raw` in any hole, if the block
 * would start or end within `reach` bytes of it; else null (the drop is refused, in words).
 */
export function dropSpot(view: KindView | null, regions: readonly RegionView[], size: number, raw: number, holes: readonly HoleSpan[], reach: number): number | null {
  const here = snapPlacement(view, regions, size, raw);
  if (here?.legal) return here.address;
  let best: { address: number; distance: number } | null = null;
  for (const hole of holes) {
    const end = hole.pastBreak ? Infinity : hole.start + hole.size;
    const near = snapPlacement(view, regions, size, Math.max(hole.start, Math.min(raw, end - 1)));
    if (!near?.legal || near.address < hole.start || (!hole.pastBreak && near.address + near.size > end)) continue;
    const distance = raw < near.address ? near.address - raw : Math.max(0, raw - (near.address + near.size - 1));
    if (distance <= reach && (!best || distance < best.distance)) best = { address: near.address, distance };
  }
  return best?.address ?? null;
}
