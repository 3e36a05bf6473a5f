import { describe, it, expect } from 'vitest';
import { AdaptiveAdversary } from '../../../shared/adversary/adaptive.ts';
import { RoundEngine } from '../../../shared/match/engine.ts';
import type { Request, RequestFeed } from '../../../shared/core/feed.ts';
import { addressLayout } from '../../../shared/match/kinds.ts';
import { playPolicy } from '../../../shared/match/results.ts';
import type { RoundConfig } from '../../../shared/match/match.ts';
import { createFreeListHeap, lectureHeapConfig, firstFitAddress, FREELIST_POLICY_NAMES, type FreeListHeap, type FreeListConfig } from '../../../shared/freelist/index.ts';
import { createPrng, nextInt, type PrngState } from '../../../shared/core/prng.ts';
import type { Allocator, RegionView, Target } from '../../../shared/core/allocator.ts';
import type { StreamEvent } from '../../../shared/core/stream.ts';

const GROWING = lectureHeapConfig(null);

function adaptiveRound(liveBudget: number, maxSize: number, options: FreeListConfig = GROWING): RoundConfig {
  return { kind: 'freelist', options, source: { source: 'adaptive', liveBudget, maxSize }, seed: 1, timePerRequestMs: null, fallback: 'first-fit-address' };
}

/** Free regions between live blocks (the free tail is not a hole: anything fits there by growing). */
function interiorHoles(regions: readonly RegionView[]): RegionView[] {
  const lastLive = regions.map((r) => r.state).lastIndexOf('live');
  return regions.slice(0, Math.max(0, lastLive)).filter((r) => r.state === 'free');
}

/** The hole each live block's free would leave (the last block excluded), by the heap's own walk. */
function mergedHoles(regions: readonly RegionView[]): { handle: number; start: number; merged: number }[] {
  const out: { handle: number; start: number; merged: number }[] = [];
  const lastLive = regions.map((r) => r.state).lastIndexOf('live');
  regions.forEach((r, i) => {
    if (r.state !== 'live' || i === lastLive || r.id === undefined) return;
    const before = regions[i - 1]?.state === 'free' ? (regions[i - 1]?.size ?? 0) : 0;
    const after = regions[i + 1]?.state === 'free' ? (regions[i + 1]?.size ?? 0) : 0;
    out.push({ handle: r.id, start: r.start, merged: before + r.size + after });
  });
  return out;
}

/** Wraps the adversary and checks each of its decisions against the heap's walk, not against its own model. */
class CheckedAdversary implements RequestFeed {
  readonly inner: AdaptiveAdversary;
  readonly maxSize: number;
  readonly handles = new Map<number, number>();
  allocsChecked = 0;
  freesChecked = 0;

  constructor(inner: AdaptiveAdversary, maxSize: number) {
    this.inner = inner;
    this.maxSize = maxSize;
  }

  next(allocator: Allocator): StreamEvent | null {
    const regions = allocator.walk();
    const event = this.inner.next();
    if (event?.op === 'alloc') {
      const largest = Math.max(0, ...interiorHoles(regions).map((h) => h.size));
      expect(event.size).toBe(largest + 1);
      this.allocsChecked++;
    } else if (event?.op === 'free') {
      const candidates = mergedHoles(regions).filter((m) => m.merged < this.maxSize);
      const smallest = Math.min(...candidates.map((c) => c.merged));
      const chosen = candidates.filter((c) => c.merged === smallest).sort((a, b) => a.start - b.start)[0];
      expect(this.handles.get(event.id)).toBe(chosen?.handle);
      this.freesChecked++;
    }
    return event;
  }

  onPlaced(allocator: Allocator, request: Request, target: Target): void {
    this.handles.set(request.streamId, request.requestId);
    this.inner.onPlaced(allocator, request, target);
  }

  onFailed(allocator: Allocator, request: Request): void {
    this.inner.onFailed(allocator, request);
  }
}

/** Plays the adversary with `place` choosing each address; returns the engine and the checker. */
function playChecked(liveBudget: number, maxSize: number, place: (heap: FreeListHeap, size: number) => number) {
  const made = createFreeListHeap(GROWING);
  if (!made.ok) throw new Error(made.message);
  const heap = made.value;
  const layout = addressLayout(heap);
  if (!layout) throw new Error('no layout');
  const checked = new CheckedAdversary(new AdaptiveAdversary({ liveBudget, maxSize }, layout), maxSize);
  const engine = new RoundEngine(heap, checked, { judge: firstFitAddress });
  for (let request = engine.advance(); request; request = engine.advance()) {
    const placed = engine.place(place(heap, request.size));
    if (!placed.ok) throw new Error(`${placed.code}: ${placed.message}`);
    expect(checked.inner.liveBytes).toBeLessThanOrEqual(liveBudget);
  }
  return { engine, checked };
}

/** A player who leaves a gap of 0 to 3 bytes past the last block now and then (never inside a hole: nothing fits there). */
function sloppyPlayer(prng: PrngState) {
  return (heap: FreeListHeap, size: number): number => {
    const at = heap.preview(firstFitAddress.find, size);
    if (at === null) throw new Error('no place');
    return at + heap.blockSize(size) > heap.end ? at + nextInt(prng, 0, 3) : at;
  };
}

describe('the adaptive adversary', () => {
  it('[ADV-ADAPT-1] [ADV-ADAPT-2] [ADV-ADAPT-3] each request is one more than the largest hole; each free leaves the smallest hole, lowest address first', () => {
    const { engine, checked } = playChecked(512, 16, (heap, size) => heap.preview(firstFitAddress.find, size) ?? -1);
    expect(checked.allocsChecked).toBeGreaterThan(500);
    expect(checked.freesChecked).toBeGreaterThan(200);
    expect(engine.summary().peakLive).toBeLessThanOrEqual(512);
    expect(engine.summary().fragmentation).toBeGreaterThan(2);
  });

  for (const seed of [1, 2, 3]) {
    it(`[ADV-ADAPT-4] seed ${seed}: its own picture of the heap follows a player who leaves gaps where nothing fits`, () => {
      const { engine, checked } = playChecked(400, 16, sloppyPlayer(createPrng(seed)));
      expect(checked.freesChecked).toBeGreaterThan(30);
      expect(engine.summary().peakLive).toBeLessThanOrEqual(400);
    });
  }

  it('[ADV-ADAPT-4] the same heap gets the same stream: two runs are identical', () => {
    const a = playPolicy(adaptiveRound(2048, 32), 'best-fit');
    const b = playPolicy(adaptiveRound(2048, 32), 'best-fit');
    expect(a).toEqual(b);
  });

  it('[ADV-ADAPT-5] on a heap with a limit it stops at the first failure', () => {
    const run = playPolicy(adaptiveRound(256, 16, { ...GROWING, limit: 400 }), 'first-fit-address');
    if (!run.ok) throw new Error(run.message);
    expect(run.value.summary.failures).toBe(1);
    expect(run.value.summary.peakHeap).toBeLessThanOrEqual(400);
    expect(run.value.summary.firstFailure?.op).toBe(run.value.summary.ops - 1);
  });

  it('[ADV-ADAPT-6] with sizes 1..64 and M = 65536 it forces fragmentation of 2.5 or more (about 3.9) on every free-list policy, never over M live', () => {
    for (const name of FREELIST_POLICY_NAMES) {
      const run = playPolicy(adaptiveRound(65536, 64), name);
      if (!run.ok) throw new Error(run.message);
      const { summary } = run.value;
      expect(summary.peakLive, name).toBeLessThanOrEqual(65536);
      expect(summary.fragmentation, name).toBeGreaterThanOrEqual(2.5);
      expect(summary.fragmentation, name).toBeGreaterThan(3.8); // the construction reaches 3.9155 here
      expect(summary.failures, name).toBe(0);
    }
  }, 60_000);
});
