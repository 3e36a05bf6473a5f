// Seeded fuzzing of the slab allocator: random player moves (legal or not), policy
// moves checked against a naive scan of the slab views, random releases, the checker
// after every operation, and an emptied allocator that holds nothing. Seed in the name.
import { describe, it, expect } from 'vitest';
import { SlabAllocator } from '../../../shared/slab/slab.ts';
import type { SlabOptions } from '../../../shared/slab/slab.ts';
import { KERNEL_CACHES, quarterClasses } from '../../../shared/slab/caches.ts';
import { slabFirst, slabFullest, slabNaive } from '../../../shared/slab/policies.ts';
import { createPrng, nextInt } from '../../../shared/core/prng.ts';
import type { PrngState } from '../../../shared/core/prng.ts';

const CONFIGS: readonly SlabOptions[] = [
  { pageLimit: 12 },
  { caches: [{ name: 'tiny', objectSize: 700, pagesPerSlab: 1 }, { name: 'pair', objectSize: 1500, pagesPerSlab: 1 }], classes: null, pageLimit: 6 },
  { caches: KERNEL_CACHES, classes: quarterClasses(), pageLimit: 40 },
];

const TAGS = [undefined, undefined, 'task_struct', 'dentry', 'tiny', 'pair', 'filp'];

/** The naive model of slab-fullest: scan the views for the request's cache. */
function naiveFullest(slab: SlabAllocator, size: number, tag: string | undefined): number | null {
  const route = slab.routeFor(size, tag);
  if (!route.ok) return null;
  if ('largePages' in route.value) return slab.canTakePages(route.value.largePages) ? -1 : null;
  const cache = slab.cacheViews()[route.value.cache];
  const mine = slab.slabViews().filter((v) => v.cache === cache?.name);
  const partial = mine.filter((v) => v.state === 'partial').sort((a, b) => b.used - a.used || a.id - b.id);
  if (partial[0]) return partial[0].id;
  const empty = slab.emptySlabs().find((id) => mine.some((v) => v.id === id));
  if (empty !== undefined) return empty;
  return slab.canTakePages(cache?.pagesPerSlab ?? Infinity) ? -1 : null;
}

function randomSize(prng: PrngState): number {
  return nextInt(prng, 0, 4) === 0 ? nextInt(prng, 1, 20_000) : nextInt(prng, 1, 1800);
}

function fuzz(seed: number, steps: number): void {
  const prng = createPrng(seed);
  const slab = new SlabAllocator(CONFIGS[seed % CONFIGS.length]);
  const live: number[] = [];
  let nextId = 0;
  let accepted = 0;
  for (let step = 0; step < steps; step++) {
    const roll = nextInt(prng, 0, 11);
    const size = randomSize(prng);
    const tag = TAGS[nextInt(prng, 0, TAGS.length - 1)];
    if (roll < 3 && live.length > 0) {
      const [id] = live.splice(nextInt(prng, 0, live.length - 1), 1);
      expect(slab.free(id ?? -1).ok).toBe(true);
    } else if (roll < 6) {
      const policy = [slabFullest, slabFirst, slabNaive][roll - 3] ?? slabFullest;
      const target = policy.choose(slab, size, tag);
      if (policy === slabFullest) expect(target).toBe(naiveFullest(slab, size, tag));
      if (target !== null) {
        expect(slab.allocate(nextId, size, target, tag).ok).toBe(true);
        live.push(nextId++);
      }
    } else if (roll < 10) {
      const held = slab.slabViews().map((v) => v.id);
      const target = [-1, -1, 99, ...held][nextInt(prng, 0, held.length + 2)] ?? -1;
      const before = JSON.stringify([slab.slabViews(), slab.figures()]);
      const placed = slab.allocate(nextId, size, target, tag);
      if (placed.ok) {
        live.push(nextId++);
        accepted++;
      } else {
        expect(JSON.stringify([slab.slabViews(), slab.figures()])).toBe(before);
      }
    } else {
      const held = slab.slabViews().map((v) => v.id);
      const id = held[nextInt(prng, 0, Math.max(0, held.length - 1))] ?? 0;
      const released = slab.release(id);
      if (!released.ok) expect(['slab/not_empty', 'slab/unknown']).toContain(released.code);
    }
    slab.check();
  }
  expect(accepted).toBeGreaterThan(0);
  for (const id of live) {
    expect(slab.free(id).ok).toBe(true);
    slab.check();
  }
  for (const id of slab.emptySlabs()) expect(slab.release(id).ok).toBe(true);
  slab.check();
  expect(slab.slabViews()).toEqual([]);
  expect(slab.gauge()).toEqual({ liveBytes: 0, heapBytes: 0, freeBytes: 0, largestFree: 0, internalBytes: 0 });
  expect(slab.figures()).toMatchObject({ pagesHeld: 0, neededPages: 0, slotWasteBytes: 0, freeSlotBytes: 0 });
}

describe('slab fuzzing', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 42]) {
    it(`[SL-CHECK-1] [SL-CHECK-2] [SL-CHECK-3] [SL-CHECK-4] [SL-CHECK-5] [SL-POL-1] [SL-MOVE-5] seed ${seed}`, () => {
      fuzz(seed, 500);
    });
  }
});
