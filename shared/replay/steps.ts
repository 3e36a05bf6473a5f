// What one step of a replay did, in words: the stream event (malloc, free or realloc),
// its size, and where the block went or left from, read off the heap before and after
// it ([MATCH-REPLAY-3]). The same event reads differently on two heaps (the player put
// the block at 40, best fit at 16), so each side of the replay has its own label.

import type { RegionView } from '../core/allocator.ts';
import type { StreamEvent } from '../core/stream.ts';

export interface StepLabel {
  readonly op: 'malloc' | 'free' | 'realloc';
  /** Bytes asked for (malloc, realloc) or given back (free; 0 when nothing was live). */
  readonly size: number;
  /** Where the block went (malloc, realloc) or left from (free); null when it went nowhere. */
  readonly at: number | null;
  readonly text: string;
}

const liveOf = (heap: readonly RegionView[]): RegionView[] => heap.filter((r) => r.state === 'live' && r.id !== undefined);

/** The live block in `after` that `before` did not have (the one a request just got). */
function arrived(before: readonly RegionView[], after: readonly RegionView[]): RegionView | null {
  const had = new Set(liveOf(before).map((r) => r.id));
  return liveOf(after).find((r) => !had.has(r.id)) ?? null;
}

/** Where a region is, with its area when it is not the main heap (an mmap, a slab, an arena). */
function placeOf(region: RegionView): string {
  return region.area === undefined || region.area === 'heap' ? `at ${region.start}` : `at ${region.start} in ${region.area}`;
}

/** [MATCH-REPLAY-3] The label of the step that ran `event`, turning `before` into `after`. */
export function describeStep(event: StreamEvent, before: readonly RegionView[], after: readonly RegionView[]): StepLabel {
  if (event.op === 'free') {
    const left = arrived(after, before);
    if (!left) return { op: 'free', size: 0, at: null, text: 'free: nothing to free (that malloc returned NULL)' };
    const size = left.requested ?? left.size;
    return { op: 'free', size, at: left.start, text: `free the ${size}-byte block ${placeOf(left)}` };
  }
  const call = event.op === 'alloc' ? `malloc(${event.size})` : `realloc(${event.size})`;
  const op = event.op === 'alloc' ? 'malloc' : 'realloc';
  if (event.size <= 0) return { op, size: event.size, at: null, text: `${call}: nothing to place` };
  const block = arrived(before, after);
  return block ? { op, size: event.size, at: block.start, text: `${call} → ${placeOf(block)}` } : { op, size: event.size, at: null, text: `${call} → NULL (no room)` };
}
