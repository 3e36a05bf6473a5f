// What one step of a replay did, in words: the stream event (malloc, free or realloc),
// its size, and where the block went or left from, read off the heap before and after
// it ([MATCH-REPLAY-3]). The same event reads differently on two heaps (the player put
// the block at 40, best fit at 16), so each side of the replay has its own label. The
// words are written apart from the facts (`writeStep`) so a screen shows addresses as
// its reader chose (decimal or hex).

import type { RegionView } from '../core/allocator.ts';
import type { StreamEvent } from '../core/stream.ts';

export interface StepLabel {
  readonly op: 'malloc' | 'free' | 'realloc';
  /** Bytes asked for (malloc, realloc) or given back (free; 0 when nothing was live). */
  readonly size: number;
  /** Where the block went (malloc, realloc) or left from (free); null when it went nowhere. */
  readonly at: number | null;
  /** The area the block is in when it is not the main heap (an mmap, a slab, an arena); null in the main heap. */
  readonly area: string | null;
}

/** How an address reads: decimal unless the reader chose otherwise (the client's hex setting). */
export type AddressWords = (address: number) => string;

const liveOf = (heap: readonly RegionView[]): RegionView[] => heap.filter((r) => r.state === 'live' && r.id !== undefined);

/** The live block in `after` that `before` did not have (the one a request just got). */
function arrived(before: readonly RegionView[], after: readonly RegionView[]): RegionView | null {
  const had = new Set(liveOf(before).map((r) => r.id));
  return liveOf(after).find((r) => !had.has(r.id)) ?? null;
}

function areaOf(region: RegionView): string | null {
  return region.area === undefined || region.area === 'heap' ? null : region.area;
}

/** [MATCH-REPLAY-3] What the step that ran `event` did, turning `before` into `after`. */
export function describeStep(event: StreamEvent, before: readonly RegionView[], after: readonly RegionView[]): StepLabel {
  if (event.op === 'free') {
    const left = arrived(after, before);
    return left ? { op: 'free', size: left.requested ?? left.size, at: left.start, area: areaOf(left) } : { op: 'free', size: 0, at: null, area: null };
  }
  const op = event.op === 'alloc' ? 'malloc' : 'realloc';
  const block = event.size > 0 ? arrived(before, after) : null;
  return { op, size: event.size, at: block?.start ?? null, area: block ? areaOf(block) : null };
}

/** [MATCH-REPLAY-3] The step in words, its address as `address` writes it. */
export function writeStep(step: StepLabel, address: AddressWords = String): string {
  const where = step.at === null ? '' : `at ${address(step.at)}${step.area === null ? '' : ` in ${step.area}`}`;
  if (step.op === 'free') return step.at === null ? 'free: nothing to free (that malloc returned NULL)' : `free the ${step.size}-byte block ${where}`;
  const call = `${step.op}(${step.size})`;
  if (step.size <= 0) return `${call}: nothing to place`;
  return step.at === null ? `${call} → NULL (no room)` : `${call} → ${where}`;
}
