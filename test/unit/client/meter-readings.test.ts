// The play screen's meter readings (client/src/scenes/play/meters.ts) from a synced heap:
// external fragmentation is not on the wire, so the reading is the one formula
// (shared/core/metrics.ts, 1 - largest hole / free bytes) on the synced gauge.

import { describe, expect, it } from 'vitest';
import type { MatchState } from '../../../server/state/match-state.ts';
import { meterReadings } from '../../../client/src/scenes/play/meters.ts';

function syncedHeap(meters: { freeBytes: number; largestFree: number }): MatchState {
  return {
    kind: 'freelist', rivals: [],
    meters: { liveBytes: 20, heapBytes: 32, internalBytes: 0, peakLive: 24, peakHeap: 32, failures: 0, fallbacks: 0, placed: 3, total: 9, ...meters },
  } as unknown as MatchState;
}

describe('meter readings', () => {
  it('reads external fragmentation from the synced free bytes and largest hole', () => {
    expect(meterReadings(syncedHeap({ freeBytes: 12, largestFree: 8 }), null, null).externalFragmentation).toBeCloseTo(1 / 3, 12);
    expect(meterReadings(syncedHeap({ freeBytes: 12, largestFree: 12 }), null, null).externalFragmentation).toBe(0);
    // No free byte at all: nothing is fragmented.
    expect(meterReadings(syncedHeap({ freeBytes: 0, largestFree: 0 }), null, null).externalFragmentation).toBe(0);
  });

  it('reads utilization from the synced peaks', () => {
    expect(meterReadings(syncedHeap({ freeBytes: 12, largestFree: 8 }), null, null).utilization).toBeCloseTo(24 / 32, 12);
  });
});
