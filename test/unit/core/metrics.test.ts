// The metrics formulas and the tracker that whoever plays an allocator keeps (the
// allocators only answer gauge()). Expected figures are worked out by hand.
import { describe, expect, it } from 'vitest';
import { externalFragmentation, fragmentation, MetricsTracker, utilization } from '../../../shared/core/metrics.ts';
import { BuddyAllocator } from '../../../shared/buddy/buddy.ts';

describe('metrics formulas', () => {
  it('[CORE-METRIC-1] utilization is peak live over peak heap, 1 before the heap holds a byte', () => {
    expect(utilization(3, 4)).toBe(0.75);
    expect(utilization(4, 4)).toBe(1);
    expect(utilization(0, 0)).toBe(1);
  });

  it('[CORE-METRIC-2] fragmentation is the heap beyond peak live, per live byte; external is 1 - largest free / free', () => {
    expect(fragmentation(4, 9)).toBe(5 / 4);
    expect(fragmentation(0, 0)).toBe(0);
    expect(externalFragmentation({ freeBytes: 12, largestFree: 8 })).toBeCloseTo(1 / 3, 12);
    expect(externalFragmentation({ freeBytes: 0, largestFree: 0 })).toBe(0);
  });
});

describe('the tracker of whoever plays an allocator', () => {
  it('[CORE-METRIC-3] observes a buddy space\'s gauge: peaks, the first failure, a timeline', () => {
    const buddy = new BuddyAllocator({ maxOrder: 4 });
    const tracker = new MetricsTracker({ timeline: true });
    const observe = () => tracker.observe(buddy.gauge().liveBytes, buddy.gauge().heapBytes, () => buddy.gauge());
    expect(buddy.allocate(1, 3, 0).ok).toBe(true); // order 2 at 0: heap 4
    observe();
    expect(buddy.allocate(2, 1, 8).ok).toBe(true); // order 0 at 8: heap 9, live 4
    observe();
    expect(buddy.free(2).ok).toBe(true); // the extent falls back to 4
    observe();
    const g = buddy.gauge(); // 12 bytes free, the largest block 8
    tracker.fail(tracker.ops, 16, g.freeBytes, g.largestFree);
    expect(tracker.summary()).toEqual({
      ops: 3,
      failures: 1,
      peakLive: 4,
      peakHeap: 9,
      utilization: 4 / 9,
      fragmentation: 5 / 4,
      firstFailure: { op: 3, size: 16, freeBytes: 12, largestFree: 8 },
    });
    expect(tracker.timeline?.map((p) => p.heapBytes)).toEqual([4, 9, 4]);
  });
});
