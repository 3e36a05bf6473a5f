// Whole streams played by the slab policies, the figures worked out by hand.
import { describe, it, expect } from 'vitest';
import { runSlab, SLAB_POLICIES } from '../../../shared/slab/policies.ts';
import type { SlabRun } from '../../../shared/slab/policies.ts';
import { alloc, free } from '../../../shared/core/stream.ts';
import type { StreamEvent } from '../../../shared/core/stream.ts';

function allocAll(count: number, size: number): StreamEvent[] {
  return Array.from({ length: count }, (_, id) => alloc(id, size));
}

function freeAll(count: number): StreamEvent[] {
  return Array.from({ length: count }, (_, id) => free(id));
}

function run(events: StreamEvent[], policy: string, pageLimit?: number): SlabRun {
  const result = runSlab(events, policy, pageLimit === undefined ? {} : { slab: { pageLimit } });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('runSlab', () => {
  it('[SL-RUN-1] [SL-RUN-2] [SL-CLASS-1] Pintos classes: five 1000-byte objects on two 1024-class pages', () => {
    const result = run([...allocAll(5, 1000), ...freeAll(5)], 'kmalloc-pow2');
    expect(result).toEqual({
      policy: 'kmalloc-pow2',
      ops: 10,
      failures: 0,
      peakLive: 5000,
      peakHeap: 8192,
      utilization: 5000 / 8192,
      fragmentation: 3192 / 5000,
      firstFailure: null,
      pageSize: 4096,
      pagesHeld: 0, // every emptied slab went back
      peakPages: 2,
      neededPages: 0,
      peakNeededPages: 2,
      slabs: { full: 0, partial: 0, empty: 0, large: 0 },
      slotWasteBytes: 0,
      freeSlotBytes: 0,
      internalBytes: 0,
      peakInternalBytes: 5 * 24,
    });
  });

  it('[SL-POL-3] the naive policy opens a slab per object', () => {
    const result = run(allocAll(5, 1000), 'slab-naive');
    expect(result.peakPages).toBe(5);
    expect(result.peakNeededPages).toBe(2);
    expect(result.slotWasteBytes).toBe(5 * 1024);
  });

  it('[SL-CLASS-1] [SL-CLASS-2] [SL-CLASS-3] 1100-byte objects: whole pages each under Pintos, a 1280 class under quarter spacing', () => {
    const pintos = run(allocAll(7, 1100), 'kmalloc-pow2');
    expect(pintos.peakPages).toBe(7);
    expect(pintos.internalBytes).toBe(7 * (4096 - 12 - 1100));
    const quarter = run(allocAll(7, 1100), 'kmalloc-quarter');
    expect(quarter.peakPages).toBe(5); // one slab of 1280-byte slots: 5 pages, 16 slots
    expect(quarter.internalBytes).toBe(7 * 180);
  });

  it('[SL-RUN-1] a request the pool cannot take is a failure', () => {
    const result = run(allocAll(4, 1000), 'kmalloc-pow2', 1);
    expect(result.failures).toBe(1);
    expect(result.firstFailure).toEqual({ op: 3, size: 1000, freeBytes: 0, largestFree: 0 });
  });

  it('[SL-RUN-1] tagged requests go to the named kernel caches under the slab-* policies', () => {
    const result = run([alloc(1, 1700, 'task_struct'), alloc(2, 1700, 'task_struct'), alloc(3, 100)], 'slab-fullest');
    expect(result.peakPages).toBe(3); // one task_struct slab (2 pages), one kmalloc-128 page
    expect(result.slabs).toEqual({ full: 0, partial: 2, empty: 0, large: 0 });
  });

  it('[SL-RUN-1] refuses options whose caches hold no slot', () => {
    const tiny = runSlab([], 'slab-fullest', { slab: { pageSize: 512 } }); // task_struct: 1728 bytes on 2 pages of 512
    expect(tiny.ok ? null : tiny.message).toBe('cache task_struct: a slab of 2 page(s) of 512 bytes holds no 1728-byte slot');
    const zero = runSlab([], 'kmalloc-pow2', { slab: { pageSize: 0 } });
    expect(zero.ok ? null : zero.code).toBe('options/invalid');
  });

  it('[SL-RUN-1] refuses an unknown policy name and registers the five policies', () => {
    const result = runSlab([], 'best-fit');
    expect(result.ok ? null : result.code).toBe('policy/unknown');
    expect([...SLAB_POLICIES.keys()]).toEqual(['slab-fullest', 'slab-first', 'slab-naive', 'kmalloc-pow2', 'kmalloc-quarter']);
  });
});
