// The drag preview: where a request dropped near an address would land and whether the
// engine would take it there, judged from the synced regions and the kind view with the
// engine's own helpers (block sizes, alignment, buddy orders) and its refusal words, so
// the ghost says what the server will say. A preview only: the server's answer is the
// truth. test/unit/match/preview.test.ts checks it against the engine on fuzzed heaps.

import type { RegionView } from '../core/allocator.ts';
import { succeed, type Outcome } from '../core/outcome.ts';
import { buddyOrderFor, buddyRefusals } from '../buddy/buddy.ts';
import { blockSizeFor, isAlignedStart, roundUp, type FreeListOptions } from '../freelist/options.ts';
import { refusals } from '../freelist/refusals.ts';
import type { BuddyKindView, KindView, PlaceRule } from './kind-view.ts';

export interface PlacementPreview {
  /** Where the block would start. */
  readonly address: number;
  /** The bytes it would take (the block, overhead and rounding included). */
  readonly size: number;
  readonly legal: boolean;
  /** Why not, in the engine's words, when it is not legal. */
  readonly code?: string;
  readonly message?: string;
}

/** The verdict on placing a request of `size` bytes at exactly `address`; null for kinds placed by container, not address. */
export function previewPlacement(view: KindView | null, regions: readonly RegionView[], size: number, address: number): PlacementPreview | null {
  if (view?.kind === 'freelist') return asPreview(address, blockBytesOf(view.rule, size), judgeFreeList(view.rule, heapRegions(regions), size, address));
  if (view?.kind === 'buddy') return asPreview(address, buddyBlockBytes(view, size), judgeBuddy(view, regions, size, address));
  return null;
}

/**
 * The legal spot nearest `raw` in the free space under it (the card snaps to it), or the
 * verdict at `raw` itself when no spot there is legal.
 */
export function snapPlacement(view: KindView | null, regions: readonly RegionView[], size: number, raw: number): PlacementPreview | null {
  const exact = previewPlacement(view, regions, size, raw);
  if (!exact || exact.legal || !view) return exact;
  let best: PlacementPreview | null = null;
  for (const candidate of candidatesNear(view, regions, size, raw)) {
    const p = previewPlacement(view, regions, size, candidate);
    if (p?.legal && (!best || Math.abs(candidate - raw) < Math.abs(best.address - raw))) best = p;
  }
  return best ?? exact;
}

function asPreview(address: number, size: number, verdict: Outcome<null, string>): PlacementPreview {
  return verdict.ok ? { address, size, legal: true } : { address, size, legal: false, code: verdict.code, message: verdict.message };
}

/**
 * A few addresses worth trying in the free space under `raw`: its aligned neighbours and
 * the edges of the free region it is in (or, past the heap's end, its aligned neighbours).
 * Over a live block there is nothing to try.
 */
function candidatesNear(view: KindView, regions: readonly RegionView[], size: number, raw: number): number[] {
  const step = view.kind === 'buddy' ? buddyBlockBytes(view, size) : view.kind === 'freelist' ? view.rule.align : 1;
  const phase = view.kind === 'freelist' ? (step - (view.rule.header % step)) % step : 0;
  const down = Math.floor((raw - phase) / step) * step + phase;
  const blocks = heapRegions(regions);
  const last = blocks[blocks.length - 1];
  if (last && raw >= last.start + last.size) return [down, down + step].filter((a) => a >= last.start + last.size);
  const region = blocks.find((r) => r.state === 'free' && r.start <= raw && raw < r.start + r.size);
  if (!region) return [];
  const need = view.kind === 'freelist' ? blockBytesOf(view.rule, size) : step;
  const end = region.start + region.size;
  const lastFit = Math.floor((end - need - phase) / step) * step + phase;
  return [down, down + step, region.start, lastFit].filter((a) => a >= region.start && a < end);
}

// ---- free list ([FL-PLACE-1..8]) ------------------------------------------------------

/** The heap's own blocks: no mappings, no reserved prologue or epilogue. */
function heapRegions(regions: readonly RegionView[]): RegionView[] {
  return regions.filter((r) => r.area !== 'mmap' && r.state !== 'unused');
}

/** The rule as the engine's option helpers take it (the fields they do not read filled in). */
function asOptions(rule: PlaceRule): FreeListOptions {
  return { ...rule, coalesce: 'immediate', initial: 0, mmapThreshold: rule.mmapThreshold ?? Infinity, pageSize: 1, mmapBase: 0 };
}

function blockBytesOf(rule: PlaceRule, size: number): number {
  return blockSizeFor(asOptions(rule), size);
}

function judgeFreeList(rule: PlaceRule, blocks: readonly RegionView[], size: number, target: number): Outcome<null, string> {
  if (rule.mmapThreshold !== null && size >= rule.mmapThreshold) return succeed(null);
  const maxEnd = rule.limit - rule.epilogue;
  const base = rule.prologue;
  if (!Number.isSafeInteger(target)) return refusals.badTarget(target);
  if (target < base) return refusals.beforeBase(target, base);
  if (target >= maxEnd) return refusals.pastLimit(target, maxEnd);
  if (!isAlignedStart(asOptions(rule), target)) return refusals.misaligned(target, rule.align, rule.header);
  const need = blockBytesOf(rule, size);
  const blockEnd = target + need;
  const last = blocks[blocks.length - 1];
  const heapEnd = last ? last.start + last.size : base;
  let holeStart: number;
  if (target < heapEnd) {
    const i = blocks.findIndex((r) => r.start <= target && target < r.start + r.size);
    const hole = blocks[i];
    if (!hole) return refusals.badTarget(target);
    if (hole.state === 'live') return refusals.overlaps(hole.id ?? -1, hole.start);
    holeStart = hole.start;
    const after = blocks[i + 1];
    if (blockEnd > hole.start + hole.size && after) return after.state === 'live' ? refusals.overlaps(after.id ?? -1, after.start) : refusals.spans(after.start);
  } else {
    holeStart = last && last.state === 'free' ? last.start : heapEnd;
  }
  const lead = target - holeStart;
  if (lead > 0 && !rule.split) return refusals.notHoleStart(holeStart);
  if (lead > 0 && lead < rule.minBlock) return refusals.sliver(lead, rule.minBlock);
  if (blockEnd > heapEnd && !canGrowTo(rule, heapEnd, blockEnd, need)) {
    return rule.growth === 'fixed' ? refusals.fixedHeap(blockEnd, maxEnd) : refusals.heapLimit(blockEnd, rule.limit);
  }
  return succeed(null);
}

/** [FL-GROW-*] Whether the break may move far enough for a block ending at `blockEnd`. */
function canGrowTo(rule: PlaceRule, heapEnd: number, blockEnd: number, need: number): boolean {
  const maxEnd = rule.limit - rule.epilogue;
  if (rule.growth === 'fixed' || blockEnd > maxEnd) return false;
  if (rule.growthStep === 'chunks') return true;
  return heapEnd + Math.max(need, rule.chunk, roundUp(blockEnd - heapEnd, rule.align)) <= maxEnd;
}

// ---- buddy ([BU-MOVE-1..3]) -----------------------------------------------------------

function buddyBlockBytes(view: BuddyKindView, size: number): number {
  return 2 ** Math.min(buddyOrderFor(size, view), view.maxOrder + 1) * view.unit;
}

function judgeBuddy(view: BuddyKindView, regions: readonly RegionView[], size: number, target: number): Outcome<null, string> {
  const space = 2 ** view.maxOrder * view.unit;
  if (buddyOrderFor(size, view) > view.maxOrder) return buddyRefusals.tooLarge(size, space);
  if (!Number.isInteger(target) || target < 0 || target >= space) return buddyRefusals.outOfRange(target, space);
  const bytes = buddyBlockBytes(view, size);
  if (target % bytes !== 0) return buddyRefusals.misaligned(target, bytes);
  const inside = regions.some((r) => r.state === 'free' && r.start <= target && target + bytes <= r.start + r.size);
  return inside ? succeed(null) : buddyRefusals.notFree(target, bytes);
}
