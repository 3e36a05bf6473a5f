// The drag preview (shared/match/preview.ts) against the engine itself: on seeded random
// heaps of every free-list option set and on buddy spaces, the preview's verdict at a
// random address (legal, or the refusal code and words) is the engine's verdict on
// placing the block there ([FL-PLACE-1..8], [BU-MOVE-1..3]); snapping finds a legal spot
// inside the hole under the pointer when there is one.
import { describe, expect, it } from 'vitest';
import { createPrng, nextInt, type PrngState } from '../../../shared/core/prng.ts';
import type { Allocator, RegionView } from '../../../shared/core/allocator.ts';
import { createFreeListHeap } from '../../../shared/freelist/heap.ts';
import type { FreeListConfig } from '../../../shared/freelist/options.ts';
import { BuddyAllocator } from '../../../shared/buddy/buddy.ts';
import { kindViewOf } from '../../../shared/match/kind-view.ts';
import { previewPlacement, snapPlacement } from '../../../shared/match/preview.ts';

const CONFIGS: Readonly<Record<string, FreeListConfig>> = {
  lecture: { align: 1, overhead: 0, minBlock: 1, growth: 'fixed', limit: 99 },
  'sbrk, headers, chunks': { align: 8, overhead: 8, minBlock: 16, growth: 'sbrk', chunk: 256, initial: 0, limit: 4096 },
  'sbrk, block-or-chunk, prologue': { align: 8, overhead: 8, header: 4, minBlock: 16, growth: 'sbrk', growthStep: 'block-or-chunk', chunk: 512, prologue: 12, epilogue: 4, limit: 6000 },
  'deferred coalescing': { align: 4, overhead: 4, minBlock: 8, coalesce: 'deferred', growth: 'fixed', limit: 600 },
  'no splitting': { align: 2, overhead: 0, minBlock: 4, split: false, growth: 'fixed', limit: 500 },
  'with mmap': { align: 16, overhead: 16, minBlock: 32, growth: 'sbrk', chunk: 1024, limit: 8192, mmapThreshold: 700, pageSize: 256 },
};

type Step = { readonly op: 'alloc'; readonly id: number; readonly size: number; readonly target: number } | { readonly op: 'free'; readonly id: number };

/** A heap built by replaying `steps` (refused steps change nothing, as the engine promises). */
function replay(make: () => Allocator, steps: readonly Step[]): Allocator {
  const heap = make();
  for (const s of steps) {
    if (s.op === 'alloc') heap.allocate(s.id, s.size, s.target);
    else heap.free(s.id);
  }
  return heap;
}

/** A random target: mostly near the start of a free region, sometimes anywhere, sometimes past the end. */
function randomTarget(prng: PrngState, regions: readonly RegionView[], span: number): number {
  const free = regions.filter((r) => r.state === 'free');
  const roll = nextInt(prng, 0, 9);
  const hole = free[nextInt(prng, 0, Math.max(0, free.length - 1))];
  if (roll < 5 && hole) return hole.start + nextInt(prng, 0, Math.min(hole.size, 40));
  return nextInt(prng, 0, span);
}

function fuzz(seed: number, make: () => Allocator, sizes: readonly [number, number], span: number): void {
  const prng = createPrng(seed);
  const steps: Step[] = [];
  let nextId = 0;
  for (let round = 0; round < 60; round++) {
    const heap = replay(make, steps);
    const regions = heap.walk();
    const view = kindViewOf(heap);
    const size = nextInt(prng, sizes[0], sizes[1]);
    const target = randomTarget(prng, regions, span);
    const preview = previewPlacement(view, regions, size, target);
    const actual = heap.allocate(nextId, size, target);
    const where = `seed ${seed}, step ${round}: ${size} bytes at ${target}`;
    expect(preview?.legal, where).toBe(actual.ok);
    if (!actual.ok) expect({ code: preview?.code, message: preview?.message }, where).toEqual({ code: actual.code, message: actual.message });

    const snapped = snapPlacement(view, regions, size, target);
    if (snapped?.legal) expect(replay(make, steps).allocate(nextId, size, snapped.address).ok, `${where}: snapped to ${snapped.address}`).toBe(true);

    if (actual.ok) steps.push({ op: 'alloc', id: nextId, size, target });
    nextId++;
    const live = heap.walk().filter((r) => r.state === 'live' && r.id !== undefined);
    const victim = live[nextInt(prng, 0, Math.max(0, live.length - 1))];
    if (victim && nextInt(prng, 0, 2) === 0) steps.push({ op: 'free', id: victim.id! });
  }
}

describe('the drag preview agrees with the free-list engine [FL-PLACE-1..8]', () => {
  for (const [name, config] of Object.entries(CONFIGS)) {
    for (const seed of [1, 2, 3]) {
      it(`${name}, seed ${seed}`, () => {
        const make = () => {
          const heap = createFreeListHeap(config);
          if (!heap.ok) throw new Error(heap.message);
          return heap.value;
        };
        fuzz(seed * 7919 + name.length, make, [1, config.limit && config.limit < 1000 ? 40 : 900], (config.limit ?? 4096) + 64);
      });
    }
  }

  it('snaps a drop a few bytes into a hole to the nearest aligned start that fits', () => {
    const heap = createFreeListHeap(CONFIGS['sbrk, headers, chunks']);
    if (!heap.ok) throw new Error(heap.message);
    const h = heap.value;
    // A 4-byte header and 8-byte alignment: blocks start at 4, 12, 20, ...; 20 + 8 rounds to a 32-byte block.
    expect(h.allocate(1, 20, 20).ok).toBe(true);
    const regions = h.walk();
    const view = kindViewOf(h);
    expect(regions.find((r) => r.state === 'free' && r.start === 52)).toBeDefined();
    expect(previewPlacement(view, regions, 20, 55)).toMatchObject({ legal: false, code: 'place/misaligned' });
    expect(snapPlacement(view, regions, 20, 55)).toEqual({ address: 52, size: 32, legal: true });
    // Inside a live block there is no free space to snap within: the verdict at the spot itself stands.
    expect(snapPlacement(view, regions, 20, 28)).toEqual(previewPlacement(view, regions, 20, 28));
    expect(previewPlacement(view, regions, 20, 28)).toMatchObject({ legal: false, code: 'place/overlaps', message: 'that spot overlaps block 1 (at 20)' });
  });
});

describe('the drag preview agrees with the buddy engine [BU-MOVE-1..3]', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`space of 2^6 units of 4 bytes, seed ${seed}`, () => {
      fuzz(seed, () => new BuddyAllocator({ maxOrder: 6, minOrder: 1, unit: 4 }), [1, 70], 300);
    });
  }

  it('snaps a drop inside a free block down to a multiple of the block size', () => {
    const buddy = new BuddyAllocator({ maxOrder: 3 });
    expect(buddy.allocate(0, 1, 0).ok).toBe(true);
    const view = kindViewOf(buddy);
    const regions = buddy.walk();
    expect(previewPlacement(view, regions, 4, 5)).toMatchObject({ legal: false, code: 'place/misaligned', size: 4 });
    expect(snapPlacement(view, regions, 4, 5)).toEqual({ address: 4, size: 4, legal: true });
    expect(snapPlacement(view, regions, 2, 3)).toEqual({ address: 2, size: 2, legal: true });
    // A 1-byte hole holds no 2-byte block, and the free block next door is not under the pointer: no snap.
    expect(snapPlacement(view, regions, 2, 1)).toMatchObject({ address: 1, legal: false, code: 'place/misaligned' });
    // Over a live block there is nothing to snap to.
    expect(snapPlacement(view, regions, 1, 0)).toMatchObject({ address: 0, legal: false, code: 'buddy/not_free' });
  });
});
