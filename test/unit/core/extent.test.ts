// The heap's break read from a walk (shared/core/extent.ts) against the engine's own
// figures ([FL-MODEL-1]: the break, and the block space's end = break - epilogue),
// on the csapp preset (a prologue and an epilogue), the lecture preset, and seeded
// random heaps with mappings; the seed is in the test's name.
import { describe, it, expect } from 'vitest';
import { createPrng, nextInt } from '../../../shared/core/prng.ts';
import { heapBreakOf, extentOf } from '../../../shared/core/extent.ts';
import { FreeListHeap } from '../../../shared/freelist/heap.ts';
import { resolveOptions, type FreeListConfig } from '../../../shared/freelist/options.ts';
import { firstFitAddress } from '../../../shared/freelist/policies.ts';
import { CSAPP_CONFIG, LECTURE_CONFIG } from '../../../shared/freelist/presets.ts';

function heapWith(config: FreeListConfig): FreeListHeap {
  const o = resolveOptions(config);
  if (!o.ok) throw new Error(o.message);
  return new FreeListHeap(o.value);
}

function expectEngineBreak(heap: FreeListHeap, where: string): void {
  expect(heapBreakOf(heap.walk()), where).toEqual({ brk: heap.brk, end: heap.end });
}

describe('the heap break read from the regions', () => {
  it('[FL-MODEL-1] a fresh csapp heap: the break 4112 counts the 4-byte epilogue, and a block past it starts at 4108', () => {
    const heap = heapWith(CSAPP_CONFIG);
    expect(heapBreakOf(heap.walk())).toEqual({ brk: 4112, end: 4108 });
  });

  it('[FL-MODEL-1] a csapp heap grown by sbrk: the break and the end move with the epilogue', () => {
    const heap = heapWith(CSAPP_CONFIG);
    heap.placeWith(firstFitAddress.find, 1, 5000);
    heap.check();
    expectEngineBreak(heap, 'after growing');
    expect(heapBreakOf(heap.walk()).brk - heapBreakOf(heap.walk()).end).toBe(4);
  });

  it('[FL-MODEL-1] a lecture heap has no epilogue: the break is the end, 100', () => {
    expect(heapBreakOf(heapWith(LECTURE_CONFIG).walk())).toEqual({ brk: 100, end: 100 });
  });

  it('[FL-MODEL-1] an empty walk has its break at 0', () => {
    expect(heapBreakOf([])).toEqual({ brk: 0, end: 0 });
  });

  it('[FL-MODEL-1] mappings lie outside the break; the extent spans them', () => {
    const heap = heapWith({ ...CSAPP_CONFIG, mmapThreshold: 1000, pageSize: 4096 });
    heap.placeWith(firstFitAddress.find, 1, 2000);
    heap.check();
    expectEngineBreak(heap, 'with a mapping');
    const mapping = heap.walk().find((r) => r.area === 'mmap');
    expect(mapping).toBeDefined();
    expect(extentOf(heap.walk())).toBe(mapping!.start + mapping!.size);
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`[FL-MODEL-1] seed ${seed}: random allocs and frees on heaps with a prologue, an epilogue and mappings keep the engine's break`, () => {
      const prng = createPrng(seed);
      const heap = heapWith({
        align: 8, overhead: 8, header: 4, minBlock: 16, growth: 'sbrk', chunk: 256,
        prologue: [0, 12][nextInt(prng, 0, 1)], epilogue: [0, 4][nextInt(prng, 0, 1)],
        initial: [0, 512][nextInt(prng, 0, 1)], limit: 1 << 20, mmapThreshold: 3000, pageSize: 4096,
      });
      const live: number[] = [];
      for (let id = 1; id <= 300; id++) {
        if (live.length > 0 && nextInt(prng, 0, 2) === 0) {
          const [gone] = live.splice(nextInt(prng, 0, live.length - 1), 1);
          heap.free(gone!);
        } else if (heap.placeWith(firstFitAddress.find, id, nextInt(prng, 1, 4000)) >= 0) live.push(id);
        heap.check();
        expectEngineBreak(heap, `seed ${seed}, step ${id}`);
      }
    });
  }
});
