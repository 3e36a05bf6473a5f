// The client's one reader of what a room synced (client/src/net/synced.ts): synced
// RegionState -> RegionView, and a MatchState's compact strings -> the engine's shapes.
import { describe, it, expect } from 'vitest';
import { decodeRegions, syncedHappenings, syncedKindView, type RegionLike } from '../../../client/src/net/synced.ts';
import { encodeHappenings } from '../../../shared/match/happening-wire.ts';
import type { Happening } from '../../../shared/match/happenings.ts';
import { encodeKindView } from '../../../shared/match/kind-view-wire.ts';
import type { KindView } from '../../../shared/match/kind-view.ts';

function synced(start: number, size: number, state: string, extra: Partial<RegionLike> = {}): RegionLike {
  return { start, size, state, id: -1, requested: 0, tag: '', area: '', ...extra };
}

describe('the synced region decoder', () => {
  it('keeps ids and requested bytes on live blocks only, and tags and areas only when set', () => {
    expect(decodeRegions([
      synced(0, 12, 'unused', { area: 'heap' }),
      synced(12, 24, 'live', { id: 7, requested: 20, tag: 'ast', area: 'heap' }),
      synced(36, 16, 'free', { id: 3, requested: 9 }),
    ])).toEqual([
      { start: 0, size: 12, state: 'unused', area: 'heap' },
      { start: 12, size: 24, state: 'live', id: 7, requested: 20, tag: 'ast', area: 'heap' },
      { start: 36, size: 16, state: 'free' },
    ]);
  });

  it('reads a state it does not know as unused space (drawn, never chosen)', () => {
    expect(decodeRegions([synced(0, 8, 'mystery')])).toEqual([{ start: 0, size: 8, state: 'unused' }]);
  });
});

describe('the synced happenings', () => {
  const FREED: Happening = { type: 'freed', requestId: 3, start: 10, size: 20 };
  const FAILED: Happening = { type: 'failed', requestId: 5, size: 20, freeBytes: 57, largestFree: 19 };

  it('[MATCH-EVENT-5] reads the happenings\' tuples; none before the first patch, and none from a malformed payload', () => {
    expect(syncedHappenings({ happenings: encodeHappenings([FREED, FAILED]) })).toEqual([FREED, FAILED]);
    expect(syncedHappenings({})).toEqual([]);
    expect(syncedHappenings({ happenings: '' })).toEqual([]);
    expect(syncedHappenings({ happenings: JSON.stringify([FREED]) })).toEqual([]);
  });
});

describe('the synced kind view', () => {
  it('[MATCH-VIEW-2] reads the kind view\'s tuple; null for a kind without one, before the first patch, and for a malformed payload', () => {
    const buddy: KindView = { kind: 'buddy', unit: 1, minOrder: 0, maxOrder: 2, freeLists: [[], [2], []] };
    expect(syncedKindView({ kindView: encodeKindView(buddy) })).toEqual(buddy);
    expect(syncedKindView({ kindView: '' })).toBeNull();
    expect(syncedKindView({})).toBeNull();
    expect(syncedKindView({ kindView: JSON.stringify(buddy) })).toBeNull();
  });
});
