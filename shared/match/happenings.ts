// What one change to a match did, in the order it happened ([MATCH-EVENT-1..4]): the
// request placed (by the player or, when time ran out, the fallback policy), the blocks
// freed by the stream with the range each held, the holes that merged, a malloc that fit
// nowhere with the bytes free and the largest hole at that moment, and a timeout with its
// penalty. The round engine journals placements, frees and failures as they happen; the
// match adds the timeout and the merges. The play screen animates, announces and sounds
// each one from this list alone.

import type { RegionView, Target } from '../core/allocator.ts';

export type Happening =
  | { readonly type: 'placed'; readonly requestId: number; readonly size: number; readonly target: Target; readonly byFallback: boolean }
  /** The stream freed block `requestId`, which held `[start, start + size)` (its region, header bytes included). */
  | { readonly type: 'freed'; readonly requestId: number; readonly start: number; readonly size: number; readonly area?: string }
  /** Free pieces (holes, freed blocks) became the one hole `[start, start + size)`. */
  | { readonly type: 'merged'; readonly start: number; readonly size: number; readonly area?: string }
  /** malloc(size) returned NULL: nothing could take it, with `freeBytes` free and no hole above `largestFree`. */
  | { readonly type: 'failed'; readonly requestId: number; readonly size: number; readonly freeBytes: number; readonly largestFree: number }
  /** The player's time ran out: `policy` placed the request (or could not, and it failed); `penalty` points are lost. */
  | { readonly type: 'timeout'; readonly requestId: number; readonly policy: string; readonly placed: boolean; readonly penalty: number };

/** A range of one area (slab and arena regions count from 0 in each slab or arena; the heap's have none). */
interface Span {
  readonly start: number;
  readonly size: number;
  readonly area?: string;
}

function overlaps(a: Span, b: Span): boolean {
  return (a.area ?? '') === (b.area ?? '') && a.start < b.start + b.size && b.start < a.start + a.size;
}

/**
 * [MATCH-EVENT-2] The holes of `after` made of two or more free pieces of before the
 * change (holes of `before`, blocks freed meanwhile): neighbours merged. A hole a
 * placement cut down is not a merge.
 */
export function mergedHoles(before: readonly RegionView[], freed: readonly Span[], after: readonly RegionView[]): Happening[] {
  const pieces: Span[] = [...before.filter((r) => r.state === 'free'), ...freed];
  const merged: Happening[] = [];
  for (const hole of after) {
    if (hole.state !== 'free' || pieces.filter((p) => overlaps(p, hole)).length < 2) continue;
    merged.push({ type: 'merged', start: hole.start, size: hole.size, ...(hole.area === undefined ? {} : { area: hole.area }) });
  }
  return merged;
}
